// The schema's issues in plain language: which field, what was found, and how to write it,
// as message codes with parameters (messages/), placed where the author wrote the value.
import { isMap, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { FEATURE_KEYS, PRESET_IDS } from '../rules/features';
import { en, type MessageCode } from './messages/en';
import { keyOffset, locate, parentOffset, valueOffset, type Reporter } from './locate';
import type { Fragment, Params, PathSeg } from './problem';
import { SCENARIO_FORMAT_VERSION, Scenario } from './schema';
import { nearest } from './suggest';

type AnySchema = z.core.$ZodType;
interface Def {
  type: string;
  [k: string]: unknown;
}
const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const descriptionOf = (s: AnySchema): string | undefined => (s as unknown as { description?: string }).description;
const frag = (code: MessageCode, params?: Params): Fragment => (params ? { code, params } : { code });

/** Unwraps optional, default and similar wrappers, keeping the first description met. */
function unwrap(s: AnySchema): { schema: AnySchema; description?: string } {
  let description = descriptionOf(s);
  for (let i = 0; i < 10; i++) {
    const def = defOf(s);
    if (def.type === 'pipe') {
      // A transform after a check: what authors write is the pipe's input.
      s = def.in as AnySchema;
      description ??= descriptionOf(s);
      continue;
    }
    if (!['optional', 'default', 'nullable', 'readonly', 'prefault', 'nonoptional', 'catch'].includes(def.type)) break;
    s = def.innerType as AnySchema;
    description ??= descriptionOf(s);
  }
  return { schema: s, description };
}

/** The schema that governs the value at `path`, if the path fits the schema. */
function schemaAt(path: readonly PathSeg[]): { schema: AnySchema; description?: string } | undefined {
  let cur = unwrap(Scenario as unknown as AnySchema);
  for (const seg of path) {
    const def = defOf(cur.schema);
    let next: AnySchema | undefined;
    if (def.type === 'object') next = (def.shape as Record<string, AnySchema>)[String(seg)];
    else if (def.type === 'array') next = def.element as AnySchema;
    else if (def.type === 'tuple') next = (def.items as AnySchema[])[Number(seg)];
    else if (def.type === 'record') next = def.valueType as AnySchema;
    if (!next || (def.type === 'object' && !Object.prototype.hasOwnProperty.call(def.shape, String(seg)))) return undefined;
    cur = unwrap(next);
  }
  return cur;
}

/** The field names a mapping at `path` accepts (object fields, or an enum's keys for records). */
function knownKeys(path: readonly PathSeg[]): string[] {
  const at = schemaAt(path);
  if (!at) return [];
  const def = defOf(at.schema);
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'record') {
    const keyDef = defOf(def.keyType as AnySchema);
    if (keyDef.type === 'enum') return Object.values(keyDef.entries as Record<string, string>);
  }
  return [];
}

function requiredKeys(schema: AnySchema): string[] {
  const def = defOf(schema);
  if (def.type !== 'object') return [];
  return Object.entries(def.shape as Record<string, AnySchema>)
    .filter(([, s]) => !['optional', 'default'].includes(defOf(s).type))
    .map(([k]) => k);
}

/** How to write a correct value for a schema. */
function howToWrite(schema: AnySchema): Fragment {
  const def = defOf(schema);
  const s = schema as unknown as { minValue?: number | null; maxValue?: number | null; isInt?: boolean };
  switch (def.type) {
    case 'number': {
      const lo = typeof s.minValue === 'number' && Number.isFinite(s.minValue) ? s.minValue : undefined;
      const hi = typeof s.maxValue === 'number' && Number.isFinite(s.maxValue) ? s.maxValue : undefined;
      return frag('how.number', { int: s.isInt === true, min: lo, max: hi });
    }
    case 'string':
      return frag('how.text');
    case 'boolean':
      return frag('how.boolean');
    case 'enum':
      return frag('how.oneOf', { values: listValues(Object.values(def.entries as Record<string, unknown>)) });
    case 'literal':
      return frag('how.literal', { values: listValues(def.values as unknown[]) });
    case 'object':
      return frag('how.mapping', { fields: requiredKeys(schema) });
    case 'record':
      return frag('how.record');
    case 'array':
    case 'tuple':
      return frag('how.list');
    default:
      return frag('how.other');
  }
}

