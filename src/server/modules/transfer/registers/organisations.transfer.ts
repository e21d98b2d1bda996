import { en as orgEn, sv as orgSv } from "../../../../common/i18n/organisations.ts";
import {
  type CreateOrganisationInput,
  createOrganisationInput,
  organisationListQuery,
  organisationTypes,
} from "../../../../common/organisations.ts";
import type { Db } from "../../../db/client.ts";
import { isoToDate } from "../../../platform/spreadsheet-export.ts";
import type { OrganisationRecord } from "../../organisations/index.ts";
import {
  createOrganisation,
  createOrganisations,
  listOrganisations,
  OrganisationsRefused,
} from "../../organisations/index.ts";
import { existingValues, fold, organisationsByRef } from "../transfer.lookups.ts";
import { type BuiltRow, type EnumOption, type RegisterTransfer, RowsRefused } from "../transfer.registry.ts";
import { defined, resolveRef } from "./references.ts";

/** Every word a person may use for an organisation type: the Swedish and English labels and the key. */
export const organisationTypeOptions = async (): Promise<EnumOption[]> =>
  organisationTypes.map((key) => ({
    key,
    labels: [orgSv.organisations.types[key], orgEn.organisations.types[key]],
  }));
const typeAliases: EnumOption[] = [
  { key: "avdelning", labels: ["Institution", "Avdelning", "Department"] },
  { key: "larosate", labels: ["Universitet", "Högskola", "University"] },
  { key: "annan", labels: ["Annat", "Other"] },
];

export const organisationsTransfer: RegisterTransfer<OrganisationRecord> = {
  key: "organisations",
  fileBase: "organisationer",
  sheetName: "organisations.title",
  schema: createOrganisationInput,
  fields: [
    {
      key: "name",
      label: "transfer.fields.organisations.name",
      aliases: ["Organisation", "Organisationsnamn", "Name", "Organisation name", "Benämning"],
      kind: "text",
      required: true,
      example: "Härnösands kommun",
    },
    {
      key: "type",
      label: "transfer.fields.organisations.type",
      aliases: ["Organisationstyp", "Type", "Kind", "Kategori"],
      kind: "enum",
      required: true,
      hint: "transfer.hints.organisationType",
      options: async () => [...(await organisationTypeOptions()), ...typeAliases],
      example: "Kommun",
    },
    {
      key: "orgNumber",
      label: "transfer.fields.organisations.orgNumber",
      aliases: [
        "Org.nr",
        "Orgnr",
        "Org nummer",
        "Organisation number",
        "Org no",
        "Corporate identity number",
      ],
      kind: "text",
      hint: "transfer.hints.orgNumber",
      example: "212000-2411",
    },
    {
      key: "parent",
      label: "transfer.fields.organisations.parent",
      aliases: [
        "Överordnad",
        "Överordnad organisation",
        "Moderorganisation",
        "Parent",
        "Parent organisation",
      ],
      kind: "text",
      inputKeys: ["parentId"],
      hint: "transfer.hints.parent",
      example: "",
    },
    {
      key: "municipalityCode",
      label: "transfer.fields.organisations.municipalityCode",
      aliases: ["Kommunnummer", "Kommunkod (SCB)", "Municipality code"],
      kind: "text",
      padDigits: 4,
      hint: "transfer.hints.municipalityCode",
      example: "2280",
    },
    {
      key: "county",
      label: "transfer.fields.organisations.county",
      aliases: ["Lan", "County"],
      kind: "text",
      example: "Västernorrlands län",
    },
    {
      key: "website",
      label: "transfer.fields.organisations.website",
      aliases: ["Webb", "Hemsida", "Webbadress", "URL", "Website", "Web"],
      kind: "text",
      example: "www.harnosand.se",
    },
    {
      key: "tags",
      label: "transfer.fields.organisations.tags",
      aliases: ["Tags", "Etiketter", "Nyckelord"],
      kind: "list",
      listSeparators: /[;,\n]/,
      hint: "transfer.hints.list",
      example: "Västernorrland; SKO-avtal",
    },
    {
      key: "description",
      label: "transfer.fields.organisations.description",
      aliases: ["Description", "Om", "Kommentar"],
      kind: "text",
      example: "Kommun i Västernorrland med ramavtal om uppdragsutbildning.",
    },
  ],
  unique: [
    {
      field: "orgNumber",
      inputKey: "orgNumber",
      existing: (db, values) => existingValues(db, "organisations", "org_number", values),
      existsKey: "transfer.rowErrors.orgNumberExists",
    },
  ],
  build: buildOrganisations,
  async create(tx, actor, row, created) {
    const input = row.input as CreateOrganisationInput;
    const parentId = row.dependsOn?.length ? created.get(row.dependsOn[0]) : input.parentId;
    const record = await createOrganisation(tx as unknown as Db, actor, { ...input, parentId });
    return record.id;
  },
  async createAll(tx, actor, rows, onProgress) {
    const position = new Map(rows.map((row, index) => [row.row, index]));
    const items = rows.map((row) => ({
      input: row.input as CreateOrganisationInput,
      parentIndex: row.dependsOn?.length ? position.get(row.dependsOn[0]) : undefined,
    }));
    try {
      const ids = await createOrganisations(tx, actor, items, onProgress);
      return new Map(rows.map((row, index) => [row.row, ids[index]]));
    } catch (error) {
      if (error instanceof OrganisationsRefused)
        throw new RowsRefused(error.refusals.map((r) => ({ row: rows[r.index], error: r.error })));
      throw error;
    }
  },
  export: {
    query: organisationListQuery.omit({ limit: true, cursor: true }),
    page: (db, actor, query, cursor) => listOrganisations(db, actor, { ...query, limit: 500, cursor }),
    columns: (t) => [
      { header: t("transfer.fields.organisations.name"), value: (o) => o.name, width: 40 },
      {
        header: t("transfer.fields.organisations.type"),
        value: (o) => t(`organisations.types.${o.type}`),
        width: 20,
      },
      { header: t("transfer.fields.organisations.orgNumber"), value: (o) => o.orgNumber, width: 20 },
      { header: t("transfer.fields.organisations.parent"), value: (o) => o.parent?.name, width: 36 },
      {
        header: t("transfer.fields.organisations.municipalityCode"),
        value: (o) => o.municipalityCode,
        width: 12,
      },
      { header: t("transfer.fields.organisations.county"), value: (o) => o.county, width: 24 },
      { header: t("transfer.fields.organisations.website"), value: (o) => o.website, width: 30 },
      { header: t("transfer.fields.organisations.tags"), value: (o) => o.tags.join("; "), width: 24 },
      { header: t("transfer.fields.organisations.description"), value: (o) => o.description, width: 50 },
      {
        header: t("transfer.columns.createdAt"),
        value: (o) => isoToDate(o.createdAt.toISOString()),
        width: 14,
      },
      { header: t("transfer.columns.id"), value: (o) => o.id, width: 38 },
    ],
  },
};

