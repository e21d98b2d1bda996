import type { Db } from "../src/server/db/client.ts";
import { createSpend, createUnit, organisationHasUnits } from "../src/server/modules/finance/index.ts";
import { findProject, projectIdByName, updateProject } from "../src/server/modules/projects/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { NATIONAL_PROGRAMME, SECTOR } from "./projects.ts";
import { ORG } from "./registers/names.ts";
import { organisationIdsByName } from "./registers/organisations.ts";

/**
 * Seed 003's money: "Ekonomi – förbrukade medel 2010", seven units and 5 892 500 kr in all, booked
 * through the finance service as one entry per unit (the seed gives the year's totals, no more).
 * The 160 000 kr for Unga matematiker is the projects module's funding line; this step dates it to
 * 2010, the year the seed reports it granted. The national municipal research programme's 118 000 kr
 * are booked on the project the projects demo keeps for it (one of the period's 16 R&D projects).
 */

const ANNUAL_REPORT_DATE = "2010-12-31";

/** Units in the seed's order; the sector groups name the sector their projects carry. */
export const MONEY_2010: { unit: string; sector: string | null; amount: number }[] = [
  { unit: "Sektor Utbildning", sector: SECTOR.utbildning, amount: 1_226_000 },
  { unit: "Sektor Äldreomsorg & socialt arbete", sector: SECTOR.aldreomsorg, amount: 455_000 },
  { unit: "Sektor Morgondagens studenter och arbetskraft", sector: SECTOR.morgondagens, amount: 860_500 },
  { unit: "Nationella kommunforskningsprogrammet", sector: null, amount: 118_000 },
  { unit: "Forskargruppen STAMP", sector: null, amount: 1_000_000 },
  { unit: "Processledning och drift", sector: null, amount: 1_973_000 },
  { unit: "Information/kommunikation", sector: null, amount: 260_000 },
];
export const MONEY_2010_TOTAL = 5_892_500;

/** Dates the Unga matematiker co-financing to 2010, keeping the line otherwise as the projects demo wrote it. */
async function dateCofinancing(db: Db) {
  const id = await projectIdByName(db, "Unga matematiker");
  if (!id) return;
  const project = await findProject(db, id);
  if (!project?.funding.some((f) => f.kind === "cofinancing" && f.year === null)) return;
  await updateProject(db, systemActor, id, {
    funding: project.funding.map((f) => ({
      kind: f.kind as "own" | "cofinancing",
      funderOrganisationId: f.funderOrganisationId,
      funderName: f.funderName,
      amount: f.amount,
      year: f.kind === "cofinancing" ? (f.year ?? 2010) : f.year,
      note: f.note,
    })),
  });
}

export async function loadFinanceDemo(db: Db) {
  const orgs = await organisationIdsByName(db);
  const sk = orgs.get(ORG.samhallskontraktet);
  if (!sk) throw new Error("demo: Samhällskontraktet is missing");
  if (await organisationHasUnits(db, sk)) return;
  const stamp = orgs.get("Forskargruppen STAMP – Styrning av samproduktion") ?? null;
  const programme = await projectIdByName(db, NATIONAL_PROGRAMME);
  for (const [i, row] of MONEY_2010.entries()) {
    await createUnit(db, systemActor, {
      organisationId: sk,
      name: row.unit,
      sector: row.sector,
      sortOrder: i,
      unitOrganisationId: row.unit === "Forskargruppen STAMP" ? stamp : null,
    });
    await createSpend(db, systemActor, {
      organisationId: sk,
      date: ANNUAL_REPORT_DATE,
      amount: row.amount,
      unitName: row.unit,
      category: "Förbrukade medel",
      note: "Förbrukade medel 2010 enligt verksamhetsberättelsen",
      projectId: row.unit === "Nationella kommunforskningsprogrammet" ? programme : null,
    });
  }
  await dateCofinancing(db);
}
