import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schema that fastify-type-provider-zod derives from each route's
 * zod schemas (the OpenAPI document is the route table): values the schema accepts, and broken ones.
 */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
}

const THAI_WORDS = ['เทศบาลตำบลชมภู', 'เหมืองฝาย', 'ประปาหมู่บ้าน', 'ผู้ใหญ่บ้าน', 'วัดชมภู', 'กองทุนสวัสดิการ', 'ลำไย', 'ต้นน้ำ', 'อสม.', 'ปิง'];
const thaiText = (max: number) =>
  fc.array(fc.constantFrom(...THAI_WORDS, ' '), { maxLength: Math.max(1, Math.floor(max / 6)) }).map((w) => w.join('').slice(0, max));

/** Real ids of the fuzzed tenant, so that a generated id sometimes reaches past the 404. */
export const idPool: string[] = [];
const uuidArb = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(idPool.length ? idPool : ['00000000-0000-4000-8000-000000000000'])) },
    { weight: 1, arbitrary: fc.uuid() },
  );

const isoDate = (min: number, max: number) =>
  fc.date({ min: new Date(Date.UTC(min, 0, 1)), max: new Date(Date.UTC(max, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** The characters of a regular-expression class body such as `A-Za-z0-9_-` (no `\\d`-style classes: then []). */
export function classChars(body: string): string[] {
  const items: { c: string; escaped: boolean }[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') items.push({ c: body[i], escaped: false });
    else if (/[-\]\\^.+*?()[{}|/$]/.test(body[i + 1] ?? '')) items.push({ c: body[++i], escaped: true });
    else return [];
  }
  const out = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const dash = items[i + 1];
    if (dash && dash.c === '-' && !dash.escaped && i + 2 < items.length) {
      for (let c = items[i].c.charCodeAt(0); c <= items[i + 2].c.charCodeAt(0); c++) out.add(String.fromCharCode(c));
      i += 2;
    } else out.add(items[i].c);
  }
  return [...out];
}

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 60, 60, Math.max(min, 60));
  if (s.format === 'uuid') return uuidArb();
  if (s.format === 'date' || s.pattern === '^\\d{4}-\\d{2}-\\d{2}$' || s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return isoDate(2020, 2027);
  if (s.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'uri' || s.format === 'url') return fc.webUrl();
  if (s.pattern) {
    // `^[class]+$` (tokens, slugs' tails): strings of that class at the schema's lengths. Filtering
    // fc.stringMatching by length instead never ends when the lengths are out of its reach (a token of
    // minLength 20: fast-check's filter retries forever — the stall of the first full runs).
    const cls = /^\^\[((?:\\.|[^\]\\])+)\][+*]\$$/.exec(s.pattern);
    if (cls) {
      const chars = classChars(cls[1]);
      if (chars.length) return fc.string({ unit: fc.constantFrom(...chars), minLength: min, maxLength: Math.max(min, Math.min(s.maxLength ?? 60, 60)) });
    }
    try {
      // no filter: a generated value out of the length bounds is kept (a 4xx then, still a fair request)
      return fc.stringMatching(new RegExp(s.pattern));
    } catch {
      /* a pattern JavaScript cannot read: plain strings */
    }
  }
  return fc
    .oneof(thaiText(max), fc.string({ minLength: min, maxLength: max }))
    .map((v) => (v.length < min ? v.padEnd(min, 'ก') : v).slice(0, s.maxLength ?? Infinity));
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : (s.minimum ?? -1_000_000);
  const hi = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - 1 : (s.maximum ?? 1_000_000_000);
  const min = Math.max(lo, Number.MIN_SAFE_INTEGER);
  const max = Math.min(hi, Number.MAX_SAFE_INTEGER);
  if (integer) return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) }), fc.constantFrom(Math.ceil(min), Math.floor(max)));
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** A value the schema accepts (as far as JSON Schema says; zod refinements may still refuse it). */
export function valid(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.constant(null);
  let arb = core(s, depth);
  if (s.nullable) arb = fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
  return arb;
}

