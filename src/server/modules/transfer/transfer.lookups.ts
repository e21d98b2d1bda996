/**
 * Resolving what a spreadsheet names (an organisation by name or org number, a person by e-mail or
 * name, a programme or course by code) to ids, and the unique values a register already holds.
 * The lookups read other modules' registers, so they live in the read layer (`read/transfer-lookups.ts`,
 * decision 011; issue 12: no raw SQL on another module's tables here); this file keeps the in-file name folding.
 */
export { existingValues, idsByCode, organisationsByRef, peopleByRef } from "../../read/transfer-lookups.ts";

/** JS twin of samspel_fold for comparing names within one file. */
export function fold(text: string): string {
  return text
    .trim()
    .toLocaleLowerCase("sv")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[æ]/g, "a")
    .replace(/[ø]/g, "o")
    .replace(/\s+/g, " ");
}
