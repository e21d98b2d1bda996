import type { Db } from "../src/server/db/client.ts";
import {
  createReviewRound,
  hasReviewRounds,
  projectIdsByNames,
} from "../src/server/modules/projects/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { AVRAPPORTERING, appendix, colourOf } from "./projects.ts";

export const REVIEW_ROUND_NAME = "Avrapportering av arbetslivsanknytning våren 2013";

/** Seed 000: "Vid avrapportering av arbetslivsanknytning våren 2013 kan följande generella slutsatser noteras". */
export const REVIEW_ROUND_CONCLUSIONS = [
  "Satsningen rullar på i stort, med enstaka undantag (främsta frågetecknen runt HUM-projektet).",
  "Mycket av medlen är beslutade/förbrukade, vilket gör det särskilt viktigt att uppföljning, analys och implementering fungerar bra.",
  "Ett viktigt tillskott för arbetslivsanknytningen blir de satsningar på projektföljare som startar våren 2013.",
  "Till satsningen har knutits flera personer inom SAM, men också referensgrupp med representation från kärnverksamhet och studentkår.",
  "Bra att området fått en organisatorisk hemvist på SAM-avdelningen. I den fortsatta processen, och i takt med att delprojekt avslutas, blir det naturligt och viktigt med ett centralt initiativ och beslutsmandat, i vårt fall processledare och SAM-avdelning.",
  "En stor utmaning ligger i att dra slutsatser av projekten för fortsatt systematisering, struktur och kvalitetssäkring.",
  "För att systematisera, effektivisera och kvalitetssäkra Miuns arbetslivsanknytning har processledningen skissat på ett verktyg (arbetslivsanknytningskompassen) som förväntas bli central i det fortsatta arbetet.",
  "Verktyg och arenor som branschråd förväntas bli mycket viktiga för lärosätets framgångar inom arbetslivsanknytning.",
  "Satsningen som helhet är beroende av en ekonomisk kompetens för uppföljning och ekonomistyrning. Över huvud taget finns mycket att vinna i en systematisk och resursanpassad ledning av satsningen.",
];

/** The review round of 2 April 2013: appendix 1's rows as the round's assessments, and its nine conclusions. */
export async function loadReviewRoundsDemo(db: Db) {
  if (await hasReviewRounds(db)) return;
  const found = await projectIdsByNames(
    db,
    appendix.map((row) => row[0]),
  );
  const idOf = new Map(found.map((p) => [p.name, p.id]));
  const rows = appendix.flatMap(([name, , report, , results, scale, comment, colour]) => {
    const projectId = idOf.get(name);
    if (!projectId) return [];
    return [
      {
        projectId,
        reportType: report.startsWith("Del") ? ("delrapport" as const) : ("slutrapport" as const),
        reportUncertain: report.endsWith("?"),
        concreteResults: results,
        canScaleUp: scale,
        comment,
        colour: colourOf[colour],
      },
    ];
  });
  await createReviewRound(db, systemActor, {
    name: REVIEW_ROUND_NAME,
    date: AVRAPPORTERING,
    conclusions: REVIEW_ROUND_CONCLUSIONS,
    projects: rows,
  });
}