function core(s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  if ('const' in s) return fc.constant(s.const);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => valid(a, depth + 1)));
  if (s.allOf?.length) return valid(Object.assign({}, ...s.allOf) as JsonSchema, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valid(s.items, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, Math.max(s.minItems ?? 0, 4)) });
    case 'object':
    default: {
      const props = s.properties ?? {};
      const keys = Object.keys(props);
      if (!keys.length) return fc.constant({});
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const k of keys) model[k] = valid(props[k], depth + 1);
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => keys.includes(k)) });
    }
  }
}

/** Strings and values that have broken services before: Thai, NUL, bidi, huge, dates at the edges, numbers at limits. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'น้ำ\u0000ท่วม',
  '\u202Eexe.fdp',
  'ชื่อ\u202Eแฝง\u202C',
  '\u200B\u200C\u200D\uFEFF',
  '\uD800',
  '\uDFFF\uD800',
  '🐘🏞️👨‍👩‍👧',
  'ก่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่',
  'ํ',
  "' or 1=1 --",
  '"; drop table parties; --',
  '%',
  '%_\\',
  '\\',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  '1900-01-01',
  '2099-12-31',
  '0000-00-00',
  '2569-02-30',
  '2026-13-01',
  '2026-02-29',
  '9999-99-99',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '__proto__',
];
const NASTY_NUMBERS = [0, -0, -1, 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324];
const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

/** Big strings (the body limit is 1 MB; the text work is bounded but not free: these stay moderate). */
const HUGE: fc.Arbitrary<string> = fc.constantFrom(
  'ก'.repeat(70_000),
  'เหมืองฝายพญาคำ '.repeat(3_000),
  'a'.repeat(300_000),
  'ก่'.repeat(20_000),
  '\u202E'.repeat(10_000),
  '🐘'.repeat(20_000),
);

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(...NASTY_NUMBERS, true, false, null, [], {}, [null], { '': 1 }, ['\u0000'], { __proto__: 1, constructor: 1 }),
  },
  { weight: 1, arbitrary: HUGE },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
);

/** A raw JSON text that is not a valid body: too deep, cut short, too large, not JSON, a bare value. */
export const brokenBodyText: fc.Arbitrary<string> = fc.constantFrom(
  deepArray(5_000),
  deepObject(5_000),
  deepArray(100_000),
  '{"a":',
  '{"name":"ก\\u0000"}',
  '{"name":"\\ud800"}',
  '{"__proto__":{"isPlatformAdmin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  'null',
  '"text"',
  '12',
  '[]',
  '{}',
  `{"x":"${'a'.repeat(1_100_000)}"}`,
  '{"a":1,"a":2}',
  '\uFEFF{}',
  'ไม่ใช่ JSON',
);

// ---------------------------------------------------------------- requests

export interface Operation {
  method: string;
  path: string;
  pathParams: Record<string, JsonSchema>;
  query: JsonSchema;
  body?: JsonSchema;
}
export interface Req {
  method: string;
  url: string;
  body?: unknown;
  raw?: string;
}

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses with a URIError) is sent as the three
 * bytes a careless encoder would write (WTF-8, e.g. %ED%A0%80): a URL the server must refuse, not a crash
 * of the fuzzer.
 */
export const enc = (v: string) =>
  v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[^]/gu, (ch) => {
    if (ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff) {
      const c = ch.charCodeAt(0);
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
    return encodeURIComponent(ch);
  });

