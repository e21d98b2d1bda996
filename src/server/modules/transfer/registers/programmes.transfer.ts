import type { TFunction } from "i18next";
import { en as progEn, sv as progSv } from "../../../../common/i18n/programmes.ts";
import {
  type CreateProgrammeInput,
  createProgrammeInput,
  programmeLevels,
  programmeListQuery,
} from "../../../../common/programmes.ts";
import type { Db } from "../../../db/client.ts";
import { isoToDate, type SheetColumn } from "../../../platform/spreadsheet-export.ts";
import { createProgramme, listProgrammes, type ProgrammeRecord } from "../../programmes/index.ts";
import { existingValues, idsByCode, organisationsByRef, peopleByRef } from "../transfer.lookups.ts";
import type {
  BuiltRow,
  ConvertedRow,
  EnumOption,
  RegisterTransfer,
  TransferField,
} from "../transfer.registry.ts";
import { defined, resolveCodes, resolveRef, strings } from "./references.ts";

/** Grundnivå, Avancerad nivå, Forskarnivå (and English), as written in Ladok exports. */
export const levelOptions = async (): Promise<EnumOption[]> =>
  programmeLevels.map((key) => ({
    key,
    labels: [progSv.programmes.levels[key], progEn.programmes.levels[key]],
  }));

/** The columns of a programme or course record the export shares (a course has the same). */
type StudyRow = Pick<
  ProgrammeRecord,
  | "id"
  | "code"
  | "nameSv"
  | "nameEn"
  | "credits"
  | "level"
  | "organisation"
  | "responsiblePerson"
  | "createdAt"
>;

/**
 * The export's columns of a programme or course: the shared ones (code, names, credits, level, unit,
 * responsible), then the register's own (`own`), then when it was created and its id.
 */
export function studyColumns<Row extends StudyRow>(
  kind: "programmes" | "courses",
  t: TFunction,
  own: SheetColumn<Row>[],
): SheetColumn<Row>[] {
  const f = (key: string) => `transfer.fields.${kind}.${key}`;
  return [
    { header: t(f("code")), value: (r) => r.code, width: 12 },
    { header: t(f("nameSv")), value: (r) => r.nameSv, width: 40 },
    { header: t(f("nameEn")), value: (r) => r.nameEn, width: 36 },
    { header: t(f("credits")), value: (r) => r.credits, width: 14 },
    {
      header: t(f("level")),
      value: (r) => (r.level ? t(`programmes.levels.${r.level}`) : null),
      width: 18,
    },
    { header: t(f("organisation")), value: (r) => r.organisation?.name, width: 36 },
    { header: t(f("responsible")), value: (r) => r.responsiblePerson?.name, width: 28 },
    ...own,
    {
      header: t("transfer.columns.createdAt"),
      value: (r) => isoToDate(r.createdAt.toISOString()),
      width: 14,
    },
    { header: t("transfer.columns.id"), value: (r) => r.id, width: 38 },
  ];
}

/** Fields programmes and courses share: code, names, credits, level, owning unit, responsible person. */
export function studyFields(
  kind: "programmes" | "courses",
  example: { code: string; name: string; credits: number },
) {
  const f = (key: string) => `transfer.fields.${kind}.${key}`;
  const fields: TransferField[] = [
    {
      key: "code",
      label: f("code"),
      aliases: ["Kod", "Code", kind === "courses" ? "Course code" : "Programme code", "Ladokkod"],
      kind: "text",
      required: true,
      hint: "transfer.hints.code",
      example: example.code,
    },
    {
      key: "nameSv",
      label: f("nameSv"),
      aliases: ["Namn", "Benämning", "Svenskt namn", "Name", "Swedish name"],
      kind: "text",
      required: true,
      example: example.name,
    },
    {
      key: "nameEn",
      label: f("nameEn"),
      aliases: ["Namn (engelska)", "Namn engelska", "English name"],
      kind: "text",
      example: "",
    },
    {
      key: "credits",
      label: f("credits"),
      aliases: ["Hp", "Poäng", "Credits", "ECTS"],
      kind: "number",
      required: kind === "courses",
      hint: "transfer.hints.credits",
      example: example.credits,
    },
    {
      key: "level",
      label: f("level"),
      aliases: ["Nivå", "Level", "Utbildningsnivå"],
      kind: "enum",
      options: levelOptions,
      hint: "transfer.hints.level",
      example: progSv.programmes.levels.grundniva,
    },
    {
      key: "organisation",
      label: f("organisation"),
      aliases: ["Enhet", "Institution", "Avdelning", "Owning unit", "Department"],
      kind: "text",
      inputKeys: ["organisationId"],
      hint: "transfer.hints.organisationRef",
      example: "",
    },
    {
      key: "responsible",
      label: f("responsible"),
      aliases: ["Ansvarig", "Ansvarig person", "Programansvarig", "Kursansvarig", "Responsible"],
      kind: "text",
      inputKeys: ["responsiblePersonId"],
      hint: "transfer.hints.personRef",
      example: "",
    },
  ];
  return fields;
}

