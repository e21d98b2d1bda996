import type { Db } from "../src/server/db/client.ts";
import { listDecisions } from "../src/server/modules/governance/index.ts";
import {
  createCallAs,
  findCallId,
  recordHistoricGrant,
  recordIdea,
  transitionIdeaAt,
} from "../src/server/modules/ideas/index.ts";
import { projectIdByName } from "../src/server/modules/projects/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { ORG } from "./registers/names.ts";
import { organisationIdsByName } from "./registers/organisations.ts";

/**
 * Seed 003's MOPS call of 2010: "Framtidens vård, omsorg och socialt arbete" of the sector group
 * Äldreomsorg och socialt arbete, opened at the workshop of 19 February (~90 people). 26 ideas by
 * April; 10 selected for the seminar series; all ten pitched at Draknästet in June; nine project plans
 * by 31 August; the sector group prepared the nine; the board granted four (the four projects of the
 * portfolio). The seed names only the four funded ideas: the other 22 titles are plausible ideas from
 * the three parties, marked as such in their summaries.
 */
export const MOPS_CALL_TITLE = "Framtidens vård, omsorg och socialt arbete";

export const FUNDED_IDEAS = [
  "Hundar som främjar aktivitet och integritet i demensvården",
  "Grön omsorg",
  "Att Leva och Arbeta med IKT",
  "Mötesplatser för lärande och utveckling",
] as const;

/** The other five that became project plans but were not granted. */
const PLANNED_NOT_GRANTED: [string, string][] = [
  ["Trygg hemgång efter sjukhusvistelse", ORG.vasteras],
  ["Anhörigstöd via webben", ORG.eskilstuna],
  ["Språkstöd för vårdpersonal med utländsk bakgrund", ORG.mdh],
  ["Mat och måltider som glädjeämne på äldreboendet", ORG.eskilstuna],
  ["Brukarinflytande i LSS-verksamheten", ORG.vasteras],
];
/** Selected and pitched, but no plan by 31 August. */
const PITCHED_WITHDRAWN: [string, string] = [
  "Generationsmöten mellan förskola och äldreboende",
  ORG.vasteras,
];
/** Not selected for the seminar series. */
const NOT_SELECTED: [string, string][] = [
  ["Välfärdsteknik i hemtjänsten", ORG.vasteras],
  ["Fysisk aktivitet för personer med funktionsnedsättning", ORG.eskilstuna],
  ["Kulturombud på särskilda boenden", ORG.eskilstuna],
  ["Mentorskap för nya socialsekreterare", ORG.vasteras],
  ["Samordnad individuell plan i praktiken", ORG.mdh],
  ["Äldres psykiska hälsa – ett förebyggande arbetssätt", ORG.mdh],
  ["Daglig verksamhet med arbetslivsinriktning", ORG.eskilstuna],
  ["Digitala hjälpmedel för personer med kognitiv svikt", ORG.mdh],
  ["Studentmedverkan i hemtjänstens utvecklingsarbete", ORG.mdh],
  ["Nattfasta och nutrition i äldreomsorgen", ORG.vasteras],
  ["Uppsökande verksamhet för ensamma äldre", ORG.eskilstuna],
  ["Förebyggande hembesök för 75-åringar", ORG.vasteras],
  ["Socialt arbete med barn i familjer med missbruk", ORG.eskilstuna],
  ["Validering av vårdbiträdens kompetens", ORG.mdh],
  ["Fallprevention i ordinärt boende", ORG.vasteras],
  ["Meningsfull vardag på gruppboende", ORG.eskilstuna],
];

const at = (iso: string) => new Date(iso);

