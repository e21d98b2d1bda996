import { sql } from "drizzle-orm";
import type { CreateIndicatorInput, DefinitionFilters } from "../src/common/indicators.ts";
import { type Db, queryRows } from "../src/server/db/client.ts";
import { updateGroup } from "../src/server/modules/events/index.ts";
import { addManualValue, createIndicator, hasIndicators } from "../src/server/modules/indicators/index.ts";
import { createProject, projectIdByNamePrefix } from "../src/server/modules/projects/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { FRAMEWORK, frameworkIdByName } from "./goals.ts";
import { LC_KOMP, ORG } from "./registers/names.ts";
import { organisationIdsByName } from "./registers/organisations.ts";

/**
 * Measurable goals as indicators. LC-KOMP (seed 004): the project-level goals — at least 180, 75,
 * 100 and 85 persons, computed from the attendance the events step recorded, and 11, 8, 13, 8 and
 * 8 organisations, entered by hand with their evidence — and, on the second level, participating
 * organisations' own goals. Samhällskontraktet (seeds 002/003): indicators on its goals whose
 * targets the seeds state (the agreement's 40 mnkr; the communication plan's event a month).
 */

export const LC_START = "2009-08-01";
export const LC_END = "2011-07-31";
export const LC_KOMP_PROJECT = "LC-KOMP";

/** LC-KOMP's project: found by name, else created here so its goals, events and money have a home. */
async function lcKompProject(db: Db, owner: string | null) {
  const found = await projectIdByNamePrefix(db, "LC-KOMP");
  if (found) return found;
  return createProject(db, systemActor, {
    name: LC_KOMP_PROJECT,
    ownerOrganisationId: owner,
    periodStart: "2009-08",
    periodEnd: "2011-07",
    description:
      "Lärcentra som mäklare i kompetensförsörjning. ESF-projekt: lärcentra och vuxenutbildningar i 22 kommuner i Östra Mellansverige utvecklar en mäklande funktion i kompetensförsörjningen. Seminarieserie, tematiska workshops, nätverk och lokalt utvecklingsarbete med processtöd.",
  });
}

/**
 * The events step tags LC-KOMP's series and networks; linking them to the project (through the
 * events service) lets the project's indicators, progress report and money see its events.
 */
