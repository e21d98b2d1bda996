import { existsSync, writeFileSync } from "node:fs";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { chromiumPath } from "../platform/pdf.ts";
import { createTestApp } from "../test/harness.ts";
import { matrix, requestExtras } from "./authz-matrix.table.ts";
import {
  createFixtures,
  type Fixtures,
  NO_SUCH_ID,
  NO_SUCH_TOKEN,
  type Role,
  roles,
  type Scope,
  watchWrites,
} from "./test/authz-fixtures.ts";

/**
 * The authorisation matrix (issue 11, "keep them closed"): every route of the OpenAPI document, asked
 * by every role — administrator, coordinator, programme director of programme IN, group member,
 * partner of organisation IN, anonymous — about a record inside ("in") and outside ("out") the role's
 * scope, must answer exactly the status written in authz-matrix.table.ts. After every refused write
 * no row of the database may have been written (audit log included; `watchWrites`).
 *
 * A route in the OpenAPI document without a row fails, with the row to add. To (re)write rows from
 * what the server answers now: AUTHZ_MATRIX_RECORD=/tmp/rows.txt npx vitest run <this file> — then
 * check every cell by hand before pasting: a recorded 200 for a partner on "out" may be the bug.
 */

const t = await createTestApp();
const fixtures = await createFixtures(t);
const writesSeen = await watchWrites(t);
afterAll(() => writesSeen.stop());
const openapi = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
};
const routes = Object.entries(openapi.paths).flatMap(([path, operations]) =>
  Object.entries(operations).map(([method, op]) => ({
    key: `${method.toUpperCase()} ${path}`,
    method: method.toUpperCase(),
    path,
    json: !!op.requestBody?.content["application/json"],
  })),
);

/**
 * PDF routes render with Chromium; where none is installed (some CI machines) their allowed cells
 * cannot answer 200 and are not compared — their refusals still are.
 */
const noPdf = !existsSync(chromiumPath);
const rendersPdf = (path: string, want: number | undefined) => noPdf && path.endsWith(".pdf") && want === 200;

const order: Role[] = ["anonymous", "partner", "groupMember", "programmeDirector", "coordinator", "admin"];
const scopes: Scope[] = ["in", "out"];

/** Which fixture a path parameter names, by the collection it follows. */
function fixtureKind(
  path: string,
  param: string,
): keyof Omit<Fixtures, "sessions" | "fresh" | "panel"> | null {
  const before = path.slice(0, path.indexOf(`{${param}}`));
  if (/\/api\/(organisations|networks)\/$/.test(before) || param === "organisationId") return "organisation";
  if (/\/api\/people\/$/.test(before)) return "person";
  if (/\/api\/programmes\/$/.test(before) || param === "programmeId") return "programme";
  if (/\/api\/projects\/$/.test(before)) return "project";
  if (/\/api\/agreements\/$/.test(before)) return "agreement";
  if (/\/api\/bodies\/$/.test(before)) return "body";
  if (/\/api\/meetings\/$/.test(before)) return "meeting";
  if (/\/api\/decisions\/$/.test(before)) return "decision";
  if (/\/api\/(public\/)?calls\/$/.test(before)) return "call";
  if (/\/api\/ideas\/$/.test(before)) return "idea";
  return null;
}

async function urlFor(route: (typeof routes)[number], scope: Scope): Promise<string> {
  let url = route.path;
  for (const [, param] of route.path.matchAll(/\{(\w+)\}/g)) {
    const kind = fixtureKind(route.path, param);
    let value: string;
    // The record a DELETE removes is a fresh one, so that the shared fixtures stay for later cells.
    if (kind && kind in fixtures.fresh && route.method === "DELETE" && route.path.endsWith(`{${param}}`))
      value = await fixtures.fresh[kind as keyof Fixtures["fresh"]](scope);
    else if (kind) value = fixtures[kind][scope];
    else if (/^(id|\w+Id)$/.test(param)) value = NO_SUCH_ID;
    else if (param === "version") value = "1";
    else value = NO_SUCH_TOKEN;
    url = url.replace(`{${param}}`, value);
  }
  const extra = requestExtras[route.key]?.(fixtures, scope);
  return extra?.query ? `${url}?${extra.query}` : url;
}

