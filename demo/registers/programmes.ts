import { eq } from "drizzle-orm";
import type { ProgrammeLevel } from "../../src/common/programmes.ts";
import type { Db } from "../../src/server/db/client.ts";
import { setRoles } from "../../src/server/modules/accounts/index.ts";
import { createPerson, personIdOfUser } from "../../src/server/modules/people/index.ts";
import {
  createCourse,
  createProgramme,
  findCourseIdByCode,
  findProgrammeIdByCode,
} from "../../src/server/modules/programmes/index.ts";
import { systemActor } from "../../src/server/platform/actor.ts";
import { users } from "../../src/server/platform/platform.schema.ts";
import { HARNOSAND_COURSES, ORG, PROGRAMME } from "./names.ts";
import { organisationIdsByName } from "./organisations.ts";

/**
 * Mittuniversitetet's programmes (names.ts PROGRAMME) with realistic courses, and the eight contract
 * courses of the Härnösand SKO agreement (seed 001: 4 × 3 hp psychology, 3 + 3 + 6 hp law,
 * Strategisk ekonomistyrning 3 hp = 27 hp). Course codes follow Ladok's pattern (subject, number,
 * G/A for first/second cycle); they are illustrative, not Mittuniversitetet's real codes.
 */
type ProgrammeKey = keyof typeof PROGRAMME;

interface CourseSeed {
  code: string;
  nameSv: string;
  nameEn: string;
  credits: number;
}

const programmeDetails: Record<
  ProgrammeKey,
  { nameEn: string; credits: number; level: ProgrammeLevel; courses: CourseSeed[] }
> = {
  nursing: {
    nameEn: "Nursing Programme",
    credits: 180,
    level: "grundniva",
    courses: [
      { code: "OM012G", nameSv: "Omvårdnadens grunder", nameEn: "Foundations of nursing", credits: 15 },
      {
        code: "MC009G",
        nameSv: "Medicinsk vetenskap: anatomi och fysiologi",
        nameEn: "Medical science: anatomy and physiology",
        credits: 15,
      },
      {
        code: "OM021G",
        nameSv: "Verksamhetsförlagd utbildning i kommunal hälso- och sjukvård",
        nameEn: "Clinical placement in municipal health care",
        credits: 7.5,
      },
      {
        code: "OM034G",
        nameSv: "Omvårdnad vid ohälsa och sjukdom",
        nameEn: "Nursing in ill health and disease",
        credits: 15,
      },
      {
        code: "OM042G",
        nameSv: "Verksamhetsförlagd utbildning i slutenvård",
        nameEn: "Clinical placement in hospital care",
        credits: 15,
      },
      {
        code: "OM051G",
        nameSv: "Examensarbete i omvårdnad",
        nameEn: "Degree project in nursing",
        credits: 15,
      },
    ],
  },
  socialWork: {
    nameEn: "Social Work Programme",
    credits: 210,
    level: "grundniva",
    courses: [
      {
        code: "SA011G",
        nameSv: "Socialt arbete: grundkurs",
        nameEn: "Social work: introductory course",
        credits: 15,
      },
      {
        code: "SA024G",
        nameSv: "Barn och familj i socialt arbete",
        nameEn: "Children and families in social work",
        credits: 15,
      },
      {
        code: "SA033G",
        nameSv: "Verksamhetsförlagd utbildning i socialt arbete",
        nameEn: "Work placement in social work",
        credits: 30,
      },
      {
        code: "SA045G",
        nameSv: "Examensarbete i socialt arbete",
        nameEn: "Degree project in social work",
        credits: 15,
      },
    ],
  },
  teacher: {
    nameEn: "Primary School Teacher Education",
    credits: 240,
    level: "grundniva",
    courses: [
      { code: "PE011G", nameSv: "Lärarens uppdrag", nameEn: "The teacher's mission", credits: 7.5 },
      {
        code: "PE032G",
        nameSv: "Verksamhetsförlagd utbildning 1",
        nameEn: "School-based training 1",
        credits: 7.5,
      },
      {
        code: "MA014G",
        nameSv: "Matematik för grundlärare",
        nameEn: "Mathematics for teachers",
        credits: 15,
      },
      {
        code: "PE061G",
        nameSv: "Examensarbete för grundlärare",
        nameEn: "Degree project for primary teachers",
        credits: 15,
      },
    ],
  },
  tourism: {
    nameEn: "Tourism Programme",
    credits: 180,
    level: "grundniva",
    courses: [
      { code: "TR011G", nameSv: "Turismvetenskap A", nameEn: "Tourism studies A", credits: 15 },
      { code: "TR023G", nameSv: "Destinationsutveckling", nameEn: "Destination development", credits: 15 },
      { code: "TR031G", nameSv: "Evenemangsturism", nameEn: "Event tourism", credits: 7.5 },
      { code: "TR041G", nameSv: "Praktik inom turism", nameEn: "Internship in tourism", credits: 15 },
      {
        code: "TR051G",
        nameSv: "Examensarbete i turismvetenskap",
        nameEn: "Degree project in tourism studies",
        credits: 15,
      },
    ],
  },
  civilEngineering: {
    nameEn: "Master of Science in Electrical Engineering",
    credits: 300,
    level: "avancerad",
    courses: [
      { code: "EL011G", nameSv: "Elektriska kretsar", nameEn: "Electric circuits", credits: 7.5 },
      { code: "EL032G", nameSv: "Reglerteknik", nameEn: "Automatic control", credits: 7.5 },
      {
        code: "EL041A",
        nameSv: "Projektkurs i elektroteknik",
        nameEn: "Project course in electrical engineering",
        credits: 15,
      },
      {
        code: "EL061A",
        nameSv: "Examensarbete för civilingenjörsexamen",
        nameEn: "Degree project for the MSc in engineering",
        credits: 30,
      },
    ],
  },
  computerEngineering: {
    nameEn: "Computer Engineering, Bachelor of Science",
    credits: 180,
    level: "grundniva",
    courses: [
      {
        code: "DT012G",
        nameSv: "Programmering, grundkurs",
        nameEn: "Programming, basic course",
        credits: 7.5,
      },
      { code: "DT031G", nameSv: "Databaser", nameEn: "Databases", credits: 7.5 },
      { code: "DT051G", nameSv: "Programvaruprojekt", nameEn: "Software project", credits: 15 },
      {
        code: "DT071G",
        nameSv: "Examensarbete i datateknik",
        nameEn: "Degree project in computer engineering",
        credits: 15,
      },
    ],
  },
  journalism: {
    nameEn: "Journalism Programme",
    credits: 180,
    level: "grundniva",
    courses: [
      { code: "JO011G", nameSv: "Journalistik A", nameEn: "Journalism A", credits: 15 },
      { code: "JO021G", nameSv: "Nyhetsjournalistik", nameEn: "News journalism", credits: 15 },
      {
        code: "JO041G",
        nameSv: "Examensarbete i journalistik",
        nameEn: "Degree project in journalism",
        credits: 15,
      },
    ],
  },
  psychology: {
    nameEn: "Study Programme in Psychology",
    credits: 300,
    level: "avancerad",
    courses: [
      { code: "PS021A", nameSv: "Klinisk psykologi", nameEn: "Clinical psychology", credits: 15 },
      {
        code: "PS051A",
        nameSv: "Verksamhetsförlagd utbildning i psykologi",
        nameEn: "Work placement in psychology",
        credits: 15,
      },
      {
        code: "PS091A",
        nameSv: "Examensarbete i psykologi",
        nameEn: "Degree project in psychology",
        credits: 30,
      },
    ],
  },
  business: {
    nameEn: "Business and Economics Programme",
    credits: 180,
    level: "grundniva",
    courses: [
      { code: "FE011G", nameSv: "Företagsekonomi A", nameEn: "Business administration A", credits: 15 },
      { code: "FE031G", nameSv: "Redovisning och revision", nameEn: "Accounting and auditing", credits: 7.5 },
      {
        code: "FE061G",
        nameSv: "Examensarbete i företagsekonomi",
        nameEn: "Degree project in business administration",
        credits: 15,
      },
    ],
  },
  forestry: {
    nameEn: "Forestry Technician Programme",
    credits: 120,
    level: "grundniva",
    courses: [
      { code: "SK011G", nameSv: "Skogsskötsel", nameEn: "Silviculture", credits: 15 },
      { code: "SK021G", nameSv: "Skoglig planering", nameEn: "Forest planning", credits: 7.5 },
    ],
  },
};

