import { sql } from "drizzle-orm";
import type { SupportKind } from "../src/common/localwork.ts";
import { type Db, queryRows } from "../src/server/db/client.ts";
import { addSupport, createPlan } from "../src/server/modules/localwork/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { LC_KOMP } from "./registers/names.ts";

/**
 * LC-KOMP's local development work (seed 004): every participating organisation has a local plan with its
 * direction and activities (the areas it chose in the pre-study), and the process support the project gave
 * it — handledning, mentorskap, expertmedverkan, studiebesök and auskultation (job shadowing at learning
 * centres that had come further). Figures are invented but fixed; the step is idempotent.
 */
const DIRECTIONS = [
  {
    title: "Lokalt kompetensråd med företagen",
    direction: "Bygga upp ett lokalt kompetensråd där lärcentrum, näringslivsenheten och företagen möts.",
    activities: [
      "Kartlägga företagens kompetensbehov",
      "Bilda kompetensrådet",
      "Två gemensamma utbildningssatsningar",
    ],
  },
  {
    title: "Lokal insatsstyrka för kompetensförsörjning",
    direction: "Lärcentrum och näringslivsenheten arbetar ihop som en insatsstyrka mot arbetslivet.",
    activities: ["Bilda en lokal projektgrupp", "Gemensamma företagsbesök", "Rutin för uppföljning"],
  },
  {
    title: "Sammanhållna ESF-projekt",
    direction: "Lära sig initiera och samordna sammanhållna ESF-projekt för små och medelstora företag.",
    activities: ["Behovsanalys hos fem företag", "Ansökan om ett sammanhållet ESF-projekt", "Projektstart"],
  },
  {
    title: "Arbetsplatslärande och flexibla utbildningslösningar",
    direction: "Pröva modulindelad utbildning, distansteknik och internlärare på arbetsplatser.",
    activities: ["Pilot med internlärare", "Modulindelad kurs på distans", "Utvärdering med arbetsplatserna"],
  },
];

const GIVERS: Record<SupportKind, string[]> = {
  handledning: ["APeL FoU", "Processhandledare APeL"],
  mentorskap: ["Lärcentrum Hälsingland", "Mentor från Viadidakt"],
  experter: ["Forskare vid Linköpings universitet", "Expert på ESF-ansökningar"],
  studiebesok: ["Studiebesök vid Lärcentrum Sala", "Studiebesök vid NVU"],
  auskultation: ["Auskultation vid Viadidakt", "Auskultation vid Sydnärkes utbildningsförbund"],
};
const KINDS = Object.keys(GIVERS) as SupportKind[];

export async function loadLocalWorkDemo(db: Db) {
  const orgs = await queryRows<{ id: string; name: string; has_plan: boolean }>(
    db,
    sql`select o.id, o.name, exists (select 1 from local_plans p where p.organisation_id = o.id) as has_plan
          from organisations o where o.tags @> ${JSON.stringify([LC_KOMP.tag])}::jsonb order by o.sort_key`,
  );
  const [project] = await queryRows<{ id: string }>(
    db,
    sql`select id from projects where name ilike 'LC-KOMP%' and parent_id is null order by name limit 1`,
  );
  for (const [n, org] of orgs.entries()) {
    if (org.has_plan) continue;
    const chosen = DIRECTIONS[n % DIRECTIONS.length];
    const id = await createPlan(db, systemActor, {
      organisationId: org.id,
      projectTag: LC_KOMP.tag,
      projectId: project?.id ?? null,
      title: chosen.title,
      direction: chosen.direction,
      activities: chosen.activities.map((title, i) => ({ title, done: i < 1 + (n % 3) })),
    });
    // Two to four efforts each, the kinds in turn, spread over 2010–2011.
    const efforts = 2 + (n % 3);
    for (let e = 0; e < efforts; e++) {
      const kind = KINDS[(n + e * 2) % KINDS.length];
      const month = 2 + ((n * 3 + e * 5) % 20);
      await addSupport(db, systemActor, id, {
        kind,
        date: `${2010 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, "0")}-${String(5 + ((n + e) % 20)).padStart(2, "0")}`,
        hours: kind === "studiebesok" || kind === "auskultation" ? 6 : 2 + ((n + e) % 3) * 1.5,
        givenBy: GIVERS[kind][(n + e) % 2],
        participants: 2 + ((n * 5 + e) % 7),
        note: null,
      });
    }
  }
}
