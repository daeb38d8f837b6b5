/**
 * Hostile request inputs for the API fuzz test (`platform/api-fuzz.int.test.ts`). An operation's
 * JSON schemas (from `/api/openapi.json`) give a valid example request; every input then spoils it in
 * one place — a path parameter, a query parameter, one property of the body, or the body as a whole —
 * so the hostile part reaches as deep into the route as validation lets it.
 */
import { randomUUID } from 'node:crypto';

/** The subset of JSON Schema (draft 2020-12, as zod and @fastify/swagger write it) the fuzzer reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  default?: unknown;
}

/** Fills in the values a schema cannot know (the seeded brand's id for `brandId`, …), by property name. */
export type ExampleHint = (propertyName: string, schema: JsonSchema) => unknown;

const noHint: ExampleHint = () => undefined;

function firstOption(schema: JsonSchema): JsonSchema | undefined {
  const options = schema.anyOf ?? schema.oneOf;
  if (!options) return undefined;
  return options.find((option) => option.type !== 'null') ?? options[0];
}

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties || schema.additionalProperties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function exampleString(schema: JsonSchema): string {
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'email') return 'fuzz@example.com';
  if (schema.format === 'date-time') return new Date().toISOString();
  if (schema.format === 'uri') return 'https://example.com/';
  const length = Math.min(Math.max(schema.minLength ?? 1, 24), schema.maxLength ?? 24);
  return 'Fuzzing example text here'.padEnd(length, 'x').slice(0, length);
}

function exampleNumber(schema: JsonSchema): number {
  if (schema.minimum !== undefined) return schema.minimum;
  if (schema.exclusiveMinimum !== undefined) return Math.floor(schema.exclusiveMinimum) + 1;
  return Math.min(1, schema.maximum ?? 1);
}

/** A valid value for `schema` (as far as a schema can say): every property present, arrays non-empty. */
export function exampleOf(schema: JsonSchema, hint: ExampleHint = noHint, name = ''): unknown {
  const hinted = name ? hint(name, schema) : undefined;
  if (hinted !== undefined) return hinted;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const option = firstOption(schema);
  if (option) return exampleOf(option, hint, name);
  if (schema.allOf?.[0]) return exampleOf(schema.allOf[0], hint, name);
  switch (typeOf(schema)) {
    case 'string':
      return exampleString(schema);
    case 'integer':
    case 'number':
      return exampleNumber(schema);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const count = Math.min(Math.max(schema.minItems ?? 1, 1), schema.maxItems ?? 1);
      return Array.from({ length: count }, () => exampleOf(schema.items ?? {}, hint, name));
    }
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        value[key] = exampleOf(property, hint, key);
      }
      return value;
    }
    default:
      return 'Fuzzing example text here';
  }
}

/** JSON text that `JSON.stringify` cannot produce (numbers beyond doubles, duplicate keys, …). */
export class RawJson {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** `JSON.stringify`, writing each `RawJson` as its text verbatim. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, inner: unknown) => {
    if (inner instanceof RawJson) {
      raws.push(inner.text);
      return `__RAW_JSON_${raws.length - 1}__`;
    }
    return inner;
  });
  return text.replace(/"__RAW_JSON_(\d+)__"/g, (_match, index: string) => raws[Number(index)] ?? 'null');
}

export interface Labelled<T> {
  label: string;
  value: T;
}

/** Stays under the default 1 MiB body limit together with the rest of an example body. */
export const NEAR_BODY_LIMIT_CHARACTERS = 1_040_000;