/** The person behind the demo programme director's account: responsible for the nursing programme. */
const DIRECTOR = { email: "programansvarig@demo.samspel.se", name: "Per Programansvarig" };

async function ensureDirectorPerson(db: Db, huvId: string) {
  const [user] = await db.select().from(users).where(eq(users.email, DIRECTOR.email));
  if (!user) throw new Error(`demo: user ${DIRECTOR.email} is missing (the users step runs first)`);
  const existing = await personIdOfUser(db, user.id);
  if (existing) return { userId: user.id, personId: existing };
  const person = await createPerson(db, systemActor, {
    name: DIRECTOR.name,
    title: "Programansvarig, Sjuksköterskeprogrammet",
    email: DIRECTOR.email,
    lawfulBasis: "public_task",
    userId: user.id,
    memberships: [{ organisationId: huvId, role: "Programansvarig" }],
  });
  return { userId: user.id, personId: person.id };
}

/**
 * Creates the programmes and courses (skipping codes that exist) and scopes the demo programme
 * director to the nursing programme. Runs after the organisations step, whose units own them.
 */
export async function loadProgrammesDemo(db: Db) {
  const orgIds = await organisationIdsByName(db);
  const org = (name: string) => {
    const id = orgIds.get(name);
    if (!id) throw new Error(`demo: organisation ${name} is missing (the organisations step runs first)`);
    return id;
  };
  const director = await ensureDirectorPerson(db, org(ORG.huv));

  for (const key of Object.keys(PROGRAMME) as ProgrammeKey[]) {
    const base = PROGRAMME[key];
    const details = programmeDetails[key];
    const facultyId = org(ORG[base.faculty]);
    const courseIds: string[] = [];
    for (const course of details.courses) {
      courseIds.push(
        (await findCourseIdByCode(db, course.code)) ??
          (
            await createCourse(db, systemActor, {
              ...course,
              level: details.level,
              organisationId: facultyId,
            })
          ).id,
      );
    }
    if (await findProgrammeIdByCode(db, base.code)) continue;
    await createProgramme(db, systemActor, {
      code: base.code,
      nameSv: base.name,
      nameEn: details.nameEn,
      credits: details.credits,
      level: details.level,
      organisationId: facultyId,
      responsiblePersonId: key === "nursing" ? director.personId : null,
      courseIds,
    });
  }

  for (const course of HARNOSAND_COURSES) {
    if (await findCourseIdByCode(db, course.code)) continue;
    await createCourse(db, systemActor, {
      ...course,
      level: "grundniva",
      organisationId: org(ORG.miun),
      contract: true,
      clientOrganisationId: org(ORG.harnosand),
    });
  }

  const nursingId = (await findProgrammeIdByCode(db, PROGRAMME.nursing.code))!;
  await setRoles(db, systemActor, director.userId, [
    { role: "programme_director", scopeType: "programme", scopeId: nursingId },
  ]);
}
