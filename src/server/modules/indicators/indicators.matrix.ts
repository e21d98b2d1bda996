import { eq, isNotNull, isNull, type SQL } from "drizzle-orm";
import type { OrganisationMatrixView } from "../../../common/goal-matrix.ts";
import type { Direction } from "../../../common/indicators.ts";
import type { Db } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { getProject } from "../projects/index.ts";
import type { DescribeLocale } from "./indicators.describe.ts";
import { type EvaluatedIndicator, evaluateIndicators } from "./indicators.evaluate.ts";
import { readableOrganisationIds } from "./indicators.policy.ts";
import { findIndicators, ownedBy } from "./indicators.records.ts";
import { indicators } from "./indicators.schema.ts";

/**
 * Goals on two levels (seed 004): a project's goals as columns, its participating organisations as
 * rows. A column is a goal some organisation has its own indicator for (same name as the project's
 * goal); a cell is that organisation's indicator, with its value and whether it is reached, in words.
 * Each column counts the organisations that reached it — the project-level figure ("11 organisations
 * have …") computed from the organisations' own values rather than entered as a lump sum.
 * A partner sees only their own organisation's row (the indicators they may read).
 */

/** Whether a value meets its target in the indicator's direction. */
export function meetsTarget(direction: Direction, target: number, actual: number | null) {
  if (actual === null) return false;
  if (direction === "at_most") return actual <= target;
  if (direction === "exactly") return actual === target;
  return actual >= target;
}

function cellText(e: EvaluatedIndicator, reached: boolean) {
  // Nothing entered or computed yet: not measured, which is not the same as not reached.
  if (e.actual === null) return "Ej mätt";
  return `${reached ? "Uppnått" : "Ej uppnått"} (${e.actual} av ${e.row.target})`;
}

export async function organisationMatrix(
  db: Db,
  actor: Actor | null,
  projectId: string,
  locale: DescribeLocale,
): Promise<OrganisationMatrixView> {
  requireActor(actor);
  // 404 for an unknown project and for one the actor may not read (decision 007), as its detail does.
  const project = await getProject(db, actor, projectId);
  const limited = readableOrganisationIds(actor);
  const scope: SQL[] = [eq(indicators.projectId, projectId)];
  if (limited !== null) scope.push(ownedBy(limited));
  const projectLevel = await findIndicators(db, [...scope, isNull(indicators.organisationId)]);
  const ownRecords = await findIndicators(db, [...scope, isNotNull(indicators.organisationId)]);
  const own = await evaluateIndicators(db, ownRecords, locale, { history: false });
  const projectValues = await evaluateIndicators(db, projectLevel, locale, { history: false });

  // Columns: in the project's goal order, then goals only organisations have (by their own order).
  const names: string[] = [];
  for (const p of projectLevel)
    if (own.some((o) => o.row.name === p.row.name) && !names.includes(p.row.name)) names.push(p.row.name);
  for (const o of own) if (!names.includes(o.row.name)) names.push(o.row.name);

  const rows = new Map<string, { id: string; name: string; cells: (EvaluatedIndicator | null)[] }>();
  for (const o of own) {
    if (!o.organisation) continue;
    const row = rows.get(o.organisation.id) ?? {
      ...o.organisation,
      cells: names.map(() => null),
    };
    const column = names.indexOf(o.row.name);
    if (!row.cells[column]) row.cells[column] = o;
    rows.set(o.organisation.id, row);
  }
  const sorted = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, "sv"));

  const present = (e: EvaluatedIndicator | null) => {
    if (!e) return null;
    const reached = meetsTarget(e.row.direction as Direction, e.row.target, e.actual);
    return {
      indicatorId: e.row.id,
      actual: e.actual,
      target: e.row.target,
      direction: e.row.direction,
      status: e.status,
      reached,
      text: cellText(e, reached),
      asOf: e.asOf,
    };
  };
  const organisations = sorted.map((r) => {
    const cells = r.cells.map(present);
    return { id: r.id, name: r.name, cells, reached: cells.filter((c) => c?.reached).length };
  });
  const goals = names.map((name, i) => {
    const p = projectValues.find((e) => e.row.name === name) ?? null;
    const first = own.find((o) => o.row.name === name);
    return {
      key: `goal-${i + 1}`,
      name,
      goalText: p?.row.goalText ?? first?.row.goalText ?? null,
      projectIndicator: p ? { id: p.row.id, target: p.row.target, actual: p.actual, unit: p.row.unit } : null,
      organisations: organisations.filter((o) => o.cells[i]).length,
      reached: organisations.filter((o) => o.cells[i]?.reached).length,
    };
  });
  return {
    project: { id: project.project.id, name: project.project.name },
    goals,
    organisations,
  };
}