/** Strings PostgreSQL cannot store, Unicode oddities, injection attempts and sizes at the limits. */
export function hostileStrings(): Labelled<string>[] {
  return [
    { label: 'NUL', value: '\u0000' },
    { label: 'text with NUL inside', value: 'brand\u0000name' },
    { label: 'lone high surrogate', value: '\ud800' },
    { label: 'lone low surrogate inside text', value: 'ab\udfffcd' },
    { label: 'surrogates reversed', value: '\udc00\ud800' },
    { label: 'C0 control characters', value: '\u0001\u0002\u0007\u001b\u001f' },
    { label: 'DEL and C1 controls', value: '\u007f\u0080\u0085\u009f' },
    {
      label: 'separators, byte-order mark, non-characters, bidi override',
      value: 'a\u2028b\u2029c\ufeff\uffff\ufffe\ufdd0\u202egnirts\u202c',
    },
    { label: 'emoji sequences', value: '😀👍🏽👨‍👩‍👧🏳️‍🌈' },
    { label: 'combining marks', value: `e${'\u0301'.repeat(200)}` },
    {
      label: 'injection attempts',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax is part of the attack text.
      value: "'); drop table users; -- <script>alert(1)</script> ${7*7} {{7*7}} ../../etc/passwd %00 \\u0000",
    },
    { label: 'whitespace only', value: ' \t\r\n ' },
    { label: 'empty string', value: '' },
    { label: 'NaN as text', value: 'NaN' },
    { label: '-0 as text', value: '-0' },
    { label: 'huge number as text', value: '9'.repeat(400) },
    { label: '10 000 characters', value: 'x'.repeat(10_000) },
    { label: '1 MB string near the body limit', value: 'y'.repeat(NEAR_BODY_LIMIT_CHARACTERS) },
  ];
}

/** Numbers at and past the edges of int4, int8 and doubles, written as raw JSON. */
export function hostileNumbers(): Labelled<RawJson>[] {
  return [
    { label: '2^31', value: new RawJson('2147483648') },
    { label: '-2^31 - 1', value: new RawJson('-2147483649') },
    { label: '2^53 + 2', value: new RawJson('9007199254740994') },
    { label: '2^63', value: new RawJson('9223372036854775808') },
    { label: '30-digit integer', value: new RawJson('123456789012345678901234567890') },
    { label: '1e400 (Infinity once parsed)', value: new RawJson('1e400') },
    { label: '-1e400', value: new RawJson('-1e400') },
    { label: '-0', value: new RawJson('-0') },
    { label: 'fraction', value: new RawJson('1.5') },
    { label: 'negative', value: new RawJson('-1') },
    { label: 'smallest denormal', value: new RawJson('5e-324') },
    { label: 'zero', value: new RawJson('0') },
  ];
}

/** Every JSON type, for a property that expects another. */
export function wrongTypes(): Labelled<unknown>[] {
  return [
    { label: 'null', value: null },
    { label: 'true', value: true },
    { label: 'number', value: 42 },
    { label: 'string', value: 'a string' },
    { label: 'empty array', value: [] },
    { label: 'empty object', value: {} },
  ];
}

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { deeper: value };
  return value;
}

type PathStep = string | number;

function getAt(root: unknown, path: PathStep[]): unknown {
  let node = root;
  for (const step of path) node = (node as Record<string | number, unknown>)[step];
  return node;
}

function replaceAt(root: unknown, path: PathStep[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [PathStep, ...PathStep[]];
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = replaceAt(copy[head as number], rest, replacement);
    return copy;
  }
  const record = root as Record<string, unknown>;
  return { ...record, [head]: replaceAt(record[head], rest, replacement) };
}

function omitAt(root: unknown, path: PathStep[]): unknown {
  const parent = path.slice(0, -1);
  const last = path.at(-1) as PathStep;
  const container = getAt(root, parent);
  if (Array.isArray(container))
    return replaceAt(
      root,
      parent,
      container.filter((_, index) => index !== last),
    );
  const { [last]: _omitted, ...rest } = container as Record<string, unknown>;
  return replaceAt(root, parent, rest);
}

function pathsOf(value: unknown, prefix: PathStep[] = []): PathStep[][] {
  const paths: PathStep[][] = [];
  if (Array.isArray(value)) {
    value.forEach((element, index) => {
      paths.push([...prefix, index], ...pathsOf(element, [...prefix, index]));
    });
  } else if (value && typeof value === 'object') {
    for (const [key, element] of Object.entries(value)) {
      paths.push([...prefix, key], ...pathsOf(element, [...prefix, key]));
    }
  }
  return paths;
}

