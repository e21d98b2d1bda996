import type { Db } from "../src/server/db/client.ts";
import { createFramework, frameworkIdByName } from "../src/server/modules/goals/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { ORG } from "./registers/names.ts";
import { organisationIdsByName } from "./registers/organisations.ts";

/** Framework names the plans and projects demo steps look up. */
export const FRAMEWORK = {
  miun: "Utbildningsstrategi 2011–2015 — arbetslivsanknytning",
  samhallskontraktet: "Samhällskontraktet — vision och övergripande mål",
} as const;

/** Seed 000: the education strategy's goal for work-life connection, broken down into A–F. */
const miunGoals = [
  [
    "A",
    "Mittuniversitetets arbetslivsanknytning ska utgå från våra utbildningars förutsättningar och personalens kompetens.",
  ],
  ["B", "Arbetslivsanknytningen ska vara förankrad och erkänd inom Mittuniversitetet."],
  ["C", "Vi ska vara nationellt erkända för vårt arbete med arbetslivsanknytning."],
  ["D", "Studenterna ska uppleva att deras utbildning är framgångsrikt knuten till arbetslivet."],
  ["E", "Vi ska vara regionalt erkända för vårt arbete med arbetslivsanknytning."],
  ["F", "Vi ska ha en systematisk modell för att kvalitetssäkra vår arbetslivsanknytning."],
] as const;

/** Seed 003: the eight overall goals the board set in the autumn of 2009. */
const skGoals = [
  "Höja kompetensnivån hos regionens medborgare",
  "Öka övergången till högre utbildning.",
  "Öka orternas attraktionskraft för att locka nya studenter, få utexaminerade att stanna kvar samt få företag att etablera sig och expandera.",
  "Forskning inom minst en av de prioriterade sektorerna ska vara internationellt erkänd.",
  "En högskola med bra praktikmöjligheter och stöd vid övergången från studier till arbetsliv.",
  "Tydlig koppling mellan utbildning och efterfrågan på arbetskraft i näringsliv och offentlig förvaltning.",
  "Öka kompetensen hos personal i kommunalt finansierad verksamhet och högre kvalitet i verksamheterna.",
  "Att utgöra ett framstående exempel på samverkan mellan akademi och samhälle i både nationell och internationell jämförelse.",
];

export { frameworkIdByName };

/** Creates the two frameworks (skipping those that exist) through the goals service. */
export async function loadGoalsDemo(db: Db) {
  const orgs = await organisationIdsByName(db);
  if (!(await frameworkIdByName(db, FRAMEWORK.miun))) {
    await createFramework(db, systemActor, {
      name: FRAMEWORK.miun,
      ownerOrganisationId: orgs.get(ORG.miun) ?? null,
      registryNumber: "MIUN 2009/1671",
      periodStart: "2011-01-01",
      periodEnd: "2015-12-31",
      vision:
        "Mittuniversitetet ska vara erkänt framgångsrikt för arbetslivsanknytning inom grundutbildningen, såväl bland studenter och arbetsgivare som i nationella jämförelser med andra lärosäten. Arbetslivsanknytningen ska bedrivas systematiskt och ska vara kvalitetssäkrad.",
      description:
        "Utbildningsstrategin fastställdes av universitetsstyrelsen 29 oktober 2010 och pekar ut arbetslivsanknytning som ett av två prioriterade områden. Strategin: ”Formerna för systematisk arbetslivsanknytning av utbildningen ska utvecklas och kvalitetssäkras. Relationen med Mittuniversitetets alumner ska stärkas.” Målet har i handlingsplanen brutits ner i delarna A–F.",
      goals: miunGoals.map(([code, text]) => ({ code, text })),
    });
  }
  if (!(await frameworkIdByName(db, FRAMEWORK.samhallskontraktet))) {
    await createFramework(db, systemActor, {
      name: FRAMEWORK.samhallskontraktet,
      ownerOrganisationId: orgs.get(ORG.samhallskontraktet) ?? null,
      vision:
        "Eskilstuna och Västerås är en stark region som skapar värde för individer, organisationer och företag genom ett aktivt lärande i ett innovativt, förtroendefullt samspel.",
      description:
        "Styrelsen fastställde hösten 2009 en vision och åtta övergripande mål för Samhällskontraktet.",
      goals: skGoals.map((text, i) => ({ code: String(i + 1), text })),
    });
  }
}
