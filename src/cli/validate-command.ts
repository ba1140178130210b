// `crisis-lab validate <scenario...>` (being written: see the "Validation that helps" issue).
export async function validateCommand(_args: string[]): Promise<number> {
  process.stderr.write('crisis-lab validate: not implemented yet\n');
  return 1;
}