const label = (path: PathStep[]) => (path.length === 0 ? 'body' : `body.${path.join('.')}`);

/**
 * The example body spoiled one place at a time: every property replaced by every wrong type, strings
 * by hostile strings, numbers by hostile numbers, properties removed, objects given hostile keys and
 * nested too deep. Returns JSON texts.
 */
export function bodyMutations(example: unknown): Labelled<string>[] {
  const inputs: Labelled<string>[] = [];
  const add = (text: string, what: string) => inputs.push({ label: what, value: text });
  for (const path of [[], ...pathsOf(example)] as PathStep[][]) {
    const where = label(path);
    const current = getAt(example, path);
    if (path.length > 0) {
      for (const wrong of wrongTypes())
        add(toJsonText(replaceAt(example, path, wrong.value)), `${where} = ${wrong.label}`);
      add(toJsonText(omitAt(example, path)), `${where} omitted`);
    }
    if (typeof current === 'string') {
      for (const hostile of hostileStrings())
        add(toJsonText(replaceAt(example, path, hostile.value)), `${where} = ${hostile.label}`);
    }
    if (typeof current === 'number') {
      for (const hostile of hostileNumbers())
        add(toJsonText(replaceAt(example, path, hostile.value)), `${where} = ${hostile.label}`);
      add(toJsonText(replaceAt(example, path, String(current))), `${where} as a string`);
    }
    if (current && typeof current === 'object') {
      const record = Array.isArray(current) ? undefined : (current as Record<string, unknown>);
      if (record) {
        add(
          toJsonText(replaceAt(example, path, { ...record, 'key\u0000with NUL': 'x' })),
          `${where} with a NUL key`,
        );
        add(
          toJsonText(replaceAt(example, path, { ...record, '\ud800': 'x' })),
          `${where} with a lone-surrogate key`,
        );
        add(
          toJsonText(replaceAt(example, path, { ...record, unexpected: '\u0000' })),
          `${where} with an unknown key`,
        );
      }
      add(toJsonText(replaceAt(example, path, nested(40, 'deep'))), `${where} nested 40 deep`);
      if (Array.isArray(current) && current.length > 0) {
        add(
          toJsonText(replaceAt(example, path, Array(5000).fill(current[0]))),
          `${where} with 5000 elements`,
        );
      }
    }
  }
  return inputs;
}

export interface RawBody {
  label: string;
  contentType: string | undefined;
  payload: string | Buffer;
}

