import type { CreateProjectInput } from "../src/common/projects.ts";
import type { Db } from "../src/server/db/client.ts";
import { goalIdsByCode } from "../src/server/modules/goals/index.ts";
import { personIdByName } from "../src/server/modules/people/index.ts";
import { addOutputs, createProject, hasProjects } from "../src/server/modules/projects/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { firstPeriodOutputs, type PeriodProject } from "./first-period-outputs.ts";
import { FRAMEWORK, frameworkIdByName } from "./goals.ts";
import { ORG } from "./registers/names.ts";
import { organisationIdsByName } from "./registers/organisations.ts";

/** Sector groups of Samhällskontraktet (seeds 002/003), kept as text on the projects. */
export const SECTOR = {
  utbildning: "Utbildning",
  aldreomsorg: "Äldreomsorg och socialt arbete",
  morgondagens: "Morgondagens studenter och arbetskraft",
  hallbar: "Hållbar stadsutveckling",
} as const;
export const MIUN_AREA = "Arbetslivsanknytning";
export const NATIONAL_PROGRAMME = "Framgångsrik förändring – Nationella kommunforskningsprogrammet";

type Row = [
  name: string,
  lead: string,
  report: "Del-" | "Slut-" | "Slut-?",
  period: string,
  results: string,
  scale: string,
  comment: string,
  colour: "Grön" | "Gul" | "Röd",
];

/** Seed 000, bilaga 1, row by row as the appendix writes it. */
export const appendix: Row[] = [
  [
    "Karriärcoachning",
    "Pernilla Sivertsen",
    "Del-",
    "062012-062014",
    "Ja",
    "Ja",
    "Process som systematiserats. Bra utfall.",
    "Grön",
  ],
  [
    "Kompetenskontraktet",
    "Kristina Rådberg",
    "Del-",
    "012013-122014",
    "Ej ännu",
    "Ja",
    'Startar sent, men lovar gott. Sannolikt ett "gott exempel". Flera externa partners.',
    "Grön",
  ],
  [
    "Entreprenörskap",
    "Jenny Sandström",
    "Del-",
    "122011-112014",
    "Ja",
    "Ja",
    "Bedrivs mot pilotprogram. Stort internt och externt intresse.",
    "Grön",
  ],
  [
    "Patientsimulator",
    "Stefan Jansson",
    "Slut-",
    "022011-122012",
    "Ja",
    "Ja, sannolikt",
    "Ett av flera projekt som utvecklar simulering som alternativ till externt förlagd arbetslivsanknytning. Bra projekt, gott exempel.",
    "Grön",
  ],
  [
    "HUM",
    "Tomas Berglund",
    "Slut-?",
    "2011-? (2015?)",
    "Otydligt",
    "Oklart",
    "Återkoppling saknas. Ingen delrapport.",
    "Röd",
  ],
  [
    "SAMLAB",
    "Magnus Ottelid",
    "Slut-",
    "032011-092012",
    "Ja, bl.a. i form av lokaler",
    "Kanske",
    'Har kompetensutvecklat lärare. Ett exempel på simulering ("praktik inhouse"). Behöver analyseras närmare. Inte riktigt framme ännu.',
    "Gul",
  ],
  [
    "Distansarbetsplatser",
    "Jan Eriksson",
    "Del-",
    "022012-042013",
    "Nja",
    "Kanske.",
    "Kan och bör kopplas närmare Alumni.",
    "Gul",
  ],
  [
    "Datorsimulerad BBIC och SimChild",
    "Gunilla Egonsdotter",
    "Del-",
    "012012-122013",
    "Ja",
    "Ja",
    "Stor satsning. Kommersialiseras i eget bolag. Rättigheter och skyldigheter en fortsatt fråga. Stor potential. Stort externt intresse, lågt internt.",
    "Grön",
  ],
  [
    "Turism 2.0",
    "Sandra Wall Reinius",
    "Del-",
    "042013-122013",
    "Ej ännu.",
    "Troligen.",
    "Lovande projektstart. På papperet lovande upplägg. Kan bli stilbildande för arbetslivsankn inom program.",
    "Grön",
  ],
  [
    "Karriärvägledning via webben",
    "Hanna Billmayer",
    "Del-",
    "062012-122013",
    "Ja",
    "Ja",
    "Små medel, kan sannolikt utökas för bättre resultat.",
    "Grön",
  ],
  [
    "Ökad branschnärvaro",
    "Hanna Billmayer",
    "Del-",
    "122011-122013",
    "Nja",
    "Ja",
    "Liten satsning. Kan skalas upp mycket. Bör kunna bli basverksamhet.",
    "Gul",
  ],
  [
    "Examensarbetens värde",
    "Kristina Rådberg",
    "Del-",
    "012013-062013",
    "Ej ännu",
    "Ja",
    "Intressant men litet projekt. Testas på ingenjörsprogram under våren.",
    "Grön",
  ],
  [
    "Extern kommunikation/Alumni/Karriärsök",
    "Pernilla Sivertsen",
    "Del-",
    "092012-122013",
    "Ja",
    "Ja",
    "Finns ett förmedlingsverktyg på www.miun.se samt kampanj inom Alumni. Bra och tydligt resultat. Personalbrist har sinkat implementering.",
    "Grön",
  ],
];

