import { DEMO_PASSWORD } from "../../../../../demo/users.ts";
import { swedishSortKey } from "../../../../common/sort-key.ts";
import type { Database } from "../../../db/client.ts";
import { systemActor } from "../../../platform/actor.ts";
import { ensureUser } from "../../accounts/index.ts";
import { activities, activityCourses, activityProgrammes } from "../../activities/activities.schema.ts";
import { ensureActivityTypes } from "../../activities/index.ts";
import { organisations } from "../../organisations/organisations.schema.ts";
import { courses, programmeCourses, programmes } from "../../programmes/programmes.schema.ts";

/**
 * A small university for the compass tests, written with direct inserts (a test seed, not demo data):
 * Miun → HUV → Institutionen för hälsovetenskaper with nursing; HUV also owns social work directly;
 * NMT owns tourism and forestry. Nursing's 2024 is built so that each level of the rule shows once.
 */
export interface CompassFixture {
  miun: string;
  huv: string;
  hv: string;
  nmt: string;
  sam: string;
  nursing: string;
  socialWork: string;
  tourism: string;
  forestry: string;
  courseA: string;
  courseB: string;
  otherDirectorEmail: string;
}

export const otherDirectorEmail = "annan.programansvarig@demo.samspel.se";

interface ActivitySeed {
  title: string;
  type: string;
  start: string | null;
  end?: string;
  status?: "planned" | "done" | "cancelled";
  mandatory?: boolean;
  evaluated?: boolean;
  programmes?: string[];
  courses?: string[];
}

export async function seedCompassFixture(database: Database): Promise<CompassFixture> {
  const { db } = database;
  await ensureActivityTypes(db);
  const org = async (name: string, type: string, parentId: string | null) =>
    (
      await db
        .insert(organisations)
        .values({ name, sortKey: swedishSortKey(name), type, parentId })
        .returning()
    )[0].id;
  const miun = await org("Mittuniversitetet", "university", null);
  const huv = await org("Fakulteten för humanvetenskap (HUV)", "faculty", miun);
  const hv = await org("Institutionen för hälsovetenskaper", "department", huv);
  const nmt = await org("Fakulteten för naturvetenskap, teknik och medier (NMT)", "faculty", miun);
  const sam = await org("Samverkansavdelningen (SAM)", "unit", miun);

  const programme = async (code: string, name: string, organisationId: string) =>
    (
      await db
        .insert(programmes)
        .values({ code, nameSv: name, sortKey: swedishSortKey(name), organisationId, level: "grundniva" })
        .returning()
    )[0].id;
  const nursing = await programme("HSJUG", "Sjuksköterskeprogrammet", hv);
  const socialWork = await programme("HSOCG", "Socionomprogrammet", huv);
  const tourism = await programme("NTURG", "Turismprogrammet", nmt);
  const forestry = await programme("NSKOG", "Skogsteknikerprogrammet", nmt);

  const course = async (code: string, name: string) =>
    (
      await db
        .insert(courses)
        .values({ code, nameSv: name, sortKey: swedishSortKey(name) })
        .returning()
    )[0].id;
  const courseA = await course("OM016G", "Omvårdnad A");
  const courseB = await course("OM030G", "Omvårdnad B");
  await db.insert(programmeCourses).values([
    { programmeId: nursing, courseId: courseA },
    { programmeId: nursing, courseId: courseB },
  ]);

  const add = async (a: ActivitySeed) => {
    const [row] = await db
      .insert(activities)
      .values({
        title: a.title,
        sortKey: swedishSortKey(a.title),
        typeKey: a.type,
        startDate: a.start,
        endDate: a.end ?? null,
        status: a.status ?? "done",
        mandatory: a.mandatory ?? false,
        evaluated: a.evaluated ?? false,
      })
      .returning();
    for (const programmeId of a.programmes ?? [])
      await db.insert(activityProgrammes).values({ activityId: row.id, programmeId });
    for (const courseId of a.courses ?? [])
      await db.insert(activityCourses).values({ activityId: row.id, courseId });
    return row.id;
  };
  // Nursing 2024: placement 4, simulation 2 (two courses), encounters 1, governance 2 (three), career 3.
  await add({
    title: "VFU termin 3",
    type: "vfu",
    start: "2024-02-01",
    end: "2024-03-15",
    mandatory: true,
    evaluated: true,
    courses: [courseA],
  });
  await add({
    title: "Patientsimulator, akut omvårdnad",
    type: "simulering",
    start: "2024-04-10",
    courses: [courseA],
  });
  await add({
    title: "Patientsimulator, hemsjukvård",
    type: "simulering",
    start: "2024-10-02",
    courses: [courseB],
  });
  await add({
    title: "Gästföreläsning från regionen",
    type: "gastforelasning",
    start: "2024-05-05",
    programmes: [nursing],
  });
  await add({
    title: "Studiebesök på akuten",
    type: "studiebesok",
    start: "2024-11-20",
    status: "planned",
    programmes: [nursing],
  });
  await add({
    title: "Inställd branschdag",
    type: "branschdag",
    start: "2024-09-01",
    status: "cancelled",
    mandatory: true,
    programmes: [nursing],
  });
  for (const month of ["02", "06", "10"])
    await add({
      title: `Programråd ${month}`,
      type: "programrad",
      start: `2024-${month}-12`,
      programmes: [nursing],
    });
  await add({
    title: "Mentorprogram med regionen",
    type: "mentorprogram",
    start: "2024-01-20",
    mandatory: true,
    programmes: [nursing],
  });
  await add({ title: "Odaterad alumnträff", type: "alumnmedverkan", start: null, programmes: [nursing] });
  // Nursing 2023: placement 3; the entrepreneurship week spans the new year and counts in both years.
  await add({
    title: "VFU termin 5 (2023)",
    type: "vfu",
    start: "2023-09-01",
    end: "2023-10-15",
    mandatory: true,
    courses: [courseB],
  });
  await add({
    title: "Innovationsvecka",
    type: "entreprenorskap",
    start: "2023-12-28",
    end: "2024-01-05",
    programmes: [nursing],
  });
  // Other programmes.
  await add({
    title: "SimChild-övning",
    type: "simulering",
    start: "2024-03-03",
    mandatory: true,
    programmes: [socialWork],
  });
  await add({
    title: "Turism 2.0 – företagsprojekt",
    type: "foretagsprojekt",
    start: "2024-04-04",
    programmes: [tourism],
  });
  await add({
    title: "Entreprenörskap i turismen",
    type: "entreprenorskap",
    start: "2024-05-05",
    programmes: [tourism],
  });

  await ensureUser(db, systemActor, {
    email: "programansvarig@demo.samspel.se",
    name: "Per Programansvarig",
    password: DEMO_PASSWORD,
    roles: [{ role: "programme_director", scopeType: "programme", scopeId: nursing }],
  });
  await ensureUser(db, systemActor, {
    email: otherDirectorEmail,
    name: "Olle Turismansvarig",
    password: DEMO_PASSWORD,
    roles: [{ role: "programme_director", scopeType: "programme", scopeId: tourism }],
  });
  return {
    miun,
    huv,
    hv,
    nmt,
    sam,
    nursing,
    socialWork,
    tourism,
    forestry,
    courseA,
    courseB,
    otherDirectorEmail,
  };
}
