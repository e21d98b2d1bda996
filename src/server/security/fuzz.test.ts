import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { resources } from "../../common/i18n/index.ts";
import { createTestApp, demo, type Session } from "../test/harness.ts";

/**
 * Issue 11, "keep them closed": every write route and every list/export query of the OpenAPI document,
 * fuzzed from its own schema. Each case starts from a value the schema describes and then, most of the
 * time, breaks it: NUL, lone surrogates, huge strings, wrong types, unknown and prototype fields, a
 * body that is not an object, forged cursors, raw invalid UTF-8 in the query. Sent as a logged-in
 * administrator, and anonymously to public routes. Must hold: no 5xx, and every error is
 * problem+json with a Swedish `detail`.
 *
 * FUZZ_RUNS (default 80 on PGlite, 40 on PostgreSQL) sets the cases per route, FUZZ_SEED the seed (fixed by default, so a failure
 * reproduces), FUZZ_ROUTE a substring of "METHOD /path" to run only some routes. For a deeper search than
 * the suite's, e.g. `FUZZ_RUNS=2000 npx vitest run src/server/security/fuzz.test.ts`.
 */
// The suite's share: 80 cases a route on PGlite and 40 others on PostgreSQL (its own seeds, so the two runs
// together try 120 different cases a route; PostgreSQL for what only its dialect can refuse). 200 + a subset
// of 50 took 223 s + 65 s of the suite's time, the longest file of the run (issue 12: a suite under 8 minutes).
const onPostgres = process.env.SAMSPEL_TEST_DB === "postgresql";
const RUNS = Number(process.env.FUZZ_RUNS ?? (onPostgres ? 40 : 80));
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202 + (onPostgres ? 1_000_000 : 0));
const ONLY = process.env.FUZZ_ROUTE ?? "";

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
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
}
interface Parameter {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const t = await createTestApp();
const doc = (await t.request({ method: "GET", url: "/api/openapi.json" })).json() as {
  paths: Record<string, Record<string, Operation>>;
};

// ---- arbitraries from JSON Schema ---------------------------------------------------------------

const hostileStrings = [
  "a\u0000b",
  "\u0000",
  "\ud800",
  "x\udfffy",
  "\udbff\ud800",
  "'; drop table users; --",
  "%00",
  "\u202e\u200b",
  "😀",
  " ",
  "",
  "=cmd|' /C calc'!A0",
  "\r\nX-Evil: 1",
  "../../etc/passwd",
  "<script>alert(1)</script>",
];
const wrongValues: unknown[] = [
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  true,
  false,
  null,
  {},
  [],
  [null],
  { a: {} },
  "x",
  "9".repeat(400),
];
const forgedCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const cursors = [
  forgedCursor(["a", "not-a-uuid"]),
  forgedCursor(["a\u0000", "0b6f1b0e-5a4e-4e0e-9d3b-6a8f0d1c2e3f"]),
  forgedCursor(["not-a-date", "0b6f1b0e-5a4e-4e0e-9d3b-6a8f0d1c2e3f"]),
  forgedCursor([{}, []]),
  forgedCursor({ sortValue: 1 }),
  forgedCursor(null),
  "%%%",
  "a".repeat(600),
  "W10",
];

const isoDate = fc
  .date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((x) => x !== "null") ?? "null";
  if (schema.type) return schema.type;
  if (schema.properties) return "object";
  if (schema.items) return "array";
  return undefined;
}

/**
 * One arbitrary per pattern: building `fc.stringMatching` tokenizes the pattern's pieces and cost a fifth of
 * this file's time when it was built anew for each of the ~650 fields with a pattern (ids, dates).
 */
const patternArbs = new Map<string, fc.Arbitrary<string> | null>();
function patternArb(pattern: string): fc.Arbitrary<string> | null {
  if (!patternArbs.has(pattern)) {
    let built: fc.Arbitrary<string> | null = null;
    try {
      built = fc.stringMatching(new RegExp(pattern));
    } catch {
      // a pattern fast-check cannot generate from: plain strings instead
    }
    patternArbs.set(pattern, built);
  }
  return patternArbs.get(pattern) ?? null;
}

