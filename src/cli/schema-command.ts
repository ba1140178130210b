// `crisis-lab schema`: prints the scenario JSON Schema (the content of scenarios/schema.json).
import { scenarioJsonSchemaText } from '../engine/index';

export async function schemaCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write('Usage: crisis-lab schema > scenarios/schema.json\nPrints the scenario JSON Schema.\n');
    return 0;
  }
  if (args.length > 0) {
    process.stderr.write(`crisis-lab schema: takes no arguments, got ${args.join(' ')}\n`);
    return 2;
  }
  process.stdout.write(scenarioJsonSchemaText());
  return 0;
}
