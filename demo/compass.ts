import { eq } from "drizzle-orm";
import type { WorkStepInput, WorkStepKey } from "../src/common/compass.ts";
import type { Db } from "../src/server/db/client.ts";
import { loadActor } from "../src/server/modules/accounts/index.ts";
import { createActivity } from "../src/server/modules/activities/index.ts";
import {
  addOutcome,
  createOffer,
  ensureModel,
  hasOffers,
  setAssessment,
  setGoals,
  setWorkStep,
  takeOffer,
} from "../src/server/modules/compass/index.ts";
import { findCourseIdByCode, findProgrammeIdByCode } from "../src/server/modules/programmes/index.ts";
import { type Actor, systemActor } from "../src/server/platform/actor.ts";
import { users } from "../src/server/platform/platform.schema.ts";
import { ORG, PROGRAMME } from "./registers/names.ts";
import { organisationIdsByName } from "./registers/organisations.ts";

/**
 * ALA-kompassen's demo (seed 000): the collaboration office's offer catalogue (Miun Karriär, MIUN
 * Innovation, Miun Alumni, SAM), the activities the activities step lacks for some dimensions
 * (entrepreneurship, alumni, careers, SAMLAB simulation), each programme's goal picture, a few
 * assessed levels, work-process states, learning outcomes and offers taken — so that a newcomer
 * sees different compasses per programme and a faculty view at once. Runs after the activities step.
 */
type ProgrammeKey = keyof typeof PROGRAMME;
const NURSING_DIRECTOR = "programansvarig@demo.samspel.se";
type Goals = Partial<Record<string, number>>;

const offers = [
  {
    title: "Karriärcoachning för programmets studenter",
    description:
      "Miun Karriär håller workshoppar om CV, ansökan och intervju och erbjuder enskild coachning, anpassat efter programmets yrkesområde. Bygger på projektet Karriärcoachning (2012–2014).",
    dimensions: ["career"],
    targetLevel: 2,
    activityTypeKey: "karriarcoachning",
    contactName: "Pernilla Sivertsen",
    unit: ORG.miunKarriar,
  },
  {
    title: "Mentorprogrammet",
    description:
      "Studenterna i senare delen av utbildningen får en mentor i arbetslivet under ett läsår, med gemensam start och avslutning. Programmet kan göra det till ett obligatoriskt och utvärderat moment.",
    dimensions: ["career", "alumni"],
    targetLevel: 3,
    activityTypeKey: "mentorprogram",
    unit: ORG.miunKarriar,
  },
  {
    title: "Exjobbsdagen – examensarbeten med extern part",
    description:
      "Företag och organisationer presenterar uppdrag för examensarbeten; Miun Karriär förmedlar kontakter och stödjer handledare. Jämför projektet Examensarbetens värde.",
    dimensions: ["projects"],
    targetLevel: 2,
    activityTypeKey: "examensarbete",
    contactName: "Kristina Rådberg",
    unit: ORG.miunKarriar,
  },
  {
    title: "Praktikförmedling",
    description:
      "Miun Karriär förmedlar praktikplatser och hjälper programmet att bygga upp ett praktiknätverk.",
    dimensions: ["placement"],
    targetLevel: 2,
    activityTypeKey: "praktik",
    unit: ORG.miunKarriar,
  },
  {
    title: "Kompetenskontrakt",
    description:
      "Ett kontrakt mellan student och arbetsgivare under studietiden: mentor på arbetsplatsen, sommarjobb och examensarbete hos arbetsgivaren.",
    dimensions: ["career", "projects"],
    targetLevel: 3,
    activityTypeKey: "mentorprogram",
    contactName: "Kristina Rådberg",
    unit: ORG.sam,
  },
  {
    title: "Entreprenörskapsmoment i kurs",
    description:
      "MIUN Innovation utformar tillsammans med läraren ett entreprenörskapsfrämjande moment i en kurs: idégenerering, affärsmodell och möte med entreprenörer.",
    dimensions: ["entrepreneurship"],
    targetLevel: 3,
    activityTypeKey: "entreprenorskap",
    contactName: "Jenny Sandström",
    unit: ORG.miunInnovation,
  },
  {
    title: "Innovationsrådgivning och idéverkstad",
    description: "En idéverkstad för studenter med innovationsrådgivare från MIUN Innovation.",
    dimensions: ["entrepreneurship"],
    targetLevel: 1,
    activityTypeKey: "entreprenorskap",
    unit: ORG.miunInnovation,
  },
  {
    title: "Alumner i undervisningen",
    description:
      "Miun Alumni hittar tidigare studenter som gästföreläser, tar emot praktikanter eller medverkar i programrådet (handlingsplanens aktivitet 14).",
    dimensions: ["alumni", "encounters"],
    targetLevel: 2,
    activityTypeKey: "alumnmedverkan",
    unit: ORG.miunAlumni,
  },
  {
    title: "Stöd att starta eller utveckla programråd",
    description:
      "SAM stöttar programansvariga att starta eller vidareutveckla programråd och branschråd: sammansättning, mötesformer och hur rådets förslag följs upp (handlingsplanens aktivitet 8).",
    dimensions: ["governance"],
    targetLevel: 2,
    activityTypeKey: "programrad",
    contactName: "Robert Pettersson",
    unit: ORG.sam,
  },
  {
    title: "Branschdag och studiebesök",
    description:
      "SAM ordnar branschdagar och studiebesök tillsammans med programmet så att studenterna möter arbetsgivare varje termin. Jämför projektet Ökad branschnärvaro.",
    dimensions: ["encounters"],
    targetLevel: 2,
    activityTypeKey: "branschdag",
    contactName: "Hanna Billmayer",
    unit: ORG.sam,
  },
  {
    title: "Simuleringsstöd: patientsimulator, SimChild och SAMLAB",
    description:
      "Erfarenheter och stöd från simuleringsprojekten för program som vill använda simulering som alternativ till externt förlagd arbetslivsanknytning.",
    dimensions: ["simulation"],
    targetLevel: 3,
    activityTypeKey: "simulering",
    contactName: "Stefan Jansson",
    unit: ORG.sam,
  },
];