export const colourOf = { Grön: "green", Gul: "yellow", Röd: "red" } as const;
export const AVRAPPORTERING = "2013-04-02";

/** "062012-062014" → 2012-06 … 2014-06; anything else is kept as written. */
function period(text: string): Pick<CreateProjectInput, "periodStart" | "periodEnd" | "periodText"> {
  const m = text.match(/^(\d{2})(\d{4})-(\d{2})(\d{4})$/);
  if (m) return { periodStart: `${m[2]}-${m[1]}`, periodEnd: `${m[4]}-${m[3]}` };
  const year = text.match(/^(\d{4})/);
  return { periodStart: year ? `${year[1]}-01` : null, periodText: text };
}

interface SkSeed extends Omit<CreateProjectInput, "parentId" | "leadPersonId" | "leadName" | "goalIds"> {
  sector?: string;
  /** Name under which children and the period's outputs find this project. */
  key: PeriodProject;
  parent?: PeriodProject;
  lead?: string;
  goals?: string[];
}

/** Samhällskontraktet's projects named in seeds 002/003, in their sector groups. */
async function samhallskontraktetProjects(
  goal: (codes: string) => Promise<string[]>,
  sk: string | null,
): Promise<SkSeed[]> {
  return [
    {
      name: "Praktiserande lärare och forskare utvecklar matematikundervisningen tillsammans – Implementering av målen för årskurs 3",
      key: "matematik",
      sector: SECTOR.utbildning,
      description:
        "Kommundoktorandprojekt: en kommundoktorand rekryterad inom Västerås stad bedriver under tre år projektet tillsammans med matematikdidaktiker vid MDH. Togs fram av sektorsgrupp Utbildning till SKL:s utlysning av medel för kommundoktorander; när SKL lade ner satsningen beslutade SK:s styrelse att genomföra och finansiera projektet inom SK. Kompletteras av Tema matematik.",
    },
    {
      name: "Kritiska situationer för lärande – en studie som belyser undervisningssituationen för flerkulturella/flerspråkiga elever",
      key: "kritiska",
      sector: SECTOR.utbildning,
      description:
        "Kommundoktorandprojekt: studien genomförs av en kommundoktorand från Eskilstuna kommun i samverkan med forskare vid UKK, MDH. Sätts i ett sammanhang genom Tema mångfald; samverkanspart är EU-projektet JämBredd.",
    },
    {
      name: "Hur skapar vi förutsättningar för att alla elever skall nå skolans mål?",
      key: "overgangar",
      sector: SECTOR.utbildning,
      lead: "Anders Garpelin",
      periodStart: "2010-08",
      periodText: "ht 2010–2012",
      description:
        "Styrelsen beviljade medel i maj 2010. Interaktivt forskningsprojekt om övergångar mellan förskola, förskoleklass och skola: en empirisk studie parallellt med referensgruppssamtal med sex grupper av pedagoger, tre i Eskilstuna och tre i Västerås. Avslutas med en större konferens. Forskningsprojektet ”Stadieövergångar från förskola till förskoleklass och skola” har fått bidrag från Vetenskapsrådet 2011 och 2012.",
    },
    {
      name: "Unga matematiker",
      key: "ungaMatematiker",
      sector: SECTOR.utbildning,
      lead: "Monica Falk",
      periodText: "2011 eller 2012",
      description:
        "Tävling inom Tema matematik. SK:s utbildningsstrateg sökte externa medel, som beviljades från de regionala sparbanksstiftelserna. Tävlingen går av stapeln under 2011 eller 2012.",
      funding: [
        {
          kind: "cofinancing",
          funderName:
            "Sparbanksstiftelserna: Sparbanken Rekarne, Nya Sparbanken, Västra Mälardalens Sparbank och Sörmlandsbanken",
          amount: 160_000,
          note: "Totalt 160 000 kr från de regionala sparbanksstiftelserna; seeden anger inte fördelningen.",
        },
      ],
      goals: await goal("2"),
    },
    {
      name: "Entreprenörskap i skolan",
      key: "entreprenorskap",
      sector: SECTOR.utbildning,
      description:
        "Delfinansierat av Samhällskontraktet; genomförs i samverkan mellan Odlarskolan i Eskilstuna, Skiljeboskolan i Västerås och Idélab, MDH. Övrig finansiering från Skolverket.",
    },
    {
      name: "Framtidens vård, omsorg och socialt arbete",
      sector: SECTOR.aldreomsorg,
      periodStart: "2010-02",
      periodEnd: "2010-08",
      key: "mops",
      description:
        "Idéefterlysning enligt MOPS – Modell för projektutveckling i Samhällskontraktet: workshop i februari 2010, 26 projektidéer i april, tio valda till en seminarieserie, ”Draknästet” i juni (ca 50 personer), nio projektplaner den 31 augusti. Styrelsen beviljade totalt 1,3 mnkr till fyra projekt.",
      funding: [
        {
          kind: "own",
          funderOrganisationId: sk,
          funderName: sk ? null : "Samhällskontraktet",
          amount: 1_300_000,
          year: 2010,
          note: "Beviljat av styrelsen till de fyra MOPS-projekten (delprojekten nedan).",
        },
      ],
    },
    ...(
      [
        ["hundar", "Hundar som främjar aktivitet och integritet i demensvården"],
        ["gronOmsorg", "Grön omsorg"],
        ["ikt", "Att Leva och Arbeta med IKT"],
        ["motesplatser", "Mötesplatser för lärande och utveckling"],
      ] as const
    ).map(([key, name]) => ({
      name,
      key,
      sector: SECTOR.aldreomsorg,
      parent: "mops" as const,
      description:
        "Ett av de fyra projekt som styrelsen beviljade medel 2010 (totalt 1,3 mnkr) efter MOPS-processen.",
    })),
    {
      name: "Karriärtorget",
      key: "karriartorget",
      sector: SECTOR.morgondagens,
      periodStart: "2010-01",
      periodText: "Från våren 2010",
      description:
        "Utvecklingssatsning som styrelsen beslutade våren 2010: samlar högskolans karriärbyggande insatser för studenterna under ett tak – föreläsningar, jobbcoaching, ex-jobb, CV-skrivarkurser, företagspresentationer, praktikplatser, mentorprogram, branschmingel, speed-dejting med arbetsgivare och en jobbdatabas.",
      goals: await goal("5"),
    },
    {
      name: "Invandrade akademiker – IVAR",
      key: "ivar",
      sector: SECTOR.morgondagens,
      periodStart: "2010-06",
      periodText: "Från sommaren 2010",
      description:
        "En modell för insatser för arbetslösa invandrare med akademisk utbildning, företrädesvis ingenjörer: praktik hos regionens större företag, sfi-undervisning parallellt och kompletterande högskolekurser, med målet anställning. Parter: MDH, Arbetsförmedlingen och kommunerna.",
      goals: await goal("6"),
    },
    {
      name: "Yrkesstolthet och organisationsidentitet (STOLT)",
      key: "stolt",
      sector: SECTOR.morgondagens,
      lead: "Jonas Welander",
      description:
        "Forskningsprojekt om yrkesstolthet och organisationsidentitet bland kommunernas medarbetare, framtaget av kommunernas personaldirektörer och en professor i arbetslivsvetenskap vid MDH: forskningsöversikt, forskningscirklar och studier av kommunlicentiander. Beslut om genomförande planerades till styrelsen i februari 2011.",
    },
    {
      name: "Kompetensutveckling i samverkan",
      key: "kompetens",
      sector: SECTOR.morgondagens,
      periodStart: "2009-08",
      periodText: "Från hösten 2009",
      description:
        "Började hösten 2009 under arbetsnamnet Er kunskapsleverantör: kartläggning av kommunernas planering och beställning av kompetensutveckling, sedan frukostmöten i maj och november 2010 på båda orter mellan högskolans kontaktpersoner för uppdragsutbildning och kommunernas beställare.",
      goals: await goal("7"),
    },
    {
      name: "Forsknings- och utvecklingsprojekt kring stadsdelssatsningarna i Bäckby och Lagersberg",
      key: "backby",
      sector: SECTOR.hallbar,
      periodStart: "2010-01",
      periodText: "Från våren 2010",
      description:
        "Representanter från SK:s tre parter tar fram förslag till forsknings- och utvecklingsprojekt kopplat till stadsdelssatsningarna i Bäckby, Västerås och Lagersberg, Eskilstuna – från energiförsörjning och stadsplanering till hållbar utveckling ur social, kulturell och ekonomisk synvinkel.",
    },
    {
      // Seed 003 names it; its 118 000 kr are the finance demo's "Nationella kommunforskningsprogrammet".
      name: NATIONAL_PROGRAMME,
      key: "nationella",
      periodStart: "2010-11",
      periodText: "Från november 2010",
      description:
        "SK och forskargruppen STAMP deltar i det Nationella kommunforskningsprogrammet Framgångsrik förändring, där både Eskilstuna kommun och Västerås stad ingår. Inledande konferens i Linköping i november 2010.",
    },
  ];
}