function stringArb(schema: JsonSchema): fc.Arbitrary<string> {
  const matching = schema.pattern ? patternArb(schema.pattern) : null;
  if (matching) return matching;
  switch (schema.format) {
    case "date":
      return isoDate;
    case "date-time":
      return fc
        .date({ min: new Date("2000-01-01"), max: new Date("2040-01-01"), noInvalidDate: true })
        .map((d) => d.toISOString());
    case "email":
      return fc.emailAddress();
    case "uri":
    case "url":
      return fc.webUrl();
    case "uuid":
      return fc.uuid();
  }
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)) });
}

function numberArb(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exMin = typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum : undefined;
  const exMax = typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum : undefined;
  const step = integer ? 1 : 0.01;
  const min = schema.minimum ?? (exMin !== undefined ? exMin + step : -1_000_000);
  const max = schema.maximum ?? (exMax !== undefined ? exMax - step : 1_000_000);
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) })
    : fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true });
}

function arb(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  let result: fc.Arbitrary<unknown>;
  if (schema.const !== undefined) result = fc.constant(schema.const);
  else if (schema.enum) result = fc.constantFrom(...schema.enum);
  else if (schema.anyOf || schema.oneOf)
    result = fc.oneof(...(schema.anyOf ?? schema.oneOf ?? []).map((s) => arb(s, depth + 1)));
  else if (schema.allOf) result = arb(schema.allOf[0], depth + 1);
  else {
    switch (typeOf(schema)) {
      case "string":
        result = stringArb(schema);
        break;
      case "integer":
        result = numberArb(schema, true);
        break;
      case "number":
        result = numberArb(schema, false);
        break;
      case "boolean":
        result = fc.boolean();
        break;
      case "null":
        result = fc.constant(null);
        break;
      case "array":
        result = fc.array(arb(schema.items, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
        });
        break;
      case "object":
        result = fc.record(
          Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, arb(s, depth + 1)])),
          { requiredKeys: schema.required ?? [] },
        );
        break;
      default:
        result = fc.jsonValue({ maxDepth: 2 });
    }
  }
  return schema.nullable ? fc.oneof(result, fc.constant(null)) : result;
}

// ---- breaking a value -----------------------------------------------------------------------------

type Mutation =
  | { kind: "none" }
  | { kind: "hostile"; at: number; text: string }
  | { kind: "huge"; at: number }
  | { kind: "wrongType"; at: number; value: unknown }
  | { kind: "unknownField"; at: number; key: string }
  | { kind: "notAnObject"; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "none" } as const) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("hostile" as const),
      at: fc.nat(),
      text: fc.constantFrom(...hostileStrings),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("huge" as const), at: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("wrongType" as const),
      at: fc.nat(),
      value: fc.constantFrom(...wrongValues),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("unknownField" as const),
      at: fc.nat(),
      key: fc.constantFrom("unknownField", "__proto__", "constructor", "id", "createdAt", "a\u0000b"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("notAnObject" as const),
      value: fc.constantFrom(...wrongValues, ""),
    }),
  },
);

/** Every position in a value: [container, key] pairs (the root is [holder, "root"]). */
function positions(holder: { root: unknown }): Array<[Record<string, unknown> | unknown[], string | number]> {
  const out: Array<[Record<string, unknown> | unknown[], string | number]> = [[holder, "root"]];
  const visit = (value: unknown) => {
    if (Array.isArray(value))
      value.forEach((v, i) => {
        out.push([value, i]);
        visit(v);
      });
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) {
        out.push([value as Record<string, unknown>, k]);
        visit(v);
      }
  };
  visit(holder.root);
  return out;
}

