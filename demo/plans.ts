import type { Db } from "../src/server/db/client.ts";
import { goalIdsByCode } from "../src/server/modules/goals/index.ts";
import {
  addProgress,
  createPlan,
  createPlanItem,
  getPlan,
  planIdByTitle,
} from "../src/server/modules/plans/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { FRAMEWORK, frameworkIdByName } from "./goals.ts";
import { ORG } from "./registers/names.ts";
import { organisationIdsByName } from "./registers/organisations.ts";

export const PLAN_TITLE = "Handlingsplan 2013–2015 — Arbetslivsanknytning";

type Section = "development" | "communication";
interface ItemSeed {
  number: number;
  section: Section;
  title: string;
  description: string;
  goals: string;
  targetGroups?: string[];
  responsible: string;
  units: (keyof typeof ORG)[];
  start: string;
  recurrence?: string;
  /** The recurrence as a schedule: its occurrences from start to the plan's end. */
  schedule?: { frequency: "semester" | "monthly" | "yearly"; start: string; end: string };
  resources?: number;
}

const regionen = "Näringsliv/offentlig sektor i regionen";

/** Seed 000, "Aktivitetsplan, perioden 2013-2015": the fifteen items as the plan writes them. */
const items: ItemSeed[] = [
  {
    number: 1,
    section: "development",
    title: "Forma organisationsstruktur och resursfördelningsstrategi kring arbetslivsanknytning",
    description:
      "Identifiera hur organisationen kring arbetslivsanknytningsfrågan kan stärkas och effektiviseras, dvs hur samarbetet mellan utbildningarna, samverkansavdelningen och det omgivande samhället ska se ut i framtiden, samt vilka resurser som bör tilldelas för arbetslivsanknytningsarbete och hur de ska fördelas.",
    goals: "B, F",
    responsible: "SAM",
    units: ["sam"],
    start: "Q4 2013",
  },
  {
    number: 2,
    section: "development",
    title: "Vidareutveckla lärandemål",
    description:
      "Se över möjligheten att vidareutveckla de befintliga generella lärandemålen för utbildningsprogram/kurser så att de omfattar tydliga mål för arbetslivsanknytning som kan följas upp, mätas och utvärderas.",
    goals: "B, D, E, F",
    responsible: "SAM",
    units: ["sam"],
    start: "Q1 2014",
  },
  {
    number: 3,
    section: "development",
    title: "Utveckla systematisk modell för program/kurser, ALA-kompassen",
    description:
      "Utveckla en modell, refererad till som ALA-kompassen, för att inventera och visualisera utbildningarnas arbetslivsanknytning. ALA-kompassen ska vara ett internt stödverktyg där utbildningarna på ett systematiskt sätt ska kunna tydliggöra helheten av arbetslivsanknytning inom program/kurser, och få underlag för utökning och förbättring av arbetslivsanknytningen. Separat projektbeskrivning finns och utvecklingsarbetet startade i april 2013 (projekt namn: Konceptualisering och visualisering av arbetslivsanknytning i högre utbildning).",
    goals: "A, B, C, D, E, F",
    responsible: "Jörgen Sparf",
    units: [],
    start: "Q2 2013",
  },
  {
    number: 4,
    section: "development",
    title: "Utveckla en effektiv arbetsprocess kring ALA-kompassen",
    description:
      "För att implementera ALA-kompassen behövs en välfungerande process där programansvariga och lärare får stöd i målformulering, inventering, analys, rekommendationer och arbetsupplägg.",
    goals: "A, B, C, F",
    responsible: "SAM",
    units: ["sam"],
    start: "Q1 2014",
  },
  {
    number: 5,
    section: "development",
    title: "Utforma erbjudanden utifrån ALA-kompassen (stöd till kärnverksamheten).",
    description:
      "Vidareutveckla Samverkansavdelningens centrala stöd till program/kursansvariga och lärare så att deras arbete med att förbättra och öka utbildningarnas arbetslivsanknytning i relation till deras målbild/nuläge förenklas, stärks och effektiviseras. Stödet ska därför matcha utformningen av ALA-kompassen.",
    goals: "A, B, C, D, E, F",
    responsible: "SAM",
    units: ["sam"],
    start: "Q2 2014",
  },
  {
    number: 6,
    section: "development",
    title: "Utforma forskningsansökan kring ALA-kompassen",
    description:
      "Som en fortsättning på utvecklingsarbetet kring ALA-kompassen ska en forskningsansökan utarbetas i samråd med externa nationella och internationella parter. Ansökan gäller externfinansiering av ett forskningsprojekt vars syfte är att validera den vetenskapliga kvaliteten och metodmässiga reliabiliteten i den framtagna modellen samt att pröva dess internationella giltighet.",
    goals: "B, C",
    responsible: "Jörgen Sparf",
    units: [],
    start: "Q3 2015",
  },
  {
    number: 7,
    section: "communication",
    title: "Internt nätverk för samverkansfrågor",
    description:
      "Skapa ett intern nätverk av personer som arbetar med arbetslivsanknytning för erfarenhetsutbyte, kommunikation och dialog kring utveckling.",
    goals: "A, B",
    targetGroups: ["Lärare"],
    responsible: "SAM i samarbete med utbildningsprogrammen och KOM",
    units: ["sam", "kom"],
    start: "1 gång per termin/start vt 2014",
    recurrence: "1 gång per termin",
    schedule: { frequency: "semester", start: "2014-01-15", end: "2015-12-31" },
  },
  {
    number: 8,
    section: "communication",
    title: "Paketera ALA-kompassens arbetsprocess och dess erbjudanden (stöd till verksamheten)",
    description:
      "Paketera ALA-kompassen och processen kring ALA-kompassen som ett kommunikativt stödverktyg.. Till ALA-kompassen kopplas erbjudanden som stöd till kärnverksamheten. Dessa erbjudanden behöver paketeras, conceptualiseras och kommuniceras. Ett exempel på erbjudanden kan vara att stötta lärarna i att starta alt. vidareutveckla arbetet med branschråd.",
    goals: "A, B, F",
    targetGroups: ["Lärare"],
    responsible: "SAM",
    units: ["sam"],
    start: "2014",
    resources: 100_000,
  },
  {
    number: 9,
    section: "communication",
    title: "Blogg från SAM:s avdelningschef",
    description:
      "För att lyfta frågor om arbetslivsanknytning startar SAM:s avdelningschef en blogg där denne skriver om olika samverkansfrågor. Bloggen tydliggör vårt arbete externt och visar på Mittuniversitetets sätt att arbeta. Koppla till twitter.",
    goals: "C, E",
    targetGroups: [regionen, "nationella aktörer"],
    responsible: "SAM",
    units: ["sam"],
    start: "2014",
    recurrence: "Ett blogginlägg i månaden",
    schedule: { frequency: "monthly", start: "2014-01-31", end: "2015-12-31" },
  },
  {
    number: 10,
    section: "communication",
    title: "Positionering, nationellt",
    description:
      "Identifiera vilka arenor Mittuniversitetet ska synas på nationellt och vilka anställda som ska synas och ta ett kliv framåt i arbetet.",
    goals: "A, C",
    targetGroups: ["Nationella aktörer"],
    responsible: "SAM i samarbete med rektors kansli och KOM",
    units: ["sam", "rektorsKansli", "kom"],
    start: "2014",
  },
  {
    number: 11,
    section: "communication",
    title: "Positionering, regionalt",
    description:
      "Identifiera vilka arenor Mittuniversitetet ska synas på regionalt och vilka anställda som ska synas och ta ett kliv framåt i arbetet.",
    goals: "A, E",
    targetGroups: [regionen],
    responsible: "SAM i samarbete med internt nätverk och KOM",
    units: ["sam", "kom"],
    start: "2014",
  },
  {
    number: 12,
    section: "communication",
    title: "Aktiv regional pressbearbetning",
    description: "Ta fram en publiceringsplan och jobba med intern publicering.",
    goals: "B, D, E",
    targetGroups: [regionen, "lärare", "studenter", "kommande studenter"],
    responsible: "SAM/KOM",
    units: ["sam", "kom"],
    start: "2014",
    resources: 50_000,
  },
  {
    number: 13,
    section: "communication",
    title: "Utforma och dela ut pris till bästa arbetslivanknytning",
    description:
      "För att få uppmärksamhet kring arbetslivsanknytningsfrågor ska ett pris tas fram. Priset/prisen delas ut till bästa företag och utbildning gemensamt, eller bästa student och organisation. Utdelningen sker vid ett tillfälle där stor uppmärksamhet kan ges och aktiviteten kopplas till media och intern publicering.",
    goals: "B, D, E",
    targetGroups: [regionen, "lärare", "studenter", "kommande studenter"],
    responsible: "SAM/KOM",
    units: ["sam", "kom"],
    start: "2014",
    resources: 50_000,
  },
  {
    number: 14,
    section: "communication",
    title: "Stärka Alumni-nätverket och aktiv information till Alumner",
    description:
      "Alumni-nätverket ska stärkas till innehåll och funktion. Satsa på ambassadörsaktiviteter. Via Alumni-nätverket och dess nyhetsbrev kommunicera aktivt med före detta studenter för att visa hur de kan vara del av Mittuniversitetet även efter sin utbildning, ex vis genom att ta emot praktikanter, hålla gästföreläsningar etc.",
    goals: "E",
    targetGroups: ["Alumner", "Näringsliv/offentlig sektor i regionen och nationellt"],
    responsible: "SAM/KOM i samarbete med utbildningsprogrammen.",
    units: ["sam", "kom"],
    start: "2014",
  },
  {
    number: 15,
    section: "communication",
    title: "Kontinuerlig omvärldsbevakning",
    description:
      "För att kunna göra ett bra jobb inom arbetslivsanknytning behöver Mittuniversitetet veta hur andra jobbar, vad som händer inom området regionalt, nationellt och internationellt.",
    goals: "C",
    responsible: "SAM",
    units: ["sam"],
    start: "2014",
  },
];

