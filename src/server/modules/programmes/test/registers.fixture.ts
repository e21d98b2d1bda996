import { eq } from "drizzle-orm";
import { swedishSortKey } from "../../../../common/sort-key.ts";
import type { Database } from "../../../db/client.ts";
import { systemActor } from "../../../platform/actor.ts";
import { users } from "../../../platform/platform.schema.ts";
import { demo } from "../../../test/harness.ts";
import { setRoles } from "../../accounts/index.ts";
import { organisations } from "../../organisations/organisations.schema.ts";
import { people } from "../../people/people.schema.ts";
import { createCourse } from "../courses.service.ts";
import { createProgramme } from "../programmes.service.ts";

/**
 * Test data for the programmes, courses and activities tests: a university with two faculties, a
 * municipality and a region, the nursing and tourism programmes with a course each, and the demo
 * programme director scoped to nursing. Organisations are inserted directly so these tests do not
 * depend on the organisations module's rules.
 */
export interface RegisterFixture {
  org: { miun: string; huv: string; nmt: string; harnosand: string; region: string };
  personId: string;
  nursing: string;
  tourism: string;
  nursingCourse: string;
  tourismCourse: string;
}

export function registerFixture() {
  const ids = {} as RegisterFixture;
  const seed = async ({ db }: Database) => {
    const org = async (name: string, type: string, parentId: string | null = null) => {
      const [row] = await db
        .insert(organisations)
        .values({ name, sortKey: swedishSortKey(name), type, parentId })
        .returning();
      return row.id;
    };
    const miun = await org("Mittuniversitetet", "university");
    ids.org = {
      miun,
      huv: await org("Fakulteten för humanvetenskap (HUV)", "faculty", miun),
      nmt: await org("Fakulteten för naturvetenskap, teknik och medier (NMT)", "faculty", miun),
      harnosand: await org("Härnösands kommun", "municipality"),
      region: await org("Region Västernorrland", "region"),
    };
    const [person] = await db
      .insert(people)
      .values({ name: "Karin Lärare", sortKey: swedishSortKey("Karin Lärare") })
      .returning();
    ids.personId = person.id;
    const nursing = await createProgramme(db, systemActor, {
      code: "HSJUG",
      nameSv: "Sjuksköterskeprogrammet",
      nameEn: "Nursing Programme",
      credits: 180,
      level: "grundniva",
      organisationId: ids.org.huv,
    });
    const tourism = await createProgramme(db, systemActor, {
      code: "NTURG",
      nameSv: "Turismprogrammet",
      credits: 180,
      level: "grundniva",
      organisationId: ids.org.nmt,
    });
    ids.nursing = nursing.id;
    ids.tourism = tourism.id;
    ids.nursingCourse = (
      await createCourse(db, systemActor, {
        code: "OM041G",
        nameSv: "Omvårdnad, verksamhetsförlagd utbildning",
        credits: 7.5,
        programmeIds: [nursing.id],
      })
    ).id;
    ids.tourismCourse = (
      await createCourse(db, systemActor, {
        code: "TU016G",
        nameSv: "Destinationsutveckling",
        credits: 15,
        programmeIds: [tourism.id],
      })
    ).id;
    const [director] = await db.select().from(users).where(eq(users.email, demo.programmeDirector));
    await setRoles(db, systemActor, director.id, [
      { role: "programme_director", scopeType: "programme", scopeId: nursing.id },
    ]);
  };
  return { ids, seed };
}
