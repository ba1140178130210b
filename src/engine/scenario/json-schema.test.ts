import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURES, FEATURE_KEYS } from '../rules/features';
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

  it('is format 2, with the design lab: every feature, each value with what it means', () => {
    const schema = scenarioJsonSchema() as Json;
    expect(schema.properties.formatVersion.const).toBe(2);
    expect(schema.$id).toBe('urn:alliance-crisis-lab:scenario:2');
    expect(schema.required).not.toContain('rules');
    expect(schema.properties.rules.default).toEqual(['nato', 'sco', 'csto']);
    const definition = schema.properties.ruleSets.additionalProperties;
    expect(definition.required).toEqual(['base', 'name']);
    const features = definition.properties.features;
    expect(features.additionalProperties).toBe(false);
    expect(Object.keys(features.properties)).toEqual(FEATURE_KEYS);
    for (const key of FEATURE_KEYS) {
      const values = FEATURES[key].values as Record<string, { about: string }>;
      expect(features.properties[key].description).toBe(FEATURES[key].about);
      expect(features.properties[key].enum).toEqual(Object.keys(values));
      expect(features.properties[key].enumDescriptions).toEqual(Object.values(values).map((v) => v.about));
    }
    const scripted = schema.properties.alliance.properties.scripted;
    expect(scripted.additionalProperties.additionalProperties.enum).toEqual(['support', 'object', 'abstain', 'stay-out']);
  });

  it('keeps its first keys in a fixed order', () => {
    expect(Object.keys(scenarioJsonSchema()).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'type']);
    expect(scenarioJsonSchemaText().endsWith('}\n')).toBe(true);
  });
});
