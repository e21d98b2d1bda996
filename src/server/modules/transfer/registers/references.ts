import type { StoredImportError } from "../transfer.schema.ts";

/**
 * Turning a name or code written in a cell into the id the register's service wants, with the
 * Swedish error the user sees when it names nothing, or more than one thing.
 */
export function resolveRef(
  candidates: Map<string, string[]>,
  ref: string,
  where: { row: number; field: string },
  kind: "organisation" | "person",
): { id?: string; error?: StoredImportError } {
  const ids = [...new Set(candidates.get(ref) ?? [])];
  if (ids.length === 1) return { id: ids[0] };
  const key =
    ids.length === 0
      ? `transfer.rowErrors.unknown${kind === "organisation" ? "Organisation" : "Person"}`
      : `transfer.rowErrors.ambiguous${kind === "organisation" ? "Organisation" : "Person"}`;
  return { error: { row: where.row, field: where.field, column: null, key, params: { value: ref } } };
}

/** Codes (programmes, courses) → ids; unknown codes become one error for the cell. */
export function resolveCodes(
  byCode: Map<string, string>,
  codes: string[],
  where: { row: number; field: string },
  kind: "programme" | "course",
): { ids: string[]; error?: StoredImportError } {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const code of codes) {
    const id = byCode.get(code.trim().toUpperCase());
    if (id) ids.push(id);
    else unknown.push(code);
  }
  if (!unknown.length) return { ids: [...new Set(ids)] };
  return {
    ids,
    error: {
      row: where.row,
      field: where.field,
      column: null,
      key:
        kind === "programme" ? "transfer.rowErrors.unknownProgrammes" : "transfer.rowErrors.unknownCourses",
      params: { value: unknown.join(", ") },
    },
  };
}

/** Only the keys that have a value: the create-schemas treat a missing key as "not given". */
export function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

export const strings = (values: unknown): string[] => (Array.isArray(values) ? values.map(String) : []);
