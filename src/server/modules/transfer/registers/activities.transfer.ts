import {
  activityListQuery,
  activityStatuses,
  type CreateActivityInput,
  createActivityInput,
} from "../../../../common/activities.ts";
import { en as actEn, sv as actSv } from "../../../../common/i18n/activities.ts";
import type { Db } from "../../../db/client.ts";
import { isoToDate } from "../../../platform/spreadsheet-export.ts";
import { activeActivityTypeLabels } from "../../../read/transfer-lookups.ts";
import { type ActivityRecord, createActivity, listActivities } from "../../activities/index.ts";
import { idsByCode, organisationsByRef } from "../transfer.lookups.ts";
import type { BuiltRow, EnumOption, RegisterTransfer } from "../transfer.registry.ts";
import { defined, resolveCodes, resolveRef, strings } from "./references.ts";

const f = (key: string) => `transfer.fields.activities.${key}`;

/** The active types of the catalogue, by key and by their Swedish and English labels. */
async function activityTypeOptions(db: Db): Promise<EnumOption[]> {
  const rows = await activeActivityTypeLabels(db);
  return rows.map((r) => ({ key: r.key, labels: [r.label_sv, r.label_en] }));
}

const statusOptions = async (): Promise<EnumOption[]> =>
  activityStatuses.map((key) => ({
    key,
    labels: [actSv.activities.statuses[key], actEn.activities.statuses[key]],
  }));

