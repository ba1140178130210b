// `crisis-lab schema` (being written: see the "Validation that helps" issue).
export async function schemaCommand(_args: string[]): Promise<number> {
  process.stderr.write('crisis-lab schema: not implemented yet\n');
  return 1;
}