export async function loadProjectsDemo(db: Db) {
  if (await hasProjects(db)) return;
  const orgs = await organisationIdsByName(db);
  const miun = orgs.get(ORG.miun) ?? null;
  const sk = orgs.get(ORG.samhallskontraktet) ?? null;

  for (const [name, lead, report, when, results, scale, comment, colour] of appendix) {
    await createProject(db, systemActor, {
      name,
      leadPersonId: await personIdByName(db, lead),
      leadName: lead,
      ownerOrganisationId: miun,
      sector: MIUN_AREA,
      ...period(when),
      latestReportType: report.startsWith("Del") ? "delrapport" : "slutrapport",
      latestReportDate: report === "Slut-?" ? null : AVRAPPORTERING,
      latestReportUncertain: report.endsWith("?"),
      // HUM's report was missing at the 2 April 2013 follow-up: it is listed as overdue.
      reportDueDate: report === "Slut-?" ? AVRAPPORTERING : null,
      concreteResults: results,
      canScaleUp: scale,
      processLeaderComment: comment,
      colour: colourOf[colour],
      colourReason: "Bedömning inför avrapporteringen av arbetslivsanknytning den 2 april 2013.",
      colourDate: AVRAPPORTERING,
    });
  }

  const skFramework = await frameworkIdByName(db, FRAMEWORK.samhallskontraktet);
  const goal = async (codes: string) => (skFramework ? goalIdsByCode(db, skFramework, codes.split(",")) : []);
  const umbrella = await createProject(db, systemActor, {
    name: "Samhällskontraktet – första avtalsperioden",
    ownerOrganisationId: sk,
    periodStart: "2009-02",
    periodText: "Från februari 2009 (fyraårigt avtal)",
    description:
      "Avtalet mellan Eskilstuna kommun, Västerås stad och Mälardalens högskola undertecknades i februari 2009, 40 mnkr per fyraårigt avtal. Uppföljningen av första avtalsperioden: 16 forsknings- och utvecklingsprojekt, 14 publicerade vetenskapliga artiklar och 12 andra rapporter, 21 konferenspresentationer, 80 spridningsaktiviteter och 10 dokumenterade modeller/metoder för samverkan.",
    funding: [
      { kind: "own", funderOrganisationId: sk, amount: 40_000_000, note: "40 mnkr per fyraårigt avtal." },
    ],
  });
  const ids = new Map<PeriodProject, string>();
  for (const seed of await samhallskontraktetProjects(goal, sk)) {
    const { key, parent, lead, goals, ...fields } = seed;
    const id = await createProject(db, systemActor, {
      ...fields,
      parentId: parent ? ids.get(parent) : umbrella,
      leadPersonId: lead ? await personIdByName(db, lead) : null,
      leadName: lead ?? null,
      ownerOrganisationId: sk,
      goalIds: goals ?? [],
    });
    ids.set(key, id);
  }
  // The period's follow-up is counted from these records: 14 / 12 / 21 / 80 / 10 over the 16 projects.
  await addOutputs(
    db,
    systemActor,
    firstPeriodOutputs().flatMap(([key, output]) => {
      const id = ids.get(key);
      return id ? [[id, output] as [string, typeof output]] : [];
    }),
  );
}