export const activitiesTransfer: RegisterTransfer<ActivityRecord> = {
  key: "activities",
  fileBase: "aktiviteter",
  sheetName: "transfer.sheets.activities",
  schema: createActivityInput,
  fields: [
    {
      key: "title",
      label: f("title"),
      aliases: ["Rubrik", "Titel", "Aktivitet", "Namn", "Title", "Activity"],
      kind: "text",
      required: true,
      example: "Gästföreläsning om socialtjänstens arbete",
    },
    {
      key: "typeKey",
      label: f("typeKey"),
      aliases: ["Typ", "Aktivitetstyp", "Type", "Activity type"],
      kind: "enum",
      required: true,
      options: activityTypeOptions,
      hint: "transfer.hints.activityType",
      example: "Gästföreläsning",
    },
    {
      key: "startDate",
      label: f("startDate"),
      aliases: ["Start", "Datum", "Från", "Start date", "Date"],
      kind: "date",
      hint: "transfer.hints.date",
      example: "2026-03-12",
    },
    {
      key: "endDate",
      label: f("endDate"),
      aliases: ["Slut", "Till", "End date"],
      kind: "date",
      hint: "transfer.hints.date",
      example: "2026-03-12",
    },
    {
      key: "place",
      label: f("place"),
      aliases: ["Plats", "Ort", "Place", "Location"],
      kind: "text",
      example: "Campus Sundsvall",
    },
    {
      key: "status",
      label: f("status"),
      aliases: ["Status", "State"],
      kind: "enum",
      options: statusOptions,
      hint: "transfer.hints.status",
      example: actSv.activities.statuses.done,
    },
    {
      key: "organisers",
      label: f("organisers"),
      aliases: ["Arrangör", "Arrangörer", "Organiser", "Organisers"],
      kind: "list",
      inputKeys: ["organiserIds"],
      hint: "transfer.hints.organisationRefs",
      example: "",
    },
    {
      key: "partners",
      label: f("partners"),
      aliases: ["Partner", "Partners", "Partnerorganisationer", "Organisationer"],
      kind: "list",
      inputKeys: ["organisationIds"],
      hint: "transfer.hints.organisationRefs",
      example: "Härnösands kommun",
    },
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
      key: "courses",
      label: f("courses"),
      aliases: ["Kurser", "Kurskoder", "Courses"],
      kind: "list",
      inputKeys: ["courseIds"],
      hint: "transfer.hints.codes",
      example: "",
    },
    {
      key: "mandatory",
      label: f("mandatory"),
      aliases: ["Obligatorisk", "Mandatory"],
      kind: "boolean",
      hint: "transfer.hints.boolean",
      example: "Nej",
    },
    {
      key: "evaluated",
      label: f("evaluated"),
      aliases: ["Utvärderad", "Evaluated"],
      kind: "boolean",
      hint: "transfer.hints.boolean",
      example: "Ja",
    },
    {
      key: "evaluationText",
      label: f("evaluationText"),
      aliases: ["Utvärdering", "Utvärderingens resultat", "Evaluation"],
      kind: "text",
      example: "",
    },
    {
      key: "participants",
      label: f("participants"),
      aliases: ["Deltagare", "Antal", "Antal deltagare", "Studenter", "Participants"],
      kind: "integer",
      hint: "transfer.hints.integer",
      example: 45,
    },
    {
      key: "tags",
      label: f("tags"),
      aliases: ["Taggar", "Teman", "Tags"],
      kind: "list",
      listSeparators: /[;,\n]/,
      hint: "transfer.hints.list",
      example: "socialt arbete",
    },
    {
      key: "evidence",
      label: f("evidence"),
      aliases: ["Underlag", "Länkar", "Evidence", "Links"],
      kind: "list",
      inputKeys: ["evidenceLinks"],
      hint: "transfer.hints.links",
      example: "",
    },
    {
      key: "description",
      label: f("description"),
      aliases: ["Beskrivning", "Description"],
      kind: "text",
      example: "",
    },
  ],
  unique: [],
  async build(db, rows) {
    const orgRefs = rows.flatMap((r) => [...strings(r.values.organisers), ...strings(r.values.partners)]);
    const [organisations, programmeCodes, courseCodes] = await Promise.all([
      organisationsByRef(db, orgRefs),
      idsByCode(
        db,
        "programmes",
        rows.flatMap((r) => strings(r.values.programmes)),
      ),
      idsByCode(
        db,
        "courses",
        rows.flatMap((r) => strings(r.values.courses)),
      ),
    ]);
    return rows.map(({ row, values }): BuiltRow => {
      const { organisers, partners, programmes, courses, evidence, ...rest } = values;
      const b: BuiltRow = { row, input: defined(rest), errors: [] };
      const orgIds = (field: string, refs: string[]) =>
        refs.flatMap((ref) => {
          const r = resolveRef(organisations, ref, { row, field }, "organisation");
          if (r.error) b.errors.push(r.error);
          return r.id ? [r.id] : [];
        });
      b.input.organiserIds = orgIds("organisers", strings(organisers));
      b.input.organisationIds = orgIds("partners", strings(partners));
      const p = resolveCodes(programmeCodes, strings(programmes), { row, field: "programmes" }, "programme");
      const c = resolveCodes(courseCodes, strings(courses), { row, field: "courses" }, "course");
      for (const e of [p.error, c.error]) if (e) b.errors.push(e);
      b.input.programmeIds = p.ids;
      b.input.courseIds = c.ids;
      b.input.evidenceLinks = strings(evidence).map((url) => ({ label: url, url }));
      return b;
    });
  },
  async create(tx, actor, row) {
    return (await createActivity(tx as unknown as Db, actor, row.input as CreateActivityInput)).id;
  },
  export: {
    query: activityListQuery.omit({ limit: true, cursor: true }),
    page: (db, actor, query, cursor) => listActivities(db, actor, { ...query, limit: 500, cursor }),
    columns: (t, locale) => [
      { header: t(f("title")), value: (a) => a.title, width: 40 },
      {
        header: t(f("typeKey")),
        value: (a) => (locale === "sv" ? a.type.labelSv : a.type.labelEn),
        width: 24,
      },
      { header: t(f("startDate")), value: (a) => isoToDate(a.startDate), width: 14 },
      { header: t(f("endDate")), value: (a) => isoToDate(a.endDate), width: 14 },
      { header: t(f("place")), value: (a) => a.place, width: 24 },
      { header: t(f("status")), value: (a) => t(`activities.statuses.${a.status}`), width: 14 },
      { header: t(f("organisers")), value: (a) => a.organisers.map((o) => o.name).join("; "), width: 30 },
      { header: t(f("partners")), value: (a) => a.partners.map((o) => o.name).join("; "), width: 30 },
      { header: t(f("programmes")), value: (a) => a.programmes.map((p) => p.code).join("; "), width: 20 },
      { header: t(f("courses")), value: (a) => a.courses.map((c) => c.code).join("; "), width: 20 },
      {
        header: t(f("mandatory")),
        value: (a) => (a.mandatory ? t("common.yes") : t("common.no")),
        width: 12,
      },
      {
        header: t(f("evaluated")),
        value: (a) => (a.evaluated ? t("common.yes") : t("common.no")),
        width: 12,
      },
      { header: t(f("evaluationText")), value: (a) => a.evaluationText, width: 40 },
      { header: t(f("participants")), value: (a) => a.participants, width: 14 },
      { header: t(f("tags")), value: (a) => a.tags.join("; "), width: 24 },
      { header: t(f("evidence")), value: (a) => a.evidenceLinks.map((l) => l.url).join("; "), width: 40 },
      { header: t(f("description")), value: (a) => a.description, width: 50 },
      { header: t("transfer.columns.id"), value: (a) => a.id, width: 38 },
    ],
  },
};
