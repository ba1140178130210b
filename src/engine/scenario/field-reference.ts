// The field reference of docs/authoring.md, generated from the scenario's JSON Schema (itself
// generated from the zod schema in schema.ts), so that the page cannot drift from what the
// validator accepts. field-reference.test.ts fails when the page's copy is stale; regenerate it
// with `npx tsx scripts/update-authoring.ts`.
import { z } from 'zod';
import { scenarioJsonSchema } from './json-schema';
import { INDICATORS, INTENTS, POSITIONS, RULE_SET_NAME, StateId } from './schema';

/** The comments around the generated text in docs/authoring.md. */
export const FIELD_REFERENCE_START = '<!-- field-reference:start -->';
export const FIELD_REFERENCE_END = '<!-- field-reference:end -->';

type Node = Record<string, unknown>;

/** State ids are written the same everywhere: named once at the top, not as a pattern each time. */
const STATE_ID_PATTERN = (z.toJSONSchema(StateId) as Node).pattern;

/** Lists of words the format uses in several places, named rather than spelt out as "text". */
const NAMED_ENUMS: Array<{ values: readonly string[]; one: string; many: string }> = [
  { values: INDICATORS, one: 'indicator', many: 'indicators' },
  { values: INTENTS, one: 'intent', many: 'intents' },
  { values: POSITIONS, one: 'position', many: 'positions' },
];

function namedEnum(list: unknown): { one: string; many: string } | undefined {
  if (!Array.isArray(list)) return undefined;
  return NAMED_ENUMS.find((e) => e.values.length === list.length && e.values.every((v, i) => v === list[i]));
}

interface Row {
  field: string;
  type: string;
  required: boolean;
  defaultValue: string;
  allowed: string;
  description: string;
  /** Each allowed value with what it means, when the schema describes them (`enumDescriptions`). */
  meanings: Array<[string, string]>;
}

interface Section {
  /** Where the mapping sits, e.g. `states[].profile`; empty for the top level. */
  path: string;
  description: string;
  rows: Row[];
}

const LANGUAGE_KEYS = ['en', 'kk', 'ru'];

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const code = (text: string) => `\`${text}\``;

/** A text in three languages is written the same everywhere: it gets one table, not twenty. */
function isLocalizedText(node: Node): boolean {
  const props = node.properties;
  return isNode(props) && Object.keys(props).sort().join() === LANGUAGE_KEYS.join();
}

function isMapping(node: Node): boolean {
  return node.type === 'object' && isNode(node.properties);
}

function isRecord(node: Node): boolean {
  return node.type === 'object' && !isNode(node.properties) && isNode(node.additionalProperties);
}

function range(min: unknown, max: unknown, unit = ''): string {
  const lo = typeof min === 'number' ? min : undefined;
  const hi = typeof max === 'number' ? max : undefined;
  if (lo !== undefined && hi !== undefined) return lo === hi ? `exactly ${lo}${unit}` : `${lo} to ${hi}${unit}`;
  if (lo !== undefined) return `at least ${lo}${unit}`;
  if (hi !== undefined) return `at most ${hi}${unit}`;
  return '';
}