interface ExtraActivity {
  programme: ProgrammeKey;
  title: string;
  typeKey: string;
  description: string;
  course?: string;
  courses?: string[];
  organiser: string;
  /** year → [MM-DD, mandatory, evaluation text when evaluated] */
  years: [number, string, boolean?, string?][];
}

/** Dimensions the activities step leaves thin: entrepreneurship, alumni, careers, SAMLAB. */
const extras: ExtraActivity[] = [
  {
    programme: "tourism",
    title: "Entreprenörskap i destinationsutveckling {year}",
    typeKey: "entreprenorskap",
    description:
      "Pilotprogram för entreprenörskap (seed 000): studenterna tar fram affärsidéer för en destination tillsammans med MIUN Innovation.",
    course: "TR023G",
    organiser: ORG.miunInnovation,
    years: [
      [2023, "10-04"],
      [2024, "10-02", true],
      [2025, "10-01", true, "Studenterna skattar momentet 4,3 av 5; två idéer gick vidare till inkubatorn."],
    ],
  },
  {
    programme: "business",
    title: "Idéverkstad med MIUN Innovation {year}",
    typeKey: "entreprenorskap",
    description: "En dags idéverkstad om affärsmodeller med innovationsrådgivare.",
    course: "FE011G",
    organiser: ORG.miunInnovation,
    years: [
      [2024, "03-20"],
      [2025, "03-19"],
    ],
  },
  {
    programme: "computerEngineering",
    title: "Innovationstävling i programvaruprojekten 2025",
    typeKey: "entreprenorskap",
    description:
      "Projektgrupperna tävlar om bästa produktidé inför en jury från MIUN Innovation och regionens företag.",
    courses: ["DT051G", "DT071G"],
    organiser: ORG.miunInnovation,
    years: [[2025, "05-14"]],
  },
  {
    programme: "civilEngineering",
    title: "SAMLAB – praktik in-house i reglerteknik {year}",
    typeKey: "simulering",
    description:
      'Laborationsmiljön från projektet SAMLAB används som simulerad arbetsplats ("praktik in-house").',
    course: "EL032G",
    organiser: ORG.nmt,
    years: [
      [2023, "11-06"],
      [2024, "11-04", true],
      [2025, "11-03", true, "Utvärderad med industripartner: 4,2 av 5."],
    ],
  },
  {
    programme: "civilEngineering",
    title: "Alumnföreläsning: från student till ingenjör {year}",
    typeKey: "alumnmedverkan",
    description: "Ingenjörer som läst programmet berättar om sina första år i yrket.",
    course: "EL041A",
    organiser: ORG.miunAlumni,
    years: [
      [2024, "02-21"],
      [2025, "02-19"],
    ],
  },
  {
    programme: "journalism",
    title: "Alumner från redaktionerna berättar 2025",
    typeKey: "alumnmedverkan",
    description: "Tidigare studenter från lokala redaktioner berättar om yrket.",
    organiser: ORG.miunAlumni,
    years: [[2025, "04-09"]],
  },
  {
    programme: "journalism",
    title: "CV-granskning och karriärcoachning 2025",
    typeKey: "karriarcoachning",
    description: "Miun Karriär granskar CV och personliga brev inför sommarvikariat.",
    organiser: ORG.miunKarriar,
    years: [[2025, "02-05"]],
  },
  {
    programme: "socialWork",
    title: "Karriärcoachning inför examen {year}",
    typeKey: "karriarcoachning",
    description: "Workshop om ansökan till socialtjänsten och introduktion för nya socionomer.",
    organiser: ORG.miunKarriar,
    years: [
      [2024, "12-04"],
      [2025, "12-03"],
    ],
  },
  {
    programme: "tourism",
    title: "Alumner i turismnäringen berättar 2025",
    typeKey: "alumnmedverkan",
    description: "Alumner från destinationsbolag och hotell berättar om vägen in i branschen.",
    organiser: ORG.miunAlumni,
    years: [[2025, "11-19"]],
  },
  {
    programme: "computerEngineering",
    title: "Branschråd för datateknik {year}",
    typeKey: "programrad",
    description: "Branschrådet med regionens IT-företag om kursutbud och projektuppdrag.",
    organiser: ORG.nmt,
    years: [
      [2024, "10-16"],
      [2025, "10-15"],
    ],
  },
];