/**
 * Rows → create inputs. A parent is looked up in the register (by org number or name) and, failing
 * that, among the file's own rows, so a university, its faculties and their departments can come
 * in one file (the import writes parents first).
 */
async function buildOrganisations(db: Db, rows: { row: number; values: Record<string, unknown> }[]) {
  const parents = [
    ...new Set(rows.map((r) => r.values.parent).filter((p): p is string => typeof p === "string")),
  ];
  const inRegister = await organisationsByRef(db, parents);
  const inFile = new Map<string, number>();
  for (const r of rows) {
    if (typeof r.values.name === "string") inFile.set(fold(r.values.name), r.row);
    if (typeof r.values.orgNumber === "string") inFile.set(r.values.orgNumber.replace(/\D/g, ""), r.row);
  }
  return rows.map(({ row, values }): BuiltRow => {
    const { parent, ...rest } = values;
    const built: BuiltRow = { row, input: defined(rest), errors: [] };
    if (typeof parent !== "string") return built;
    if (inRegister.has(parent)) {
      const resolved = resolveRef(inRegister, parent, { row, field: "parent" }, "organisation");
      if (resolved.id) built.input.parentId = resolved.id;
      else built.errors.push(resolved.error!);
      return built;
    }
    const digits = parent.replace(/\D/g, "");
    const fileRow = inFile.get(fold(parent)) ?? (digits.length === 10 ? inFile.get(digits) : undefined);
    if (fileRow !== undefined && fileRow !== row) built.dependsOn = [fileRow];
    else built.errors.push(resolveRef(new Map(), parent, { row, field: "parent" }, "organisation").error!);
    return built;
  });
}
