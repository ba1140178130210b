import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENARIO_SCHEMA_ID, scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema';

type Json = Record<string, any>;

describe('scenario JSON Schema', () => {
  it('scenarios/schema.json is the generated text', () => {
    const shipped = readFileSync('scenarios/schema.json', 'utf8');
    // A diff of the whole schema is noise; the message says how to fix it.
    if (shipped !== scenarioJsonSchemaText()) {
      expect.fail('scenarios/schema.json is stale: regenerate it with `npx crisis-lab schema > scenarios/schema.json`');
    }
  });

  it('describes what authors write: strict objects, defaults optional', () => {
    const schema = scenarioJsonSchema() as Json;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(SCENARIO_SCHEMA_ID);
    expect(schema.title).toMatch(/scenario/);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.states.items.additionalProperties).toBe(false);
    expect(schema.properties.states.items.properties.profile.additionalProperties).toBe(false);
    // Fields with a default may be left out.
    expect(schema.required).toContain('horizon');
    expect(schema.required).not.toContain('fictional');
    expect(schema.required).not.toContain('policies');
    expect(schema.properties.fictional.default).toBe(false);
    expect(schema.properties.states.items.properties.profile.required).not.toContain('threat');
    expect(schema.properties.events.items.properties.kind.enum).toContain('member-clash');
  });

  it('keeps its first keys in a fixed order', () => {
    expect(Object.keys(scenarioJsonSchema()).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'type']);
    expect(scenarioJsonSchemaText().endsWith('}\n')).toBe(true);
  });
});
