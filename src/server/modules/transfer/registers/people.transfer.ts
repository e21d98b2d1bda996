import { en as peopleEn, sv as peopleSv } from "../../../../common/i18n/people.ts";
import {
  type CreatePersonInput,
  createPersonInput,
  lawfulBases,
  personListQuery,
} from "../../../../common/people.ts";
import type { Db } from "../../../db/client.ts";
import { isoToDate } from "../../../platform/spreadsheet-export.ts";
import { createPerson, listPeople, type PersonRecord } from "../../people/index.ts";
import { existingValues, organisationsByRef } from "../transfer.lookups.ts";
import type { BuiltRow, ConvertedRow, RegisterTransfer } from "../transfer.registry.ts";
import { defined, resolveRef } from "./references.ts";

const f = (key: string) => `transfer.fields.people.${key}`;

export const peopleTransfer: RegisterTransfer<PersonRecord> = {
  key: "people",
  fileBase: "personer",
  sheetName: "transfer.sheets.people",
  schema: createPersonInput,
  fields: [
    {
      key: "name",
      label: f("name"),
      aliases: ["Namn", "Name", "Fullständigt namn", "Full name", "Kontaktperson"],
      kind: "text",
      required: true,
      example: "Hanna Berg",
    },
    {
      key: "email",
      label: f("email"),
      aliases: ["E-post", "Epost", "E-postadress", "Mejl", "Mail", "Email", "E-mail"],
      kind: "text",
      example: "hanna.berg@harnosand.se",
    },
    {
      key: "phone",
      label: f("phone"),
      aliases: ["Tel", "Telefonnummer", "Mobil", "Phone"],
      kind: "text",
      example: "0611-34 80 00",
    },
    {
      key: "title",
      label: f("title"),
      aliases: ["Titel", "Funktion", "Befattning", "Title", "Job title"],
      kind: "text",
      example: "Personaldirektör",
    },
    {
      key: "organisation",
      label: f("organisation"),
      aliases: ["Organisation", "Arbetsplats", "Organization", "Employer"],
      kind: "text",
      inputKeys: ["memberships"],
      hint: "transfer.hints.organisationRef",
      example: "Härnösands kommun",
    },
    { key: "role", label: f("role"), aliases: ["Roll", "Role"], kind: "text", example: "HR-direktör" },
    {
      key: "lawfulBasis",
      label: f("lawfulBasis"),
      aliases: ["Rättslig grund", "Laglig grund", "Lawful basis"],
      kind: "enum",
      hint: "transfer.hints.lawfulBasis",
      options: async () =>
        lawfulBases.map((key) => ({
          key,
          labels: [peopleSv.people.lawfulBases[key], peopleEn.people.lawfulBases[key]],
        })),
      example: peopleSv.people.lawfulBases.public_task,
    },
    {
      key: "notes",
      label: f("notes"),
      aliases: ["Anteckningar", "Kommentar", "Övrigt", "Notes"],
      kind: "text",
      example: "",
    },
  ],
  unique: [
    {
      field: "email",
      inputKey: "email",
      existing: (db, values) => existingValues(db, "people", "email", values),
      existsKey: "transfer.rowErrors.emailExists",
    },
  ],
  build: buildPeople,
  async create(tx, actor, row) {
    return (await createPerson(tx as unknown as Db, actor, row.input as CreatePersonInput)).id;
  },
  export: {
    query: personListQuery.omit({ limit: true, cursor: true }),
    page: (db, actor, query, cursor) => listPeople(db, actor, { ...query, limit: 500, cursor }),
    columns: (t) => [
      { header: t(f("name")), value: (p) => p.name, width: 30 },
      { header: t(f("email")), value: (p) => p.email, width: 32 },
      { header: t(f("phone")), value: (p) => p.phone, width: 18 },
      { header: t(f("title")), value: (p) => p.title, width: 28 },
      {
        header: t(f("organisation")),
        value: (p) => p.memberships.map((m) => m.organisationName).join("; "),
        width: 36,
      },
      {
        header: t(f("role")),
        value: (p) =>
          p.memberships
            .map((m) => m.role ?? "")
            .filter(Boolean)
            .join("; "),
        width: 24,
      },
      { header: t(f("lawfulBasis")), value: (p) => t(`people.lawfulBases.${p.lawfulBasis}`), width: 28 },
      { header: t(f("notes")), value: (p) => p.notes, width: 40 },
      {
        header: t("transfer.columns.createdAt"),
        value: (p) => isoToDate(p.createdAt.toISOString()),
        width: 14,
      },
      { header: t("transfer.columns.id"), value: (p) => p.id, width: 38 },
    ],
  },
};

/** A person's organisation (name or org number) becomes their one membership, with the role beside it. */
async function buildPeople(db: Db, rows: ConvertedRow[]): Promise<BuiltRow[]> {
  const refs = rows.map((r) => r.values.organisation).filter((o): o is string => typeof o === "string");
  const organisations = await organisationsByRef(db, refs);
  return rows.map(({ row, values }) => {
    const { organisation, role, ...rest } = values;
    const built: BuiltRow = { row, input: { ...defined(rest), memberships: [] }, errors: [] };
    if (typeof organisation === "string") {
      const resolved = resolveRef(
        organisations,
        organisation,
        { row, field: "organisation" },
        "organisation",
      );
      if (resolved.id) built.input.memberships = [defined({ organisationId: resolved.id, role })];
      else built.errors.push(resolved.error!);
    }
    return built;
  });
}
