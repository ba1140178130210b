// The scenario format's JSON Schema, generated from the zod schema so the two cannot drift.
// Editors use it (a scenario's `$schema: ./schema.json`) to complete and check fields as one types.
// scenarios/schema.json holds its text; json-schema.test.ts fails when that file is stale.
import { z } from 'zod';
import { SCENARIO_FORMAT_VERSION, Scenario } from './schema';

/** A URN rather than a URL: the project has no web address that would serve the file. */
export const SCENARIO_SCHEMA_ID = `urn:alliance-crisis-lab:scenario:${SCENARIO_FORMAT_VERSION}`;

export function scenarioJsonSchema(): object {
  // `io: 'input'` describes what authors may write: fields with defaults are optional.
  const { $schema, ...rest } = z.toJSONSchema(Scenario, { io: 'input' }) as Record<string, unknown>;
  return {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: `Alliance Crisis Lab scenario, format version ${SCENARIO_FORMAT_VERSION}`,
    ...rest,
  };
}

/** The exact text of scenarios/schema.json: two-space indents and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