function applyMutation(value: unknown, m: Mutation): unknown {
  if (m.kind === "none") return value;
  if (m.kind === "notAnObject") return m.value;
  const holder = { root: structuredClone(value) };
  const all = positions(holder);
  if (m.kind === "unknownField") {
    const objects = [holder.root, ...all.map(([c, k]) => (c as Record<string, unknown>)[k as string])].filter(
      (v): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v),
    );
    if (objects.length)
      Object.defineProperty(objects[m.at % objects.length], m.key, { value: "x", enumerable: true });
    return holder.root;
  }
  const leaves = all.length > 1 ? all.slice(1) : all;
  const [container, key] = leaves[m.at % leaves.length];
  const target = container as Record<string | number, unknown>;
  if (m.kind === "hostile")
    target[key] = typeof target[key] === "string" ? `${target[key]}${m.text}` : m.text;
  if (m.kind === "huge") target[key] = "x".repeat(100_001);
  if (m.kind === "wrongType") target[key] = m.value;
  return holder.root;
}

// ---- the routes -----------------------------------------------------------------------------------

interface Route {
  method: string;
  path: string;
  op: Operation;
}
const routes: Route[] = [];
for (const [path, ops] of Object.entries(doc.paths)) {
  if (path.startsWith("/api/docs")) continue;
  for (const [method, op] of Object.entries(ops)) {
    const hasQuery = op.parameters?.some((p) => p.in === "query");
    if (method === "get" ? hasQuery : ["post", "put", "patch", "delete"].includes(method))
      routes.push({ method: method.toUpperCase(), path, op });
  }
}
const selected = routes.filter((r) => `${r.method} ${r.path}`.includes(ONLY));

/** Ids of real records (collected from the lists), so path parameters sometimes reach a record. */
const knownIds: string[] = [];

const paramsOf = (op: Operation, where: "query" | "path") =>
  (op.parameters ?? []).filter((p) => p.in === where);

function caseArb(route: Route) {
  const query = paramsOf(route.op, "query");
  const querySchema: JsonSchema = {
    type: "object",
    properties: Object.fromEntries(query.map((p) => [p.name, p.schema])),
    required: query.filter((p) => p.required).map((p) => p.name),
  };
  const bodySchema = route.op.requestBody?.content?.["application/json"]?.schema;
  const pathParams = paramsOf(route.op, "path");
  const idArb = fc.oneof(
    { weight: 3, arbitrary: knownIds.length ? fc.constantFrom(...knownIds) : fc.uuid() },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom("not-an-id", "0", "%00", "..", "a".repeat(300)) },
  );
  return fc.record({
    path: fc.tuple(...pathParams.map((p) => (p.schema.enum ? arb(p.schema) : idArb))),
    query: arb(querySchema),
    queryMutation: route.method === "GET" ? mutation : fc.constant({ kind: "none" } as Mutation),
    cursor: fc.option(fc.constantFrom(...cursors), { freq: 3 }),
    rawQuery: fc.option(fc.constantFrom("q=%FF", "q=%ED%A0%80", "q=%C0%80", "limit=%00", "cursor=%00"), {
      freq: 5,
    }),
    body: bodySchema ? arb(bodySchema) : fc.constant(undefined),
    bodyMutation: mutation,
  });
}

interface UrlParts {
  path: unknown[];
  query: unknown;
  queryMutation: Mutation;
  cursor: string | null;
  rawQuery: string | null;
}

function urlOf(route: Route, c: UrlParts) {
  let url = route.path;
  paramsOf(route.op, "path").forEach((p, i) => {
    url = url.replace(`{${p.name}}`, encodeURIComponent(String(c.path[i])));
  });
  const query = applyMutation(c.query, c.queryMutation);
  const search = new URLSearchParams();
  if (query && typeof query === "object" && !Array.isArray(query)) {
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v])
        search.append(k, typeof item === "object" && item !== null ? JSON.stringify(item) : String(item));
    }
  }
  if (c.cursor !== null && paramsOf(route.op, "query").some((p) => p.name === "cursor"))
    search.set("cursor", c.cursor);
  const parts = [search.toString(), c.rawQuery].filter(Boolean);
  return parts.length ? `${url}?${parts.join("&")}` : url;
}

// ---- what every answer must be ---------------------------------------------------------------------