/** The owning unit and the responsible person of programme or course rows, resolved to ids. */
export async function resolveUnitsAndPeople(db: Db, rows: ConvertedRow[], built: BuiltRow[]) {
  const text = (key: string) =>
    rows.map((r) => r.values[key]).filter((v): v is string => typeof v === "string");
  const [units, persons] = await Promise.all([
    organisationsByRef(db, text("organisation")),
    peopleByRef(db, text("responsible")),
  ]);
  rows.forEach(({ row, values }, i) => {
    const b = built[i];
    if (typeof values.organisation === "string") {
      const r = resolveRef(units, values.organisation, { row, field: "organisation" }, "organisation");
      if (r.id) b.input.organisationId = r.id;
      else b.errors.push(r.error!);
    }
    if (typeof values.responsible === "string") {
      const r = resolveRef(persons, values.responsible, { row, field: "responsible" }, "person");
      if (r.id) b.input.responsiblePersonId = r.id;
      else b.errors.push(r.error!);
    }
  });
}

const f = (key: string) => `transfer.fields.programmes.${key}`;

export const programmesTransfer: RegisterTransfer<ProgrammeRecord> = {
  key: "programmes",
  fileBase: "program",
  sheetName: "transfer.sheets.programmes",
  schema: createProgrammeInput,
  fields: [
    ...studyFields("programmes", { code: "HSOCG", name: "Socionomprogrammet", credits: 210 }),
    {
      key: "courses",
      label: f("courses"),
      aliases: ["Kurser", "Kurskoder", "Courses"],
      kind: "list",
      inputKeys: ["courseIds"],
      hint: "transfer.hints.codes",
      example: "",
    },
  ],
  unique: [
    {
      field: "code",
      inputKey: "code",
      existing: (db, values) =>
        existingValues(
          db,
          "programmes",
          "code",
          values.map((v) => v.toUpperCase()),
        ),
      existsKey: "transfer.rowErrors.programmeCodeExists",
    },
  ],
  async build(db, rows) {
    const courseCodes = await idsByCode(
      db,
      "courses",
      rows.flatMap((r) => strings(r.values.courses)),
    );
    const built = rows.map(({ row, values }): BuiltRow => {
      const { organisation: _o, responsible: _r, courses, ...rest } = values;
      const b: BuiltRow = { row, input: defined(rest), errors: [] };
      const resolved = resolveCodes(courseCodes, strings(courses), { row, field: "courses" }, "course");
      b.input.courseIds = resolved.ids;
      if (resolved.error) b.errors.push(resolved.error);
      return b;
    });
    await resolveUnitsAndPeople(db, rows, built);
    return built;
  },
  async create(tx, actor, row) {
    return (await createProgramme(tx as unknown as Db, actor, row.input as CreateProgrammeInput)).id;
  },
  export: {
    query: programmeListQuery.omit({ limit: true, cursor: true }),
    page: (db, actor, query, cursor) => listProgrammes(db, actor, { ...query, limit: 500, cursor }),
    columns: (t) =>
      studyColumns<ProgrammeRecord>("programmes", t, [
        { header: t(f("courses")), value: (p) => p.courses.map((c) => c.code).join("; "), width: 30 },
      ]),
  },
};