/** Creates the 2013–2015 plan with its phases, sections and fifteen items (once). */
export async function loadPlansDemo(db: Db) {
  if (await planIdByTitle(db, PLAN_TITLE)) return;
  const frameworkId = await frameworkIdByName(db, FRAMEWORK.miun);
  if (!frameworkId) throw new Error("demo: the goals step must run before the plans step");
  const orgs = await organisationIdsByName(db);
  const planId = await createPlan(db, systemActor, {
    title: PLAN_TITLE,
    subtitle: "Implementering av Mittuniversitetets utbildningsstrategi",
    ownerOrganisationId: orgs.get(ORG.miun) ?? null,
    frameworkId,
    documentVersion: "2.1",
    preparedBy: "Jenny Sandström och Christina Frimodig",
    documentOwner: "Robert Pettersson",
    documentDate: "2013-11-13",
    periodStart: "2013-01-01",
    periodEnd: "2015-12-31",
    description:
      "Arbetet med arbetslivsanknytning går in i fas 3, implementering. Tyngden ligger på policyarbete, lärandemål, systematiska arbetsmetoder/verktyg och kommunikation, med sikte på det definierade målet i utbildningsstrategin. Aktiviteterna är uppdelade i utvecklingsinsatser och kommunikationsinsatser och sträcker sig fram till årsskiftet 2015/16.",
    phases: [
      {
        name: "Initiering",
        description:
          "Påbörjades 2011 och sträckte sig in i första halvan av 2013: inventeringar, omvärldsbevakning och systematik (Miun Karriär, kompetenskontrakt, entreprenörskap) och nya arbetslivsanknytningskoncept i program.",
        startDate: "2011-01-01",
        endDate: "2013-06-30",
      },
      {
        name: "Erfarenhetsutbyte och analys",
        description: "Erfarenhetsutbyte, analys och lärdomar som grund för implementeringen (2013).",
        startDate: "2013-01-01",
        endDate: "2013-12-31",
      },
      {
        name: "Implementering",
        description:
          "Policyarbete, lärandemål, systematiska arbetsmetoder/verktyg och kommunikation, till årsskiftet 2015/16.",
        startDate: "2013-07-01",
        endDate: "2015-12-31",
      },
    ],
    sections: [{ name: "Utvecklingsinsatser" }, { name: "Kommunikationsinsatser" }],
  });
  const plan = (await getPlan(db, systemActor, planId))!;
  const sectionId = (s: Section) => plan.sections[s === "development" ? 0 : 1].id;
  const implementation = plan.phases[2].id;
  for (const seed of items) {
    const itemId = await createPlanItem(db, systemActor, planId, {
      number: seed.number,
      title: seed.title,
      description: seed.description,
      sectionId: sectionId(seed.section),
      phaseId: implementation,
      goalIds: await goalIdsByCode(db, frameworkId, seed.goals.split(",")),
      targetGroups: seed.targetGroups ?? [],
      responsibleText: seed.responsible,
      responsibleOrganisationIds: seed.units.map((u) => orgs.get(ORG[u])).filter((id): id is string => !!id),
      startText: seed.start,
      recurrence: seed.recurrence ?? null,
      recurrenceFrequency: seed.schedule?.frequency ?? null,
      recurrenceStart: seed.schedule?.start ?? null,
      recurrenceEnd: seed.schedule?.end ?? null,
      resources: seed.resources ?? null,
    });
    if (seed.number === 3) {
      await addProgress(db, systemActor, planId, itemId, {
        date: "2013-04-01",
        status: "ongoing",
        note: "Utvecklingsarbetet startade i april 2013 (projekt: Konceptualisering och visualisering av arbetslivsanknytning i högre utbildning).",
      });
    }
  }
}