/** Whole bodies that are broken, of the wrong kind, prototype-polluting, too deep or too large. */
export function wholeBodies(example: unknown, bodyLimitBytes: number): RawBody[] {
  const json = 'application/json';
  const exampleText = toJsonText(example ?? {});
  const withKey = (key: string, value: string) =>
    exampleText === '{}' ? `{"${key}":${value}}` : `{"${key}":${value},${exampleText.slice(1)}`;
  return [
    { label: 'invalid JSON', contentType: json, payload: '{"name": "x",' },
    { label: 'truncated JSON string', contentType: json, payload: '{"name": "x' },
    { label: 'JSON with a raw NUL byte', contentType: json, payload: '{"name": "a\u0000b"}' },
    { label: 'JSON with an invalid escape', contentType: json, payload: '{"name": "\\x00"}' },
    { label: 'JSON with a \\u0000 escape', contentType: json, payload: '{"name": "\\u0000"}' },
    { label: 'empty body', contentType: json, payload: '' },
    { label: 'whitespace body', contentType: json, payload: '   ' },
    { label: 'null', contentType: json, payload: 'null' },
    { label: 'array instead of object', contentType: json, payload: `[${exampleText}]` },
    { label: 'string instead of object', contentType: json, payload: '"text"' },
    { label: 'number instead of object', contentType: json, payload: '1e400' },
    { label: 'true instead of object', contentType: json, payload: 'true' },
    { label: '__proto__ key', contentType: json, payload: withKey('__proto__', '{"polluted":true}') },
    {
      label: 'constructor.prototype key',
      contentType: json,
      payload: withKey('constructor', '{"prototype":{"polluted":true}}'),
    },
    { label: 'duplicate keys', contentType: json, payload: withKey('a', '1').replace('{', '{"a":2,') },
    { label: 'nested 33 deep', contentType: json, payload: toJsonText(nested(33, example ?? {})) },
    {
      label: 'arrays nested 100 000 deep',
      contentType: json,
      payload: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    },
    {
      label: 'objects nested 50 000 deep',
      contentType: json,
      payload: `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
    },
    {
      label: '__proto__ nested 5 000 deep',
      contentType: json,
      payload: `${'{"__proto__":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
    },
    {
      label: 'body over the limit',
      contentType: json,
      payload: `{"x":"${'z'.repeat(bodyLimitBytes + 10)}"}`,
    },
    { label: 'byte-order mark before JSON', contentType: json, payload: `\ufeff${exampleText}` },
    {
      label: 'invalid UTF-8 bytes',
      contentType: json,
      payload: Buffer.concat([
        Buffer.from('{"name":"'),
        Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80]),
        Buffer.from('"}'),
      ]),
    },
    { label: 'text/plain', contentType: 'text/plain', payload: exampleText },
    {
      label: 'form-urlencoded',
      contentType: 'application/x-www-form-urlencoded',
      payload: 'name=x&__proto__=y',
    },
    {
      label: 'multipart',
      contentType: 'multipart/form-data; boundary=x',
      payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
    },
    { label: 'XML', contentType: 'application/xml', payload: '<a>b</a>' },
    {
      label: 'JSON declared as UTF-16',
      contentType: 'application/json; charset=utf-16',
      payload: exampleText,
    },
    { label: 'malformed content type', contentType: 'application/json;;;==', payload: exampleText },
    { label: 'no content type', contentType: undefined, payload: exampleText },
  ];
}

/** Path segments as sent on the wire (already percent-encoded where they need to be). */
export function hostilePathSegments(validId: string): Labelled<string>[] {
  return [
    { label: '2^31 - 1', value: '2147483647' },
    { label: '2^31', value: '2147483648' },
    { label: '-2^31 - 1', value: '-2147483649' },
    { label: '2^32', value: '4294967296' },
    { label: '2^63', value: '9223372036854775808' },
    { label: '2^64', value: '18446744073709551616' },
    { label: '400-digit number', value: `1${'0'.repeat(400)}` },
    { label: 'negative', value: '-1' },
    { label: 'zero', value: '0' },
    { label: '-0', value: '-0' },
    { label: 'fraction', value: '1.5' },
    { label: 'exponent', value: '1e3' },
    { label: '1e309', value: '1e309' },
    { label: 'NaN', value: 'NaN' },
    { label: 'Infinity', value: 'Infinity' },
    { label: 'hexadecimal', value: '0x10' },
    { label: 'leading space', value: '%201' },
    { label: 'null', value: 'null' },
    { label: 'not a uuid', value: 'not-a-uuid' },
    { label: 'nil uuid', value: '00000000-0000-0000-0000-000000000000' },
    { label: 'max uuid', value: 'ffffffff-ffff-ffff-ffff-ffffffffffff' },
    { label: 'upper-case id', value: validId.toUpperCase() },
    { label: 'id without dashes', value: validId.replaceAll('-', '') },
    { label: 'id with a suffix', value: `${validId}x` },
    { label: 'id with an encoded NUL', value: `${validId}%00` },
    { label: 'unknown uuid', value: randomUUID() },
    { label: 'encoded NUL', value: '%00' },
    { label: 'text with an encoded NUL', value: 'a%00b' },
    { label: 'UTF-8 of a lone surrogate', value: '%ED%A0%80' },
    { label: 'overlong NUL', value: '%C0%80' },
    { label: 'invalid UTF-8', value: '%FF%FE' },
    { label: 'truncated UTF-8', value: '%E2%82' },
    { label: 'emoji', value: '%F0%9F%98%80' },
    { label: 'right-to-left override', value: '%E2%80%AE' },
    { label: 'lone percent sign', value: '%' },
    { label: 'bad percent escape', value: '%zz' },
    { label: 'encoded percent', value: '%25' },
    { label: 'encoded slash', value: '%2F' },
    { label: 'dot dot', value: '%2E%2E' },
    { label: '__proto__', value: '__proto__' },
    { label: 'constructor', value: 'constructor' },
    { label: 'SQL injection', value: '%27)%3B%20drop%20table%20users%3B--' },
    { label: 'HTML', value: '%3Cscript%3E' },
    { label: '200 characters', value: 'a'.repeat(200) },
    { label: '201 characters', value: 'a'.repeat(201) },
    { label: '10 000 characters', value: 'a'.repeat(10_000) },
  ];
}