/** A percentage written where a share from 0 to 1 is wanted (`35`, `"35%"`): how to write it. */
function percentHint(schema: AnySchema, value: unknown): Fragment | undefined {
  const s = schema as unknown as { minValue?: number | null; maxValue?: number | null };
  if (defOf(schema).type !== 'number' || s.minValue !== 0 || s.maxValue !== 1) return undefined;
  let n: number | undefined;
  if (typeof value === 'number' && value >= 2 && value <= 100) n = value;
  else if (typeof value === 'string') {
    const m = /^\s*(\d{1,3}(?:\.\d{1,6})?)\s*%\s*$/.exec(value);
    if (m && Number(m[1]) <= 100) n = Number(m[1]);
  }
  return n === undefined ? undefined : frag('hint.percent', { n, share: Number((n / 100).toFixed(8)) });
}

/** Values as they are written in JSON: texts quoted, numbers bare. */
function listValues(values: readonly unknown[]): string[] {
  return values.map((v) => JSON.stringify(v));
}

function expectedKind(expected: string): Fragment | string {
  switch (expected) {
    case 'number':
      return frag('kind.number');
    case 'int':
      return frag('kind.int');
    case 'string':
      return frag('kind.text');
    case 'boolean':
      return frag('kind.boolean');
    case 'object':
      return frag('kind.mapping');
    case 'array':
    case 'tuple':
      return frag('kind.list');
    default:
      return expected;
  }
}

/** What was found, in words. */
export function describeValue(value: unknown): Fragment {
  if (value === null || value === undefined) return frag('value.nothing');
  if (typeof value === 'string') return frag('value.text', { text: value.length > 40 ? `${value.slice(0, 40)}…` : value });
  if (typeof value === 'number') return frag('value.number', { n: value });
  if (typeof value === 'boolean') return frag('value.boolean', { b: value });
  if (Array.isArray(value)) return frag('value.list');
  if (typeof value === 'object') return frag('value.mapping');
  return frag('value.other', { type: typeof value });
}

function valueAt(data: unknown, path: readonly PathSeg[]): { found: boolean; value: unknown } {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, seg)) {
      return { found: false, value: undefined };
    }
    cur = (cur as Record<string, unknown>)[seg as string];
  }
  return { found: true, value: cur };
}

const RULE_CODES = Object.keys(en).filter((k): k is MessageCode => k.startsWith('rule.'));

/** A format rule of schema.ts by its English wording (schema.ts takes it from messages/en.ts). */
function ruleOf(message: string | undefined): Fragment | string {
  const code = RULE_CODES.find((c) => (en[c] as () => string)() === message);
  return code ? frag(code) : (message ?? frag('rule.key'));
}

const cmpOf = (small: boolean, inclusive: boolean) => (small ? (inclusive ? 'min' : 'minExclusive') : inclusive ? 'max' : 'maxExclusive');