const encodeQuery = (query: Record<string, unknown>) => {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) ? v : [v];
    for (const x of values) parts.push(`${enc(k)}=${enc(x === null ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
};

export function urlOf(op: Operation, slug: string, params: Record<string, unknown>, query: Record<string, unknown>) {
  let url = op.path;
  for (const name of Object.keys(op.pathParams)) {
    const v = name === 'tenant' ? slug : params[name];
    url = url.replace(`{${name}}`, enc(String(v ?? 'x')));
  }
  return url + encodeQuery(query);
}

export function validRequest(op: Operation, slug: string): fc.Arbitrary<Req> {
  const params: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, schema] of Object.entries(op.pathParams)) params[name] = name === 'version' ? fc.integer({ min: 1, max: 3 }) : valid(schema);
  return fc
    .record({ params: fc.record(params), query: valid(op.query), body: op.body ? valid(op.body) : fc.constant(undefined) })
    .map(({ params: p, query, body }) => ({
      method: op.method,
      url: urlOf(op, slug, p as Record<string, unknown>, query as Record<string, unknown>),
      body,
    }));
}

/** One thing broken in an otherwise valid request. */
export function brokenRequest(op: Operation, slug: string): fc.Arbitrary<Req> {
  const params: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, schema] of Object.entries(op.pathParams)) params[name] = valid(schema);
  const base = fc.record({ params: fc.record(params), query: valid(op.query), body: op.body ? valid(op.body) : fc.constant({}) });
  const queryKeys = Object.keys(op.query.properties ?? {});
  const bodyKeys = Object.keys(op.body?.properties ?? {});
  const pathKeys = Object.keys(op.pathParams).filter((k) => k !== 'tenant');
  const mutations: fc.Arbitrary<(r: { params: Record<string, unknown>; query: Record<string, unknown>; body: unknown }) => Req>[] = [
    nastyValue.map((v) => (r) => ({ method: op.method, url: urlOf(op, slug, r.params, r.query), body: v })),
    brokenBodyText.map((raw) => (r) => ({ method: op.method, url: urlOf(op, slug, r.params, r.query), raw })),
    fc
      .tuple(fc.string({ maxLength: 12 }), nastyValue)
      .map(([k, v]) => (r) => ({ method: op.method, url: urlOf(op, slug, r.params, r.query), body: { ...(r.body as object), [k || 'extra']: v } })),
  ];
  if (bodyKeys.length)
    mutations.push(
      fc
        .tuple(fc.constantFrom(...bodyKeys), nastyValue)
        .map(([k, v]) => (r) => ({ method: op.method, url: urlOf(op, slug, r.params, r.query), body: { ...(r.body as object), [k]: v } })),
      fc.constantFrom(...bodyKeys).map((k) => (r) => {
        const body = { ...(r.body as Record<string, unknown>) };
        delete body[k];
        return { method: op.method, url: urlOf(op, slug, r.params, r.query), body };
      }),
    );
  if (queryKeys.length)
    mutations.push(
      fc
        .tuple(fc.constantFrom(...queryKeys), nastyValue)
        .map(([k, v]) => (r) => ({ method: op.method, url: urlOf(op, slug, r.params, { ...r.query, [k]: v }), body: r.body })),
      fc
        .tuple(fc.constantFrom(...queryKeys), fc.array(nastyValue, { minLength: 2, maxLength: 3 }))
        .map(([k, v]) => (r) => ({ method: op.method, url: urlOf(op, slug, r.params, { ...r.query, [k]: v }), body: r.body })),
    );
  if (pathKeys.length)
    mutations.push(
      fc
        .tuple(fc.constantFrom(...pathKeys), fc.oneof(nastyValue, fc.constantFrom('%00', '..', '%2e%2e%2f', 'x'.repeat(5000), '-1', '1e99')))
        .map(([k, v]) => (r) => {
          const url = urlOf(op, slug, { ...r.params, [k]: '\u0001' }, r.query).replace(
            encodeURIComponent('\u0001'),
            typeof v === 'string' && v.startsWith('%') ? v : enc(String(v)),
          );
          return { method: op.method, url, body: r.body };
        }),
    );
  return fc.tuple(base, fc.oneof(...mutations)).map(([r, mutate]) => {
    const req = mutate(r as never);
    return op.method === 'GET' || op.method === 'DELETE' ? { ...req, body: req.raw === undefined ? undefined : req.body } : req;
  });
}