/** The goal picture (målbild) per programme and year: the radar's goal line. */
const goals: [ProgrammeKey, number, Goals, Record<string, string>?][] = [
  [
    "nursing",
    2025,
    {
      placement: 4,
      projects: 3,
      encounters: 3,
      governance: 3,
      simulation: 4,
      career: 2,
      entrepreneurship: 1,
      alumni: 2,
    },
    { encounters: "Fler möten med kommunernas hemsjukvård tidigt i utbildningen." },
  ],
  ["nursing", 2024, { placement: 4, projects: 2, encounters: 2, governance: 2, simulation: 4, alumni: 1 }],
  ["socialWork", 2025, { placement: 4, simulation: 4, governance: 2, encounters: 2, career: 2, alumni: 1 }],
  ["teacher", 2025, { placement: 4, governance: 2, encounters: 2, alumni: 1 }],
  ["tourism", 2024, { placement: 2, projects: 3, encounters: 2, entrepreneurship: 3 }],
  [
    "tourism",
    2025,
    { placement: 3, projects: 4, encounters: 2, governance: 2, entrepreneurship: 4, career: 1, alumni: 1 },
    { projects: "Turism 2.0: varje student gör ett utvecklingsprojekt med en destination." },
  ],
  [
    "civilEngineering",
    2025,
    { projects: 3, career: 3, simulation: 3, alumni: 2, governance: 2, encounters: 2 },
  ],
  [
    "computerEngineering",
    2025,
    { projects: 3, governance: 2, entrepreneurship: 2, encounters: 2, career: 2 },
  ],
  ["journalism", 2025, { placement: 2, projects: 2, encounters: 3, governance: 2, alumni: 2, career: 1 }],
  ["psychology", 2025, { placement: 4, encounters: 2, governance: 1 }],
  ["business", 2025, { projects: 2, career: 3, entrepreneurship: 2, encounters: 2 }],
  ["forestry", 2025, { placement: 2, encounters: 2, projects: 1 }],
];

