// A player policy named on batch's command line, read without the YAML reader or the schema
// unless it names a policy file: the built command line bundles batch on its own
// (scripts/build-cli.mjs), and a batch of built-in policies on known scenarios loads neither.
import type { PolicySpec } from '../sim/batch-share';

/** A name with a YAML/JSON extension or a slash is a policy file, not a policy's name. */
export const looksLikeFile = (name: string): boolean => /\.(ya?ml|json)$/i.test(name) || name.includes('/');

/** policySpec (policy-file.ts), importing it only for a policy file. */
export async function policySpecAsync(name: string): Promise<PolicySpec> {
  return looksLikeFile(name) ? (await import('./policy-file')).policySpec(name) : name;
}
