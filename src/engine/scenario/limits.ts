// The largest scenario file read, apart from the YAML guards (guards.ts): a command that plays a
// file it validated before checks the size without loading the YAML library.
export const MAX_SCENARIO_BYTES = 1_000_000;
