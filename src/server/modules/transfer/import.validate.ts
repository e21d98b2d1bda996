import type { z } from "zod";
import type { ImportMapping } from "../../../common/transfer.ts";
import { translateIssue } from "../../../common/validation.ts";
import type { Db } from "../../db/client.ts";
import {
  type Cell,
  cellToText,
  isBlank,
  normaliseHeader,
  type ParsedSheet,
  parseBooleanCell,
  parseDateCell,
  parseListCell,
  parseSwedishNumber,
} from "../../platform/spreadsheet-import.ts";
import type {
  BuiltRow,
  ConvertedRow,
  EnumOption,
  RegisterTransfer,
  TransferField,
} from "./transfer.registry.ts";
import type { StoredImportError } from "./transfer.schema.ts";

/**
 * Checks a whole file against a register before anything is written: every cell converted by its
 * field's kind, every row validated with the register's shared create-schema, names resolved, and
 * unique values checked within the file and against the register. Returns the rows ready to write
 * and every error, each pointing at the row and column the user sees in Excel.
 */
export async function validateSheet(
  db: Db,
  register: RegisterTransfer,
  sheet: ParsedSheet,
  mapping: ImportMapping,
  onProgress: (processed: number) => Promise<void> = async () => {},
): Promise<{ rows: BuiltRow[]; errors: StoredImportError[] }> {
  const columns = mappedColumns(register, sheet.headers, mapping);
  const missing = register.fields.filter((f) => f.required && !columns.has(f.key));
  if (missing.length)
    return {
      rows: [],
      errors: missing.map((f) => ({
        row: null,
        field: f.key,
        column: null,
        key: "transfer.rowErrors.missingColumn",
        params: { labelKey: f.label },
      })),
    };

  const options = await enumOptions(db, register.fields);
  const converted: ConvertedRow[] = [];
  const conversionErrors = new Map<number, StoredImportError[]>();
  const CHUNK = 500;
  for (let i = 0; i < sheet.rows.length; i++) {
    const { row, cells } = sheet.rows[i];
    const values: Record<string, unknown> = {};
    const errors: StoredImportError[] = [];
    for (const [key, { index, header, field }] of columns) {
      const result = convertCell(field, cells[index] ?? null, options.get(key));
      if (result.error) errors.push({ row, field: key, column: header, ...result.error });
      else if (result.value !== undefined) values[key] = result.value;
    }
    converted.push({ row, values });
    if (errors.length) conversionErrors.set(row, errors);
    if ((i + 1) % CHUNK === 0) await onProgress(i + 1);
  }

  const built = await register.build(db, converted);
  for (const b of built) {
    for (const e of b.errors) if (e.field && !e.column) e.column = columns.get(e.field)?.header ?? null;
    const earlier = conversionErrors.get(b.row) ?? [];
    const blamed = new Set([...earlier, ...b.errors].map((e) => e.field));
    b.errors = [...earlier, ...b.errors, ...schemaErrors(register, b, columns, blamed)];
  }
  await checkUnique(db, register, built, columns);
  await onProgress(sheet.rows.length);
  const errors = built.flatMap((b) => b.errors).sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { rows: built, errors };
}

type Column = { index: number; header: string; field: TransferField };

/** field key → the file column mapped to it (the first, if the user mapped two). */
export function mappedColumns(register: RegisterTransfer, headers: string[], mapping: ImportMapping) {
  const byKey = new Map(register.fields.map((f) => [f.key, f]));
  const columns = new Map<string, Column>();
  headers.forEach((header, index) => {
    const key = mapping[header];
    const field = key ? byKey.get(key) : undefined;
    if (field && !columns.has(field.key)) columns.set(field.key, { index, header, field });
  });
  return columns;
}

/** A heading → the field it most likely means (normalised label, key or alias), or null. */
export function suggestMapping(
  register: RegisterTransfer,
  headers: string[],
  label: (key: string) => string,
): ImportMapping {
  const names = new Map<string, string>();
  for (const f of register.fields)
    for (const name of [label(f.label), f.key, ...f.aliases]) {
      const n = normaliseHeader(name);
      if (n && !names.has(n)) names.set(n, f.key);
    }
  const taken = new Set<string>();
  const mapping: ImportMapping = {};
  for (const header of headers) {
    const key = names.get(normaliseHeader(header)) ?? null;
    mapping[header] = key && !taken.has(key) ? key : null;
    if (key) taken.add(key);
  }
  return mapping;
}

async function enumOptions(db: Db, fields: TransferField[]) {
  const out = new Map<string, Map<string, string>>();
  for (const f of fields) {
    if (f.kind !== "enum" || !f.options) continue;
    const byLabel = new Map<string, string>();
    for (const option of (await f.options(db)) as EnumOption[])
      for (const l of [option.key, ...option.labels]) byLabel.set(normaliseHeader(l), option.key);
    out.set(f.key, byLabel);
  }
  return out;
}