/** Query strings for one parameter (raw), and for the query as a whole. */
export function hostileQueries(name: string, validId: string): Labelled<string>[] {
  const values = hostilePathSegments(validId).map((segment) => ({
    label: `${name}=${segment.label}`,
    value: `${name}=${segment.value}`,
  }));
  return [
    ...values,
    { label: `${name} repeated`, value: `${name}=1&${name}=2` },
    { label: `${name}[] array`, value: `${name}[]=1&${name}[]=2` },
    { label: `${name}[key] object`, value: `${name}[a]=1` },
    { label: `${name} empty`, value: `${name}=` },
    { label: `${name} without a value`, value: name },
    { label: `${name} with a 100 kB value`, value: `${name}=${'q'.repeat(100_000)}` },
  ];
}

export function genericQueries(): Labelled<string>[] {
  return [
    { label: 'unknown parameter', value: 'unknown=1' },
    { label: '__proto__ parameter', value: '__proto__=1&constructor=2' },
    { label: 'encoded NUL name', value: '%00=1' },
    { label: 'encoded NUL value', value: 'unknown=%00' },
    { label: 'lone surrogate value', value: 'unknown=%ED%A0%80' },
    { label: 'lone percent sign', value: 'a=%' },
    { label: 'many parameters', value: Array.from({ length: 2000 }, (_, index) => `p${index}=1`).join('&') },
  ];
}

/** Cookie headers with a broken, forged, doubled or oversized session cookie (`name=value` is the real one). */
export function hostileCookies(sessionCookie: string): Labelled<string>[] {
  const separator = sessionCookie.indexOf('=');
  const name = separator > 0 ? sessionCookie.slice(0, separator) : 'session';
  const value = separator > 0 ? sessionCookie.slice(separator + 1) : '';
  return [
    { label: 'empty session cookie', value: `${name}=` },
    { label: 'encoded NUL session cookie', value: `${name}=%00` },
    { label: 'session cookie with an encoded NUL', value: `${name}=${value}%00` },
    {
      label: 'session cookie with a forged signature',
      value: `${name}=${value.split('.')[0] ?? value}.Zm9yZ2Vk`,
    },
    { label: 'UTF-8 of a lone surrogate', value: `${name}=%ED%A0%80` },
    { label: 'lone percent sign', value: `${name}=%` },
    { label: 'quoted value', value: `${name}="${value}"` },
    { label: 'session cookie twice', value: `${name}=forged; ${name}=${value}` },
    { label: '4 kB session cookie', value: `${name}=${'a'.repeat(4096)}` },
    { label: 'no name', value: `=${value}` },
    { label: 'only separators', value: ';;=;=;' },
    { label: 'prototype keys', value: '__proto__=x; constructor=y' },
    {
      label: 'a hundred cookies',
      value: Array.from({ length: 100 }, (_, index) => `c${index}=${index}`).join('; '),
    },
  ];
}
