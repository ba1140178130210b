// Modules the build makes (vite.config.ts plugins); their shapes for TypeScript.
// The shipped scenarios, compiled and validated at build time by scripts/shipped-scenarios.ts.
declare module 'virtual:shipped-scenarios' {
  import type { Scenario } from './engine';
  /** `hash`: the engine's scenarioHash of the validated scenario. */
  export const manifest: readonly { file: string; id: string; crisisType: string; hash: string }[];
  export function loadScenario(file: string): Promise<Scenario>;
}

// The map data's ISO codes, baked at build time by scripts/world-iso.ts.
declare module 'virtual:world-iso' {
  /** world-atlas id (ISO numeric, zero-padded) → ISO 3166 alpha-3. */
  export const ISO3_OF: Readonly<Record<string, string>>;
}
