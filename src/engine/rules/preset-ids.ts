// The presets' names alone. The pages colour and name rule sets by them before anything else of the
// engine is loaded (the game's theme, before its first frame); features.ts holds the presets'
// features and the texts that describe them, which would otherwise come along.
export type PresetId = 'nato' | 'sco' | 'csto';
export const PRESET_IDS: PresetId[] = ['nato', 'sco', 'csto'];