export function schemaProblem(doc: Document, data: unknown, issue: z.core.$ZodIssue, report: Reporter): void {
  const path = issue.path.filter((s): s is PathSeg => typeof s === 'string' || typeof s === 'number');
  const { found, value } = valueAt(data, path);
  const at = schemaAt(path);
  const about = at?.description;

  if (!found && typeof path[path.length - 1] === 'string' && issue.code !== 'unrecognized_keys') {
    const name = String(path[path.length - 1]);
    report.at(parentOffset(doc, path), path, 'missingField', { name, how: at ? howToWrite(at.schema) : undefined, about });
    return;
  }
  switch (issue.code) {
    case 'invalid_type': {
      const how = at ? howToWrite(at.schema) : undefined;
      const hint = at ? percentHint(at.schema, value) : undefined;
      report.at(valueOffset(doc, path), path, 'wrongType', { expected: expectedKind(issue.expected), got: describeValue(value), how, hint, about });
      return;
    }
    case 'unrecognized_keys': {
      const known = knownKeys(path);
      for (const name of issue.keys) {
        const keyPath = [...path, name];
        const near = nearest(name, known);
        const offset = keyOffset(doc, keyPath);
        if (isFeaturesPath(path)) report.at(offset, keyPath, 'unknownFeature', { name, near, features: [...FEATURE_KEYS] });
        else if (splitText(doc, path, name)) report.at(offset, keyPath, 'splitText', { name });
        else if (near) report.at(offset, keyPath, 'unknownFieldNear', { name, near });
        else report.at(offset, keyPath, 'unknownField', { name, known });
      }
      return;
    }
    case 'invalid_value': {
      const allowed = issue.values;
      if (path.length === 1 && path[0] === 'formatVersion' && typeof value === 'number') {
        // A newer file, not a typo: say which side to update. (Older formats were migrated.)
        const code = value > SCENARIO_FORMAT_VERSION ? 'formatNewer' : 'formatUnknown';
        report.at(valueOffset(doc, path), path, code, { value, version: SCENARIO_FORMAT_VERSION });
        return;
      }
      if (allowed.length === 1) {
        report.at(valueOffset(doc, path), path, 'mustBe', { allowed: listValues(allowed), got: describeValue(value) });
        return;
      }
      const strings = allowed.filter((v): v is string => typeof v === 'string');
      const near = typeof value === 'string' ? nearest(value, strings) : undefined;
      const shown = typeof value === 'string' ? frag('value.quoted', { text: value }) : describeValue(value);
      report.at(valueOffset(doc, path), path, 'notAllowed', { value: shown, near, allowed: listValues(allowed) });
      return;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum);
      const cmp = cmpOf(small, issue.inclusive !== false);
      const offset = valueOffset(doc, path);
      if (issue.origin === 'array' || issue.origin === 'set') {
        report.at(offset, path, 'listSize', { cmp, bound, count: Array.isArray(value) ? value.length : 0, about });
      } else if (issue.origin === 'string') {
        if (small && bound === 1) report.at(offset, path, 'textEmpty', { about });
        else report.at(offset, path, 'textLength', { cmp, bound, count: typeof value === 'string' ? value.length : 0, about });
      } else {
        const how = at ? howToWrite(at.schema) : undefined;
        const hint = at ? percentHint(at.schema, value) : undefined;
        report.at(offset, path, 'numberBound', { cmp, bound, got: describeValue(value), how, hint, about });
      }
      return;
    }
    case 'invalid_format': {
      report.at(valueOffset(doc, path), path, 'badFormat', { got: describeValue(value), rule: ruleOf(issue.message), near: ruleSetHint(data, path, value) });
      return;
    }
    case 'invalid_key': {
      const key = String(path[path.length - 1] ?? '');
      report.at(keyOffset(doc, path), path, 'badKey', { key, rule: ruleOf(issue.issues[0]?.message) });
      return;
    }
    case 'invalid_element': {
      report.at(valueOffset(doc, path), path, 'badEntry', { rule: ruleOf(issue.issues[0]?.message ?? issue.message) });
      return;
    }
    default:
      report.at(valueOffset(doc, path), path, 'schemaOther', { detail: issue.message, how: at ? howToWrite(at.schema) : undefined });
  }
}

/** For a misspelt entry of `rules` (`Sco`), the rule set meant. */
function ruleSetHint(data: unknown, path: readonly PathSeg[], value: unknown): string | undefined {
  if (path.length !== 2 || path[0] !== 'rules' || typeof value !== 'string') return undefined;
  const defined = valueAt(data, ['ruleSets']).value;
  const names = [...PRESET_IDS, ...(defined !== null && typeof defined === 'object' ? Object.keys(defined) : [])];
  return nearest(value, names);
}

/** `ruleSets.<name>.features`, where the keys are institutional features. */
function isFeaturesPath(path: readonly PathSeg[]): boolean {
  return path.length === 3 && path[0] === 'ruleSets' && path[2] === 'features';
}

/**
 * An unknown "field" that is really the end of a text cut by a comma inside braces
 * (`{ en: Consult at once, then act }`): a key with a space in it, no value, in a flow mapping.
 */
function splitText(doc: Document, path: readonly PathSeg[], name: string): boolean {
  const parent = locate(doc, path).node;
  if (!isMap(parent) || !parent.flow || !/\s/.test(name)) return false;
  const value = locate(doc, [...path, name]).node;
  return value === null || value === undefined || (isScalar(value) && value.value === null);
}