function leaves(tree: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof tree === "string") out.add(tree);
  else if (tree && typeof tree === "object") for (const v of Object.values(tree)) leaves(v, out);
  return out;
}
const swedish = leaves(resources.sv.translation);
const englishOnly = new Set([...leaves(resources.en.translation)].filter((s) => !swedish.has(s)));
const looksLikeKey = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;

/** Swedish unless the request itself asked for English output (the reports' `lang=en`). */
function checkAnswer(res: LightMyRequestResponse, what: string, english = false) {
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 500)}`).toBeLessThan(500);
  if (res.statusCode < 400) return;
  expect(res.headers["content-type"], `${what}: ${res.body.slice(0, 300)}`).toContain(
    "application/problem+json",
  );
  const problem = res.json() as { detail?: unknown; errors?: Record<string, string[]> };
  const texts = [problem.detail, ...Object.values(problem.errors ?? {}).flat()];
  for (const text of texts) {
    expect(typeof text === "string" && text.length > 0, `${what}: detail ${JSON.stringify(text)}`).toBe(true);
    expect(looksLikeKey.test(text as string), `${what}: an untranslated key: ${text}`).toBe(false);
    if (!english) expect(englishOnly.has(text as string), `${what}: not Swedish: ${text}`).toBe(false);
  }
}

// ---- the suite ------------------------------------------------------------------------------------

let admin: Session;
let adminId = "";
const publicRoutes = new Set<string>();

beforeAll(async () => {
  admin = await t.login(demo.admin);
  adminId = (await t.request({ method: "GET", url: "/api/auth/me", as: admin })).json()?.id ?? "";
  const ids = new Set<string>();
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) {
        if (k === "id" && typeof v === "string") ids.add(v);
        else collect(v);
      }
  };
  for (const route of routes) {
    if (route.method === "GET" && !route.path.includes("{")) {
      const res = await t.request({ method: "GET", url: route.path, as: admin });
      if (res.statusCode === 200 && res.headers["content-type"]?.toString().includes("json"))
        collect(res.json());
    }
    const anonymous = await t.request({
      method: route.method as "GET",
      url: route.path.replaceAll(/\{[^}]+\}/g, "x"),
    });
    if (anonymous.statusCode !== 401) publicRoutes.add(`${route.method} ${route.path}`);
  }
  ids.delete(adminId); // the administrator deleting or demoting itself would end the run's session
  knownIds.push(...[...ids].slice(0, 200));
}, 120_000);

describe("fuzz: no 5xx and Swedish problem+json on every write route and list query", () => {
  it("covers the API", () => {
    expect(routes.length).toBeGreaterThan(100);
  });

  selected.forEach((route, index) => {
    it(`${route.method} ${route.path}`, async () => {
      const name = `${route.method} ${route.path}`;
      const anonymousToo = publicRoutes.has(name);
      await fc.assert(
        fc.asyncProperty(caseArb(route), fc.boolean(), async (c, anonymously) => {
          const url = urlOf(route, c);
          const body = route.method === "GET" ? undefined : applyMutation(c.body, c.bodyMutation);
          const send = (as?: Session) =>
            t.request({
              method: route.method as "POST",
              url,
              as,
              ...(body === undefined
                ? {}
                : { payload: JSON.stringify(body), headers: { "content-type": "application/json" } }),
            });
          const asAnonymous = anonymousToo && anonymously;
          let res = await send(asAnonymous ? undefined : admin);
          if (!asAnonymous && res.statusCode === 401) {
            // The case ended the administrator's session (logout, own password): log in again.
            admin = await t.login(demo.admin);
            res = await send(admin);
          }
          checkAnswer(
            res,
            `${name} ${asAnonymous ? "(anonymous) " : ""}${url} ${JSON.stringify(body)?.slice(0, 300)}`,
            /[?&]lang=en(&|$)/.test(url),
          );
        }),
        { numRuns: RUNS, seed: SEED + index, endOnFailure: true },
      );
    }, 600_000);
  });
});
