import {
  type OverviewChange,
  type OverviewIndicator,
  type OverviewView,
  overviewWorkStep,
} from "../../../common/overview.ts";
import type { Db } from "../../db/client.ts";
import { type Actor, hasRole, isStaff, requireActor, scopedIds } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import * as read from "../../read/overview.ts";
import { defaultDimensions } from "../compass/index.ts";
import { evaluateIndicators } from "../indicators/index.ts";
import { partnerOrganisationIds } from "../organisations/index.ts";
import { overviewPolicy } from "./overview.policy.ts";

/**
 * The personal overview: for each of the actor's roles, what needs doing. The sections and their scope:
 *
 * - the office (coordinator, administrator) reads every record: the next events, projects with an overdue
 *   lägesrapport, indicators off track, agreements whose next dialogue is due within a month (or overdue),
 *   open calls for ideas and the latest changes;
 * - a programme director (scoped to programmes) their programmes' compass gaps this year (dimensions
 *   without an activity) and the year's work steps not yet done;
 * - a board or group member — a `group_member`, or anyone with a seat on a body — the next meetings of
 *   their bodies and the documents on those agendas;
 * - a partner (scoped to organisations) their organisations' agreements (a partner party), events (linked
 *   to the organisation) and indicators (owned by it) — nothing of any other organisation.
 */

const LIMIT = 8;
const DIALOGUE_HORIZON_DAYS = 30;
const workStepOrder = overviewWorkStep.shape.step.options;
const statusOrder = { off_track: 0, at_risk: 1, no_data: 2, on_track: 3 } as const;

/** Audit entity types that have a page of their own, and so appear among the recent changes. */
export const changeKinds = [
  "activity",
  "project",
  "event",
  "indicator",
  "organisation",
  "person",
  "programme",
  "agreement",
  "idea",
  "idea_call",
  "governance_meeting",
  "governance_body",
  "plan",
  "local_plan",
  "news",
] as const;

export interface OverviewOptions {
  /** The moment the overview is for; now by default (tests pass a fixed one only to seed around it). */
  now?: Date;
}

export async function personalOverview(
  db: Db,
  actor: Actor | null,
  options: OverviewOptions = {},
): Promise<OverviewView> {
  requireActor(actor);
  authorize(actor, overviewPolicy, "read", null);
  const now = options.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const year = now.getUTCFullYear();
  const view: OverviewView = {};

  if (isStaff(actor)) {
    view.upcomingEvents = await read.upcomingEvents(db, { organisationIds: null, now, limit: LIMIT });
    view.overdueReports = await read.overdueReports(db, { organisationIds: null, today, limit: LIMIT });
    const offTrack = (await indicatorItems(db, null, today)).filter((i) => i.status === "off_track");
    view.indicatorsOffTarget = { count: offTrack.length, items: offTrack.slice(0, LIMIT) };
    view.dialoguesDue = await read.dialoguesDue(db, {
      until: addDays(today, DIALOGUE_HORIZON_DAYS),
      limit: LIMIT,
    });
    view.openCalls = await read.openCalls(db, { now, limit: LIMIT });
    const changes = (await read.recentChanges(db, { kinds: changeKinds, limit: LIMIT })).map(toChange);
    view.recentChanges = { count: changes.length, items: changes };
  }

  if (hasRole(actor, "programme_director")) {
    const programmeIds = scopedIds(actor, "programme_director", "programme");
    // The compass publishes its default model the first time it is used; until then its dimensions apply.
    const model = (await read.latestCompassModel(db)) ?? {
      period: "calendar",
      dimensions: defaultDimensions,
    };
    const gaps = (await read.compassGaps(db, { programmeIds, year, model })).filter(
      (g) => g.dimensions.length > 0,
    );
    view.compassGaps = { count: gaps.length, items: gaps.slice(0, LIMIT) };
    const due = await workStepsDue(db, programmeIds, year);
    view.workStepsDue = { count: due.length, items: due.slice(0, LIMIT) };
  }

  if (hasRole(actor, "group_member") || (await read.hasSeats(db, actor, today))) {
    view.nextMeetings = await read.nextMeetings(db, { user: actor, today, now, limit: LIMIT });
    view.documentsToRead = await read.documentsToRead(db, { user: actor, today, now, limit: LIMIT });
  }

  if (hasRole(actor, "partner")) {
    const organisationIds = partnerOrganisationIds(actor);
    view.organisationAgreements = await read.organisationAgreements(db, { organisationIds, limit: LIMIT });
    view.organisationEvents = await read.upcomingEvents(db, { organisationIds, now, limit: LIMIT });
    const own = await indicatorItems(db, organisationIds, today);
    view.organisationIndicators = { count: own.length, items: own.slice(0, LIMIT) };
  }
  return view;
}

function addDays(iso: string, days: number) {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The indicators in scope with their status today, off track first. */
async function indicatorItems(
  db: Db,
  organisationIds: readonly string[] | null,
  today: string,
): Promise<OverviewIndicator[]> {
  const records = await read.indicatorsInScope(db, organisationIds);
  const evaluated = await evaluateIndicators(db, records, "sv", { history: false, asOf: today });
  return (
    evaluated
      .map((e) => ({
        id: e.row.id,
        name: e.row.name,
        belongsTo: e.project?.name ?? e.organisation?.name ?? e.framework?.name ?? null,
        unit: e.row.unit,
        actual: e.actual,
        target: e.row.target,
        status: e.status,
        deadline: e.row.deadline,
      }))
      // Off track first; within a status the latest deadline first (this year's before 2011's), then undated.
      .sort(
        (a, b) =>
          statusOrder[a.status] - statusOrder[b.status] ||
          (b.deadline ?? "").localeCompare(a.deadline ?? "") ||
          a.name.localeCompare(b.name, "sv"),
      )
  );
}

async function workStepsDue(db: Db, programmeIds: string[], year: number) {
  const { programmes, steps } = await read.workSteps(db, { programmeIds, year });
  const recorded = new Map(steps.map((s) => [`${s.programmeId}:${s.step}`, s]));
  return programmes.flatMap((p) =>
    workStepOrder
      .map((step) => {
        const row = recorded.get(`${p.id}:${step}`);
        return {
          programmeId: p.id,
          programmeName: p.name,
          year,
          step,
          status: (row?.status ?? "not_started") as "not_started" | "in_progress" | "done",
          startDate: row?.startDate ?? null,
        };
      })
      .filter((s) => s.status !== "done"),
  );
}

function verbOf(action: string, deleted: boolean): OverviewChange["verb"] {
  const last = action.split(".").pop() ?? action;
  if (deleted || /delet|remov/.test(last)) return "deleted";
  if (/creat|add/.test(last)) return "created";
  if (/updat|edit|patch/.test(last)) return "updated";
  return "changed";
}

function toChange(row: Awaited<ReturnType<typeof read.recentChanges>>[number]): OverviewChange {
  const verb = verbOf(row.action, row.deleted);
  return {
    at: row.at,
    actorName: row.actorName,
    verb,
    kind: row.entityType,
    recordName: row.recordName,
    target: row.entityId && verb !== "deleted" ? { kind: row.entityType, id: row.entityId } : null,
  };
}