async function linkEventGroups(db: Db, projectId: string) {
  const tag = JSON.stringify([LC_KOMP.tag]);
  for (const kind of ["series", "network"] as const) {
    const table = kind === "series" ? sql`event_series` : sql`event_networks`;
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select id from ${table} where tags @> ${tag}::jsonb and project_id is null order by sort_key, id`,
    );
    for (const { id } of rows) await updateGroup(db, systemActor, kind, id, { projectId });
  }
}

const persons = (
  name: string,
  target: number,
  goalText: string,
  filters: DefinitionFilters,
): Omit<CreateIndicatorInput, "projectId"> => ({
  name,
  unit: "personer",
  target,
  goalText,
  startDate: LC_START,
  deadline: LC_END,
  definition: { kind: "count_distinct_people_attended", filters: { ...filters, from: LC_START, to: LC_END } },
});

export const LEARNING_EVALUATION =
  "Underlag: Lärande utvärdering av LC-KOMP (Ann Lundqvist, European Minds, 2011-09-15), deltagande organisationers självskattning.";
const DEMO_NOTE = "Demovärde: seeden anger målet men inte utfallet.";

/** [name, target, goal] of the organisation goals, seed 004 p. 7, and the value the demo enters for each. */
export const organisationGoals: [string, number, string, number][] = [
  [
    "Organisationer med bättre relationer till företag",
    11,
    "organisationer bättre har utvecklat relationer till företag och arbetsplatser i kompetensutvecklingsarbetet i sina kommuner",
    12,
  ],
  [
    "Organisationer med lokal samverkansstruktur",
    8,
    "organisationer har bättre utvecklat en lokal samverkansstruktur mellan enheter för kompetensutveckling",
    9,
  ],
  [
    "Organisationer med utvecklad mäklande funktion",
    13,
    "organisationer har bättre utvecklat sin mäklande funktion gentemot arbetslivets kompetensbehov",
    11,
  ],
  [
    "Organisationer med utvecklat arbetsplatslärande",
    8,
    "organisationer har bättre utvecklat arbetsplatslärande och nya utbildningsmetoder för kompetensutveckling i arbetslivet",
    8,
  ],
  [
    "Organisationer som ägt eller sökt ESF-projekt",
    8,
    "organisationer är eller har under projektperioden ansökt om/varit projektägare för ESF sammanhållna projekt",
    6,
  ],
];

async function lcKompIndicators(db: Db, orgs: Map<string, string>) {
  const owner = orgs.get(ORG.apel) ?? null;
  const projectId = await lcKompProject(db, owner);
  await linkEventGroups(db, projectId);
  const scope: DefinitionFilters = { projectId };
  const all = "Deltagarnas medverkan i projektets kompetensutvecklingsinsatser har resulterat i att minst";
  const goals = [
    persons(
      "Personer i kompetensutvecklingsinsatser gentemot arbetslivet",
      180,
      `${all} 180 personer medverkat i kompetensutvecklingsinsatser gentemot arbetslivet på lokal nivå (samtliga funktioner).`,
      scope,
    ),
    persons(
      "Personer i utveckling av samverkansstrukturer",
      75,
      `${all} 75 personer deltagit i utveckling av lokala och regionala samverkansstrukturer kring kompetensutveckling (LC-chefer, projektledare, mäklare, näringslivschefer, arbetslivsrepresentanter).`,
      {
        ...scope,
        roleKeys: ["verksamhetsansvarig", "projektledare", "kompetensmaklare", "naringslivsenhet", "foretag"],
      },
    ),
    persons(
      "Personer i utformning av arbetsplatslärande och kompetensstrategier",
      100,
      `${all} 100 personer medverkat i utformningen av arbetsplatslärande och kompetensstrategier på arbetsplatser (LC-chefer, mäklare, projektledare, lärare).`,
      {
        ...scope,
        roleKeys: ["verksamhetsansvarig", "kompetensmaklare", "projektledare", "larare"],
      },
    ),
    persons(
      "Personer i lokalt utvecklingsarbete",
      85,
      `${all} 85 personer deltagit i lokalt utvecklingsarbete om kompetensutveckling (samtliga funktioner).`,
      {
        ...scope,
        activityTypes: ["workshop", "natverkstraff"],
      },
    ),
  ];
  for (const [i, goal] of goals.entries())
    await createIndicator(db, systemActor, { ...goal, projectId, sortOrder: i });
  for (const [i, [name, target, text, value]] of organisationGoals.entries()) {
    const created = await createIndicator(db, systemActor, {
      name,
      unit: "organisationer",
      goalText: `Deltagande organisationer upplever att projektets insatser har resulterat i att minst ${target} ${text}.`,
      projectId,
      target,
      startDate: LC_START,
      deadline: LC_END,
      sortOrder: 10 + i,
    });
    await addManualValue(db, systemActor, created.row.id, {
      date: "2011-09-15",
      value,
      note: `${LEARNING_EVALUATION} ${DEMO_NOTE}`,
    });
  }
  await organisationLevel(db, orgs, projectId);
}

/** The second level: a few participating organisations' own goals (their own share of a project goal). */
async function organisationLevel(db: Db, orgs: Map<string, string>, projectId: string) {
  const own: [string, string][] = [
    ["Sala kommun", "Lärcentrum har byggt upp ett lokalt kompetensråd tillsammans med företag i kommunen."],
    [
      "Nyköpings kommun",
      "Lärcentrum har utvecklat sin mäklande funktion gentemot arbetslivets kompetensbehov.",
    ],
    [
      "Norra Västmanlands utbildningsförbund (NVU)",
      "Förbundet har ansökt om eller varit projektägare för ett sammanhållet ESF-projekt.",
    ],
  ];
  for (const [i, [name, goal]] of own.entries()) {
    const organisationId = orgs.get(name);
    if (!organisationId) continue;
    await createIndicator(db, systemActor, {
      name: "Eget mål uppnått",
      unit: "uppnått (1 = ja)",
      goalText: goal,
      projectId,
      organisationId,
      direction: "exactly",
      target: 1,
      startDate: LC_START,
      deadline: LC_END,
      sortOrder: 20 + i,
    });
  }
}

async function samhallskontraktetIndicators(db: Db, orgs: Map<string, string>) {
  const sk = orgs.get(ORG.samhallskontraktet);
  const frameworkId = await frameworkIdByName(db, FRAMEWORK.samhallskontraktet);
  if (!sk || !frameworkId) return;
  await createIndicator(db, systemActor, {
    name: "Förbrukade medel inom avtalets ram",
    unit: "kr",
    goalText: "Finansiering: 40 mnkr per fyraårigt avtal.",
    frameworkId,
    organisationId: sk,
    direction: "at_most",
    target: 40_000_000,
    startDate: "2009-02-01",
    deadline: "2012-12-31",
    definition: { kind: "sum_kronor", filters: { organisationId: sk, from: "2009-02-01", to: "2012-12-31" } },
  });
  await createIndicator(db, systemActor, {
    name: "Mötesplatser 2011: ett väl genomfört evenemang varje månad",
    unit: "evenemang",
    goalText: "Kommunikationsplanen inför 2011, mål 2: ett väl genomfört evenemang varje månad.",
    frameworkId,
    organisationId: sk,
    target: 12,
    startDate: "2011-01-01",
    deadline: "2011-12-31",
    definition: {
      kind: "count_activities",
      filters: {
        organisationId: sk,
        activityTypes: [
          "seminarium",
          "workshop",
          "konferens",
          "natverkstraff",
          "frukostmote",
          "mingel",
          "hearing",
        ],
        from: "2011-01-01",
        to: "2011-12-31",
      },
    },
  });
}

export async function loadIndicatorsDemo(db: Db) {
  if (await hasIndicators(db)) return;
  const orgs = await organisationIdsByName(db);
  await lcKompIndicators(db, orgs);
  await samhallskontraktetIndicators(db, orgs);
}