type Converted = { value?: unknown; error?: { key: string; params?: Record<string, unknown> } };

/** One cell → the value its field wants, or the reason it cannot be one. Blank cells are undefined. */
export function convertCell(field: TransferField, cell: Cell, options?: Map<string, string>): Converted {
  if (isBlank(cell)) return { value: undefined };
  switch (field.kind) {
    case "text": {
      if (typeof cell === "number" && field.padDigits)
        return { value: String(Math.trunc(cell)).padStart(field.padDigits, "0") };
      return { value: cellToText(cell) };
    }
    case "number":
    case "integer": {
      const n = parseSwedishNumber(cell);
      if (!Number.isFinite(n))
        return { error: { key: "transfer.rowErrors.notNumber", params: { value: cellToText(cell) } } };
      if (field.kind === "integer" && !Number.isInteger(n))
        return { error: { key: "transfer.rowErrors.notInteger", params: { value: cellToText(cell) } } };
      return { value: n };
    }
    case "date": {
      const iso = parseDateCell(cell);
      return iso
        ? { value: iso }
        : { error: { key: "transfer.rowErrors.notDate", params: { value: cellToText(cell) } } };
    }
    case "boolean": {
      const b = parseBooleanCell(cell);
      return b === undefined
        ? { error: { key: "transfer.rowErrors.notBoolean", params: { value: cellToText(cell) } } }
        : { value: b };
    }
    case "list":
      return { value: parseListCell(cell, field.listSeparators ?? /[;\n]/) };
    case "enum": {
      const text = cellToText(cell);
      const key = options?.get(normaliseHeader(text));
      return key
        ? { value: key }
        : {
            error: {
              key: field.hint
                ? "transfer.rowErrors.unknownOptionWithHint"
                : "transfer.rowErrors.unknownOption",
              params: { value: text, labelKey: field.label, ...(field.hint ? { hintKey: field.hint } : {}) },
            },
          };
    }
  }
}

/** The create-schema's verdict on one built row, translated to keys; fields already blamed are skipped. */
function schemaErrors(
  register: RegisterTransfer,
  built: BuiltRow,
  columns: Map<string, Column>,
  blamed: Set<string | null>,
): StoredImportError[] {
  const result = (register.schema as z.ZodType).safeParse(built.input);
  if (result.success) {
    built.output = result.data as Record<string, unknown>;
    return [];
  }
  const fieldOf = new Map<string, string>();
  for (const f of register.fields) for (const k of f.inputKeys ?? [f.key]) fieldOf.set(k, f.key);
  const errors: StoredImportError[] = [];
  for (const issue of result.error.issues) {
    const field = fieldOf.get(String(issue.path[0] ?? "")) ?? null;
    if (blamed.has(field)) continue;
    let captured = { key: "validation.invalid", params: {} as Record<string, unknown> };
    translateIssue(issue as never, (key, params) => {
      captured = { key, params: pickParams(params) };
      return key;
    });
    errors.push({
      row: built.row,
      field,
      column: field ? (columns.get(field)?.header ?? null) : null,
      ...captured,
    });
    blamed.add(field);
  }
  return errors;
}

/** Only the interpolation values a message uses; zod's issue carries the whole input too. */
function pickParams(params: Record<string, unknown> | undefined) {
  const out: Record<string, unknown> = {};
  for (const k of ["minimum", "maximum"]) if (params?.[k] !== undefined) out[k] = params[k];
  return out;
}

async function checkUnique(
  db: Db,
  register: RegisterTransfer,
  built: BuiltRow[],
  columns: Map<string, Column>,
) {
  for (const rule of register.unique) {
    const column = columns.get(rule.field)?.header ?? null;
    const label = register.fields.find((f) => f.key === rule.field)?.label;
    const firstRow = new Map<string, number>();
    for (const b of built) {
      const value = normalisedValue(b, rule.inputKey);
      if (!value) continue;
      const first = firstRow.get(value);
      if (first === undefined) firstRow.set(value, b.row);
      else
        b.errors.push({
          row: b.row,
          field: rule.field,
          column,
          key: "transfer.rowErrors.duplicateInFile",
          params: { value, row: first, labelKey: label },
        });
    }
    const existing = firstRow.size ? await rule.existing(db, [...firstRow.keys()]) : new Set<string>();
    for (const b of built) {
      const value = normalisedValue(b, rule.inputKey);
      if (value && existing.has(value))
        b.errors.push({ row: b.row, field: rule.field, column, key: rule.existsKey, params: { value } });
    }
  }
}

/** The value as the register stores it (the schema's output: "2120002411" → "212000-2411"). */
function normalisedValue(built: BuiltRow, inputKey: string): string | null {
  const raw = built.input[inputKey];
  if (typeof raw !== "string" || !raw.trim()) return null;
  const value = built.output ? built.output[inputKey] : raw.trim();
  return typeof value === "string" && value ? value : null;
}