const assessments: [ProgrammeKey, number, string, number, string][] = [
  [
    "nursing",
    2025,
    "governance",
    3,
    "Programrådet går igenom kursplanerna och VFU-upplägget varje år; rådets förslag ledde 2024 till en ny bedömningsmall i OM042G.",
  ],
  [
    "tourism",
    2025,
    "projects",
    3,
    "Turism 2.0-projektet är obligatoriskt för alla studenter sedan 2024, men det är inte markerat så i aktivitetsregistret ännu.",
  ],
  [
    "journalism",
    2025,
    "encounters",
    2,
    "Studenterna gör reportage hos lokala redaktioner varje termin; de tillfällena är inte registrerade som aktiviteter.",
  ],
];

const steps: [ProgrammeKey, number, WorkStepKey, WorkStepInput][] = [
  [
    "nursing",
    2025,
    "goals",
    { status: "done", startDate: "2025-01-20", doneDate: "2025-02-10", responsible: "Per Programansvarig" },
  ],
  [
    "nursing",
    2025,
    "inventory",
    {
      status: "done",
      startDate: "2025-02-10",
      doneDate: "2025-03-14",
      responsible: "Per Programansvarig med stöd av SAM",
    },
  ],
  [
    "nursing",
    2025,
    "analysis",
    { status: "done", startDate: "2025-03-17", doneDate: "2025-04-30", responsible: "Programrådet" },
  ],
  [
    "nursing",
    2025,
    "recommendations",
    {
      status: "in_progress",
      startDate: "2025-05-05",
      responsible: "SAM (Robert Pettersson)",
      note: "Möten med Miun Karriär och Miun Alumni bokade.",
    },
  ],
  [
    "tourism",
    2025,
    "goals",
    {
      status: "done",
      startDate: "2025-01-15",
      doneDate: "2025-02-05",
      responsible: "Programansvarig, turism",
    },
  ],
  [
    "tourism",
    2025,
    "inventory",
    {
      status: "done",
      startDate: "2025-02-05",
      doneDate: "2025-03-01",
      responsible: "Programansvarig, turism",
    },
  ],
  [
    "tourism",
    2025,
    "analysis",
    { status: "in_progress", startDate: "2025-03-03", responsible: "Programansvarig med SAM" },
  ],
  [
    "civilEngineering",
    2025,
    "goals",
    {
      status: "done",
      startDate: "2025-02-01",
      doneDate: "2025-02-20",
      responsible: "Programansvarig, elektroteknik",
    },
  ],
  [
    "civilEngineering",
    2025,
    "inventory",
    { status: "in_progress", startDate: "2025-02-24", responsible: "Programansvarig, elektroteknik" },
  ],
  [
    "journalism",
    2025,
    "goals",
    { status: "in_progress", startDate: "2025-09-01", responsible: "Programansvarig, journalistik" },
  ],
];

const outcomes: [ProgrammeKey, string, string[]][] = [
  [
    "nursing",
    "Studenten ska kunna planera, genomföra och utvärdera omvårdnad i samverkan med kommunens hemsjukvård.",
    ["placement"],
  ],
  [
    "nursing",
    "Studenten ska kunna reflektera över sitt handlande i simulerade akuta vårdsituationer och koppla det till VFU.",
    ["simulation", "placement"],
  ],
  [
    "tourism",
    "Studenten ska kunna driva ett utvecklingsprojekt tillsammans med en destination och värdera dess affärsnytta.",
    ["projects", "entrepreneurship"],
  ],
  [
    "journalism",
    "Studenten ska kunna arbeta under redaktionella villkor och reflektera över publicistiskt ansvar i praktiken.",
    ["encounters", "placement"],
  ],
];