/** The request of one cell, prepared (fresh records created, sessions opened) before it is sent. */
async function prepare(route: (typeof routes)[number], role: Role, scope: Scope) {
  const extra = requestExtras[route.key]?.(fixtures, scope);
  const session =
    role === "anonymous"
      ? undefined
      : route.key === "POST /api/auth/logout"
        ? await t.login(sessionEmail(role))
        : fixtures.sessions[role];
  const url = await urlFor(route, scope);
  return (): Promise<LightMyRequestResponse> =>
    t.request({
      method: route.method as "GET",
      url,
      as: session,
      ...(route.json ? { payload: (extra?.body ?? {}) as object } : {}),
    });
}

const emails: Record<Exclude<Role, "anonymous">, string> = {
  admin: "admin@demo.samspel.se",
  coordinator: "samordnare@demo.samspel.se",
  programmeDirector: "programansvarig@demo.samspel.se",
  groupMember: "styrelse@demo.samspel.se",
  partner: "partner@demo.samspel.se",
};
const sessionEmail = (role: Exclude<Role, "anonymous">) => emails[role];

/** `"200 200 | 404 401 …"` → one status per role × scope, in the order of `roles` then in/out. */
function parseRow(row: string): number[] {
  return row
    .replace(/\|/g, " ")
    .trim()
    .split(/\s+/)
    .map((cell) => Number(cell));
}

function formatRow(key: string, statuses: Record<string, number>) {
  const cells = roles.map((role) => `${statuses[`${role}:in`]} ${statuses[`${role}:out`]}`).join(" | ");
  return `  ${JSON.stringify(key)}:\n    "${cells}",`;
}

const recorded: string[] = [];
const recordTo = process.env.AUTHZ_MATRIX_RECORD;

describe("authorisation matrix", () => {
  it("has a row for every route in the OpenAPI document, and no row for a route that is gone", () => {
    const known = new Set(routes.map((r) => r.key));
    const stale = Object.keys(matrix).filter((key) => !known.has(key));
    expect(stale, "rows in authz-matrix.table.ts for routes no longer in the OpenAPI document").toEqual([]);
  });

  it("counts the rows a write makes (what the check after every refused write relies on)", async () => {
    const before = await writesSeen.written();
    await fixtures.fresh.organisation("out");
    expect(await writesSeen.written()).not.toBe(before);
    expect(await writesSeen.written()).toMatch(/\borganisations:\d+/);
  });

  for (const route of routes) {
    it(route.key, async () => {
      const expected = matrix[route.key] ? parseRow(matrix[route.key]) : null;
      if (expected) expect(expected, `${route.key}: a row has 12 cells`).toHaveLength(12);
      const statuses: Record<string, number> = {};
      const failures: string[] = [];
      const writes = route.method !== "GET";
      for (const role of order)
        for (const scope of scopes) {
          const want = expected?.[roles.indexOf(role) * 2 + (scope === "in" ? 0 : 1)];
          const send = await prepare(route, role, scope);
          const before = writes ? await writesSeen.written() : "";
          const res = await send();
          statuses[`${role}:${scope}`] = res.statusCode;
          if (rendersPdf(route.path, want)) continue;
          if (res.statusCode >= 500)
            failures.push(`${role}/${scope}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (want !== undefined && res.statusCode !== want)
            failures.push(
              `${role}/${scope}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          const after = writes && res.statusCode >= 400 ? await writesSeen.written() : before;
          if (after !== before)
            failures.push(
              `${role}/${scope}: refused with ${res.statusCode} but rows were written (before: ${before}; after: ${after})`,
            );
        }
      if (recordTo) {
        recorded.push(formatRow(route.key, statuses));
        writeFileSync(recordTo, `${recorded.join("\n")}\n`);
      }
      if (!expected && !recordTo)
        failures.unshift(
          `no row for ${route.key} in src/server/security/authz-matrix.table.ts. Add (after checking each cell is the answer you intend — this is what the server answers now):\n${formatRow(route.key, statuses)}`,
        );
      expect(failures, route.key).toEqual([]);
    }, 180_000);
  }
});