export async function loadIdeasDemo(db: Db) {
  const orgs = await organisationIdsByName(db);
  const sk = orgs.get(ORG.samhallskontraktet);
  if (!sk || (await findCallId(db, sk, MOPS_CALL_TITLE))) return;
  const callId = await createCallAs(db, systemActor, {
    title: MOPS_CALL_TITLE,
    organisationId: sk,
    area: "Äldreomsorg, socialt arbete och funktionshinder",
    questions:
      "Vilka utmaningar inom vård, omsorg och socialt arbete kan vi möta tillsammans? Beskriv idén, vilka som behövs för att genomföra den och vad den kan leda till.",
    opensAt: "2010-02-19T09:00:00+01:00",
    closesAt: "2010-04-30T16:00:00+02:00",
    budget: 1_300_000,
    public: true,
  });
  const idea = async (title: string, org: string, day: string, note: string) =>
    (
      await recordIdea(db, systemActor, callId, {
        title,
        summary: note,
        organisationText: org,
        organisationId: orgs.get(org) ?? null,
        submittedAt: at(`2010-${day}T12:00:00+02:00`),
      })
    ).id;
  const ids = { funded: [] as string[], planned: [] as string[], withdrawn: "", notSelected: [] as string[] };
  const funded: [string, string][] = [
    [FUNDED_IDEAS[0], ORG.eskilstuna],
    [FUNDED_IDEAS[1], ORG.vasteras],
    [FUNDED_IDEAS[2], ORG.mdh],
    [FUNDED_IDEAS[3], ORG.eskilstuna],
  ];
  let n = 0;
  const day = () => `04-${String(1 + (n++ % 28)).padStart(2, "0")}`;
  for (const [title, org] of funded) {
    ids.funded.push(
      await idea(title, org, day(), "Idé inlämnad till MOPS 2010; beviljad av styrelsen (seed 003)."),
    );
  }
  for (const [title, org] of PLANNED_NOT_GRANTED) {
    ids.planned.push(await idea(title, org, day(), "Exempel på idé i MOPS 2010 (titeln är illustrativ)."));
  }
  ids.withdrawn = await idea(
    PITCHED_WITHDRAWN[0],
    PITCHED_WITHDRAWN[1],
    day(),
    "Exempel på idé i MOPS 2010 (titeln är illustrativ).",
  );
  for (const [title, org] of NOT_SELECTED) {
    ids.notSelected.push(
      await idea(title, org, day(), "Exempel på idé i MOPS 2010 (titeln är illustrativ)."),
    );
  }

  const move = (id: string, to: string, when: string, reason?: string) =>
    transitionIdeaAt(db, systemActor, id, { to: to as "selected", reason: reason ?? null }, at(when));
  const ten = [...ids.funded, ...ids.planned, ids.withdrawn];
  for (const id of ten) {
    await move(id, "selected", "2010-05-05T10:00:00+02:00", "Vald till seminarieserien av sektorsgruppen.");
    await move(id, "developing", "2010-05-12T10:00:00+02:00");
    await move(id, "pitched", "2010-06-10T15:00:00+02:00", "Pitchad i Draknästet (ca 50 deltagare).");
  }
  await move(
    ids.withdrawn,
    "withdrawn",
    "2010-08-20T10:00:00+02:00",
    "Idéägarna valde att inte gå vidare med en projektplan.",
  );
  for (const id of [...ids.funded, ...ids.planned]) {
    await move(id, "planned", "2010-08-31T16:00:00+02:00", "Projektplan inlämnad.");
    await move(
      id,
      "prepared",
      "2010-09-20T10:00:00+02:00",
      "Beredd i sektorsgruppen Äldreomsorg och socialt arbete.",
    );
  }
  for (const id of ids.planned) {
    await move(id, "rejected", "2010-10-14T15:00:00+02:00", "Ej beviljad av styrelsen.");
  }
  for (const id of ids.notSelected) {
    await move(id, "rejected", "2010-05-05T10:00:00+02:00", "Inte vald till seminarieserien.");
  }
  await grantFunded(db, ids.funded);
  return { callId, fundedIdeaIds: ids.funded };
}

/**
 * The board's decision "Bidrag till fyra MOPS-projekt" (governance demo, 1 300 000 kr) grants the four.
 * The seed gives only the total: the demo splits it evenly, 325 000 kr each, an illustration.
 * Their projects and the money already stand in the portfolio, so the grant points at them.
 */
async function grantFunded(db: Db, fundedIdeaIds: string[]) {
  const { items } = await listDecisions(db, systemActor, { q: "MOPS-projekt", year: 2010, limit: 5 });
  const decision = items.find((d) => d.kind === "grant");
  if (!decision) return;
  for (const [i, id] of fundedIdeaIds.entries()) {
    const projectId = await projectIdByName(db, FUNDED_IDEAS[i]);
    if (!projectId) continue;
    await recordHistoricGrant(db, systemActor, id, {
      decisionId: decision.id,
      amount: 325_000,
      projectId,
      registryNumber: decision.registryNumber,
      at: new Date(`${decision.meetingDate}T15:00:00+02:00`),
    });
  }
}
