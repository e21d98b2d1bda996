import { inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "../../db/client.ts";
import { fieldErrors } from "../../platform/errors.ts";
import { isUniqueViolation } from "../../platform/sql.ts";
import { existingOrganisationIds } from "../organisations/index.ts";
import { existingPersonIds } from "../people/index.ts";
import { courses, programmes } from "./programmes.schema.ts";

/**
 * Helpers shared by the programmes, courses and activities services (one owner, three registers).
 */

const tables = {
  programme: programmes,
  course: courses,
} as const;

/** Which ids exist, per kind: programmes and courses are ours, organisations and people are asked. */
const existing = {
  organisation: existingOrganisationIds,
  person: existingPersonIds,
  ...Object.fromEntries(
    Object.entries(tables).map(([kind, table]) => [
      kind,
      async (db: Db | Tx, ids: string[]) =>
        new Set(
          (await db.select({ id: table.id }).from(table).where(inArray(table.id, ids))).map((r) => r.id),
        ),
    ]),
  ),
} as Record<
  "organisation" | "person" | keyof typeof tables,
  (db: Db | Tx, ids: string[]) => Promise<Set<string>>
>;

/**
 * Throws 422 on `field` when any of the ids does not exist: linking to something unknown is an
 * input error the person can correct, not a server error.
 */
export async function assertExisting(
  db: Db | Tx,
  kind: keyof typeof existing,
  ids: (string | null | undefined)[],
  field: string,
  messageKey: string,
) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return;
  const found = await existing[kind](db, wanted);
  if (found.size !== wanted.length) throw fieldErrors({ [field]: messageKey });
}

export const unique = (ids: string[]) => [...new Set(ids)];

/** Rewrites a race on a unique code index into the same 422 on `code` that the pre-check gives. */
export async function codeSafe<T>(code: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error))
      throw fieldErrors({ code: { key: "validation.programmes.codeTaken", params: { code } } });
    throw error;
  }
}

/**
 * Runs a shared cross-field rule (a zod superRefine function) on a merged record, as a PATCH needs:
 * the rule holds for the record as it will be, not only for the fields sent. Throws 422 on failure.
 */
export function assertRefinement<T>(rule: (value: T, ctx: z.RefinementCtx) => void, value: T) {
  const errors: Record<string, string> = {};
  const ctx = {
    addIssue(issue: { path?: PropertyKey[]; message?: string }) {
      const field = String(issue.path?.[0] ?? "_");
      errors[field] ??= issue.message ?? "validation.invalid";
    },
  } as unknown as z.RefinementCtx;
  rule(value, ctx);
  if (Object.keys(errors).length) throw fieldErrors(errors);
}
