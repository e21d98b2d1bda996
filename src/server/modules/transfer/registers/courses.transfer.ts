import { type CreateCourseInput, courseListQuery, createCourseInput } from "../../../../common/programmes.ts";
import type { Db } from "../../../db/client.ts";
import { type CourseRecord, createCourse, listCourses } from "../../programmes/index.ts";
import { existingValues, idsByCode, organisationsByRef } from "../transfer.lookups.ts";
import type { BuiltRow, RegisterTransfer } from "../transfer.registry.ts";
import { resolveUnitsAndPeople, studyColumns, studyFields } from "./programmes.transfer.ts";
import { defined, resolveCodes, resolveRef, strings } from "./references.ts";

const f = (key: string) => `transfer.fields.courses.${key}`;

export const coursesTransfer: RegisterTransfer<CourseRecord> = {
  key: "courses",
  fileBase: "kurser",
  sheetName: "transfer.sheets.courses",
  schema: createCourseInput,
  fields: [
    ...studyFields("courses", { code: "PS021U", name: "Psykologi för arbetslivskonsulenter", credits: 3 }),
    {
      key: "programmes",
      label: f("programmes"),
      aliases: ["Program", "Programkoder", "Programmes"],
      kind: "list",
      inputKeys: ["programmeIds"],
      hint: "transfer.hints.codes",
      example: "",
    },
    {
      key: "contract",
      label: f("contract"),
      aliases: ["Uppdragsutbildning", "Uppdrag", "Contract education", "Contract"],
      kind: "boolean",
      hint: "transfer.hints.boolean",
      example: "Ja",
    },
    {
      key: "client",
      label: f("client"),
      aliases: ["Uppdragsgivare", "Beställare", "Kund", "Client"],
      kind: "text",
      inputKeys: ["clientOrganisationId"],
      hint: "transfer.hints.organisationRef",
      example: "Härnösands kommun",
    },
  ],
  unique: [
    {
      field: "code",
      inputKey: "code",
      existing: (db, values) =>
        existingValues(
          db,
          "courses",
          "code",
          values.map((v) => v.toUpperCase()),
        ),
      existsKey: "transfer.rowErrors.courseCodeExists",
    },
  ],
  async build(db, rows) {
    const clientRefs = rows.map((r) => r.values.client).filter((c): c is string => typeof c === "string");
    const [programmeCodes, clients] = await Promise.all([
      idsByCode(
        db,
        "programmes",
        rows.flatMap((r) => strings(r.values.programmes)),
      ),
      organisationsByRef(db, clientRefs),
    ]);
    const built = rows.map(({ row, values }): BuiltRow => {
      const { organisation: _o, responsible: _r, programmes, client, ...rest } = values;
      const b: BuiltRow = { row, input: defined(rest), errors: [] };
      const resolved = resolveCodes(
        programmeCodes,
        strings(programmes),
        { row, field: "programmes" },
        "programme",
      );
      b.input.programmeIds = resolved.ids;
      if (resolved.error) b.errors.push(resolved.error);
      if (typeof client === "string") {
        const r = resolveRef(clients, client, { row, field: "client" }, "organisation");
        if (r.id) b.input.clientOrganisationId = r.id;
        else b.errors.push(r.error!);
        // A client named with no answer in the contract column means a contract course.
        if (b.input.contract === undefined) b.input.contract = true;
      }
      return b;
    });
    await resolveUnitsAndPeople(db, rows, built);
    return built;
  },
  async create(tx, actor, row) {
    return (await createCourse(tx as unknown as Db, actor, row.input as CreateCourseInput)).id;
  },
  export: {
    query: courseListQuery.omit({ limit: true, cursor: true }),
    page: (db, actor, query, cursor) => listCourses(db, actor, { ...query, limit: 500, cursor }),
    columns: (t) =>
      studyColumns<CourseRecord>("courses", t, [
        { header: t(f("programmes")), value: (c) => c.programmes.map((p) => p.code).join("; "), width: 24 },
        {
          header: t(f("contract")),
          value: (c) => (c.contract ? t("common.yes") : t("common.no")),
          width: 18,
        },
        { header: t(f("client")), value: (c) => c.clientOrganisation?.name, width: 30 },
      ]),
  },
};
