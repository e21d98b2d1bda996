import { eq } from "drizzle-orm";
import type { Db } from "../src/server/db/client.ts";
import { financeUnits } from "../src/server/modules/finance/finance.schema.ts";
import { createSpend, createUnit } from "../src/server/modules/finance/finance.service.ts";
import { projects } from "../src/server/modules/projects/projects.schema.ts";
import {
  createProject,
  findProject,
  updateProject,
} from "../src/server/modules/projects/projects.service.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { SECTOR } from "./projects.ts";
import { ORG } from "./registers/names.ts";
import { organisationIdsByName } from "./registers/organisations.ts";

/**
 * Seed 003's money: "Ekonomi – förbrukade medel 2010", seven units and 5 892 500 kr in all, booked
 * through the finance service as one entry per unit (the seed gives the year's totals, no more).
 * The 160 000 kr for Unga matematiker is the projects module's funding line; this step dates it to
 * 2010, the year the seed reports it granted. The first agreement period counts 16 R&D projects:
 * the projects demo has fifteen under the period, and the money table names the sixteenth, the
 * national municipal research programme SK took part in, which is added here.
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

export const NATIONAL_PROGRAMME = "Framgångsrik förändring – Nationella kommunforskningsprogrammet";
const FIRST_PERIOD = "Samhällskontraktet – första avtalsperioden";

async function projectId(db: Db, name: string) {
  const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.name, name));
  return row?.id ?? null;
}

/** Dates the Unga matematiker co-financing to 2010, keeping the line otherwise as the projects demo wrote it. */
async function dateCofinancing(db: Db) {
  const id = await projectId(db, "Unga matematiker");
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

async function nationalProgramme(db: Db, sk: string) {
  const existing = await projectId(db, NATIONAL_PROGRAMME);
  if (existing) return existing;
  return createProject(db, systemActor, {
    name: NATIONAL_PROGRAMME,
    ownerOrganisationId: sk,
    parentId: await projectId(db, FIRST_PERIOD),
    periodStart: "2010-11",
    periodText: "Från november 2010",
    description:
      "SK och forskargruppen STAMP deltar i det Nationella kommunforskningsprogrammet Framgångsrik förändring, där både Eskilstuna kommun och Västerås stad ingår. Inledande konferens i Linköping i november 2010.",
  });
}

export async function loadFinanceDemo(db: Db) {
  const orgs = await organisationIdsByName(db);
  const sk = orgs.get(ORG.samhallskontraktet);
  if (!sk) throw new Error("demo: Samhällskontraktet is missing");
  const [done] = await db
    .select({ id: financeUnits.id })
    .from(financeUnits)
    .where(eq(financeUnits.organisationId, sk))
    .limit(1);
  if (done) return;
  const stamp = orgs.get("Forskargruppen STAMP – Styrning av samproduktion") ?? null;
  const programme = await nationalProgramme(db, sk);
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