/** Offers taken for the year: planned activities in the programmes' work plans. */
const takes: [ProgrammeKey, number, string, string, string][] = [
  ["journalism", 2025, "Stöd att starta eller utveckla programråd", "governance", "2025-11-25"],
  ["journalism", 2025, "Alumner i undervisningen", "alumni", "2025-12-03"],
  ["civilEngineering", 2025, "Exjobbsdagen – examensarbeten med extern part", "projects", "2025-12-10"],
  ["business", 2025, "Kompetenskontrakt", "career", "2025-12-01"],
];

export async function loadCompassDemo(db: Db) {
  await ensureModel(db, systemActor);
  if (await hasOffers(db)) return;
  const orgIds = await organisationIdsByName(db);
  const org = (name: string) => {
    const id = orgIds.get(name);
    if (!id) throw new Error(`demo: organisation ${name} is missing (the organisations step runs first)`);
    return id;
  };
  const programmeIds = new Map<ProgrammeKey, string>();
  for (const key of Object.keys(PROGRAMME) as ProgrammeKey[]) {
    const id = await findProgrammeIdByCode(db, PROGRAMME[key].code);
    if (!id)
      throw new Error(`demo: programme ${PROGRAMME[key].code} is missing (the programmes step runs first)`);
    programmeIds.set(key, id);
  }
  const programme = (key: ProgrammeKey) => programmeIds.get(key)!;
  // Nursing's own director (scoped by the programmes step) does nursing's work, so "who" shows a name.
  const [directorUser] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, NURSING_DIRECTOR));
  const director = directorUser ? await loadActor(db, directorUser.id) : null;
  const actorFor = (key: ProgrammeKey): Actor => (key === "nursing" && director ? director : systemActor);

  const offerIds = new Map<string, string>();
  for (const { unit, ...offer } of offers) {
    const created = await createOffer(db, systemActor, { ...offer, organisationId: org(unit) });
    offerIds.set(created.title, created.id);
  }

  for (const extra of extras) {
    const codes = extra.courses ?? (extra.course ? [extra.course] : []);
    const courseIds: string[] = [];
    for (const c of codes) {
      const id = await findCourseIdByCode(db, c);
      if (!id) throw new Error(`demo: course ${c} is missing`);
      courseIds.push(id);
    }
    for (const [year, date, mandatory, evaluation] of extra.years) {
      await createActivity(db, systemActor, {
        title: extra.title.replace("{year}", String(year)),
        typeKey: extra.typeKey,
        description: extra.description,
        startDate: `${year}-${date}`,
        status: "done",
        programmeIds: [programme(extra.programme)],
        courseIds,
        organiserIds: [org(extra.organiser)],
        mandatory: mandatory ?? false,
        evaluated: !!evaluation,
        evaluationText: evaluation ?? null,
        tags: ["ALA-kompassen"],
      });
    }
  }

  for (const [key, year, levels, notes] of goals) {
    const clean = Object.fromEntries(Object.entries(levels).filter(([, v]) => v !== undefined)) as Record<
      string,
      number
    >;
    await setGoals(db, actorFor(key), programme(key), year, { goals: clean, notes });
  }
  for (const [key, year, dimension, level, justification] of assessments)
    await setAssessment(db, actorFor(key), programme(key), year, dimension, { level, justification });
  for (const [key, year, step, input] of steps)
    await setWorkStep(db, actorFor(key), programme(key), year, step, input);
  for (const [key, text, dimensions] of outcomes)
    await addOutcome(db, actorFor(key), programme(key), { text, dimensions });
  for (const [key, year, title, dimensionKey, startDate] of takes)
    await takeOffer(db, systemActor, programme(key), offerIds.get(title)!, year, { dimensionKey, startDate });
}