function values(list: unknown[]): string {
  return list.map((v) => code(typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

/** The type and the allowed values of one field, in words. */
function describe(node: Node, path: string, sections: Array<[string, Node]>): { type: string; allowed: string } {
  if ('const' in node) return { type: node.type === 'string' ? 'text' : String(node.type ?? 'value'), allowed: values([node.const]) };
  if (Array.isArray(node.enum)) return { type: namedEnum(node.enum)?.one ?? 'text', allowed: `one of ${values(node.enum)}` };
  switch (node.type) {
    case 'string': {
      if (node.pattern === STATE_ID_PATTERN) return { type: 'state id', allowed: '' };
      if (node.pattern === RULE_SET_NAME.source) return { type: 'rule-set name', allowed: `matches ${code(node.pattern)}` };
      const parts: string[] = [];
      if (typeof node.pattern === 'string') parts.push(`matches ${code(node.pattern)}`);
      const length = range(node.minLength, node.maxLength, ' characters');
      if (length) parts.push(length);
      return { type: 'text', allowed: parts.join('; ') };
    }
    case 'number':
    case 'integer':
      return { type: node.type === 'integer' ? 'whole number' : 'number', allowed: range(node.minimum, node.maximum) };
    case 'boolean':
      return { type: '`true` or `false`', allowed: '' };
    case 'array': {
      const count = range(node.minItems, node.maxItems, ' items');
      if (Array.isArray(node.prefixItems)) {
        const first = node.prefixItems[0];
        const inner = isNode(first) ? describe(first, `${path}[]`, sections) : { type: 'value', allowed: '' };
        return { type: `list of ${node.prefixItems.length} ${plural(inner.type)}`, allowed: inner.allowed };
      }
      const items = isNode(node.items) ? node.items : {};
      const inner = describe(items, `${path}[]`, sections);
      return { type: `list of ${plural(inner.type)}`, allowed: [count, inner.allowed].filter(Boolean).join('; each ') };
    }
    case 'object': {
      if (isLocalizedText(node)) return { type: 'text in three languages (see [Texts](#texts-en-ru-kk))', allowed: '' };
      if (isMapping(node)) {
        sections.push([path, node]);
        return { type: `mapping (see ${code(path)})`, allowed: '' };
      }
      if (isRecord(node)) {
        const keys = isNode(node.propertyNames) ? node.propertyNames : {};
        const stateKeys = keys.pattern === STATE_ID_PATTERN;
        const key = Array.isArray(keys.enum)
          ? `keys: any of ${values(keys.enum)}`
          : typeof keys.pattern === 'string' && !stateKeys
            ? `keys match ${code(keys.pattern)}`
            : '';
        const inner = describe(node.additionalProperties as Node, `${path}.<name>`, sections);
        // A mapping of mappings says what its inner keys and values are already.
        const value = inner.allowed ? (inner.type.startsWith('mapping') ? inner.allowed : `values: ${inner.allowed}`) : '';
        const from = stateKeys ? 'state ids' : (namedEnum(keys.enum)?.many ?? (Array.isArray(keys.enum) ? 'keys' : 'names'));
        return { type: `mapping of ${from} to ${plural(inner.type)}`, allowed: [key, value].filter(Boolean).join('; ') };
      }
      return { type: 'mapping', allowed: '' };
    }
    default:
      return { type: 'value', allowed: '' };
  }
}

function plural(type: string): string {
  if (type.startsWith('mapping')) return type.replace(/^mapping/, 'mappings');
  if (type.startsWith('text in three languages')) return type.replace(/^text/, 'texts');
  if (type === 'text') return 'texts';
  if (type === 'state id') return 'state ids';
  if (type === 'number') return 'numbers';
  if (type === 'whole number') return 'whole numbers';
  if (type === 'rule-set name') return 'rule-set names';
  const named = NAMED_ENUMS.find((e) => e.one === type);
  if (named) return named.many;
  return type;
}

function rowsOf(node: Node, path: string, sections: Array<[string, Node]>): Row[] {
  const props = isNode(node.properties) ? node.properties : {};
  const required = new Set(Array.isArray(node.required) ? node.required : []);
  return Object.entries(props)
    .filter((e): e is [string, Node] => isNode(e[1]))
    .map(([name, field]) => {
      const childPath = path === '' ? name : `${path}.${name}`;
      const { type, allowed } = describe(field, childPath, sections);
      return {
        field: name,
        type,
        required: required.has(name),
        defaultValue: 'default' in field ? code(JSON.stringify(field.default)) : '',
        allowed,
        description: typeof field.description === 'string' ? field.description : '',
        meanings:
          Array.isArray(field.enum) && Array.isArray(field.enumDescriptions)
            ? field.enum.map((v, i): [string, string] => [String(v), String((field.enumDescriptions as unknown[])[i] ?? '')])
            : [],
      };
    });
}

function collect(root: Node): Section[] {
  const out: Section[] = [];
  const walk = (path: string, node: Node) => {
    const children: Array<[string, Node]> = [];
    out.push({ path, description: typeof node.description === 'string' ? node.description : '', rows: rowsOf(node, path, children) });
    for (const [childPath, child] of children) walk(childPath, child);
  };
  walk('', root);
  return out;
}

/** Where texts in three languages are written, as paths. */
function textPaths(node: Node, path: string, out: string[]): string[] {
  if (isLocalizedText(node)) {
    out.push(path);
    return out;
  }
  if (isNode(node.properties)) {
    for (const [name, child] of Object.entries(node.properties)) if (isNode(child)) textPaths(child, path === '' ? name : `${path}.${name}`, out);
  }
  if (isNode(node.items)) textPaths(node.items, `${path}[]`, out);
  if (isNode(node.additionalProperties)) textPaths(node.additionalProperties, `${path}.<name>`, out);
  return out;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function table(rows: Row[]): string[] {
  return [
    '| field | type | required | default | allowed | description |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) =>
      `| ${[code(r.field), r.type, r.required ? 'yes' : 'no', r.defaultValue, r.allowed, r.description].map(cell).join(' | ')} |`,
    ),
  ];
}

/** The field reference as Markdown: one table per mapping of the format, in file order. */
export function fieldReferenceMarkdown(): string {
  const schema = scenarioJsonSchema() as Node;
  const lines: string[] = [
    '<!-- Generated from src/engine/scenario/schema.ts by src/engine/scenario/field-reference.ts;',
    '     do not edit by hand: run `npx tsx scripts/update-authoring.ts`. -->',
    '',
    'A field marked "required: no" may be left out; when it has a default, the default is used.',
    '`[]` in a path means "each entry of the list"; `<name>` stands for a name of your choice.',
    `A **state id** is 2–16 capital letters, digits or \`_\`, starting with a letter (${code(String(STATE_ID_PATTERN))}),`,
    'usually the ISO 3166-1 alpha-3 code (`POL`, `KAZ`).',
  ];
  let textRows: Row[] = [];
  for (const section of collect(schema)) {
    const title = section.path === '' ? 'The scenario (top level)' : code(section.path);
    lines.push('', `### ${title}`, '');
    if (section.description) lines.push(cell(section.description), '');
    lines.push(...table(section.rows));
    const described = section.rows.filter((r) => r.meanings.length > 0);
    if (described.length > 0) lines.push('', 'What each value means:', '');
    for (const r of described) {
      lines.push(`- ${code(r.field)}: ${cell(r.description)}`);
      for (const [value, meaning] of r.meanings) lines.push(`  - ${code(value)}: ${cell(meaning)}`);
    }
  }
  // The three-language text, once, with where it is used.
  const sample = findText(schema);
  if (sample) textRows = rowsOf(sample, '', []);
  lines.push(
    '',
    '### Texts (`en`, `ru`, `kk`)',
    '',
    cell(typeof sample?.description === 'string' ? sample.description : ''),
    '',
    ...table(textRows),
    '',
    `Used by: ${textPaths(schema, '', []).map(code).join(', ')}.`,
  );
  return `${lines.join('\n')}\n`;
}

function findText(node: Node): Node | undefined {
  if (isLocalizedText(node)) return node;
  const children = [
    ...(isNode(node.properties) ? Object.values(node.properties) : []),
    node.items,
    node.additionalProperties,
  ].filter(isNode);
  for (const child of children) {
    const found = findText(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * The page with the text between the markers replaced by the current field reference; throws
 * when the markers are missing or out of order.
 */
export function withFieldReference(page: string): string {
  const start = page.indexOf(FIELD_REFERENCE_START);
  const end = page.indexOf(FIELD_REFERENCE_END);
  if (start < 0 || end < start) throw new Error(`the page needs ${FIELD_REFERENCE_START} and then ${FIELD_REFERENCE_END}`);
  return `${page.slice(0, start + FIELD_REFERENCE_START.length)}\n${fieldReferenceMarkdown()}${page.slice(end)}`;
}
