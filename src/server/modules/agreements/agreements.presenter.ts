import {
  type AgreementPhase,
  type AgreementStatus,
  type AgreementSummaryView,
  type AgreementView,
  type AppendixRowView,
  type FollowUpView,
  type NeedView,
  type PlanView,
  termYear,
} from "../../../common/agreements.ts";
import type { AgreementRecord, AgreementRow, PartyRecord } from "./agreements.records.ts";

/** Rows → the API's shapes, and the figures computed from them (credits, cost, budget per year, follow-up). */

const round1 = (n: number) => Math.round(n * 10) / 10;

export function presentSummary(agreement: AgreementRow, parties: PartyRecord[]): AgreementSummaryView {
  return {
    id: agreement.id,
    title: agreement.title,
    registryNumber: agreement.registryNumber,
    startDate: agreement.startDate,
    endDate: agreement.endDate,
    phase: agreement.phase as AgreementPhase,
    status: agreement.status as AgreementStatus,
    budget: agreement.budget,
    partyIds: parties.filter((p) => p.role === "partner").map((p) => p.organisationId),
    parties,
  };
}

/** Splits the budget over the calendar years of the period by days; the last year takes the rounding. */
export function budgetByYear(startDate: string, endDate: string, budget: number) {
  const day = 86_400_000;
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const end = Date.parse(`${endDate}T00:00:00Z`) + day;
  const total = (end - start) / day;
  const out: { year: number; budget: number }[] = [];
  let given = 0;
  for (let y = Number(startDate.slice(0, 4)); y <= Number(endDate.slice(0, 4)); y++) {
    const from = Math.max(start, Date.UTC(y, 0, 1));
    const to = Math.min(end, Date.UTC(y + 1, 0, 1));
    const share = Math.round((budget * (to - from)) / day / total);
    out.push({ year: y, budget: share });
    given += share;
  }
  if (out.length) out[out.length - 1].budget += budget - given;
  return out;
}

export interface Figures {
  needs: NeedView[];
  appendix: AppendixRowView[];
  totalCredits: number;
  planned: number;
  spent: number;
  followUp: FollowUpView;
}

export function figures(r: AgreementRecord): Figures {
  const needIdsOf = new Map<string, string[]>();
  const appendixIdsOf = new Map<string, string[]>();
  for (const l of r.links) {
    needIdsOf.set(l.appendixId, [...(needIdsOf.get(l.appendixId) ?? []), l.needId]);
    appendixIdsOf.set(l.needId, [...(appendixIdsOf.get(l.needId) ?? []), l.appendixId]);
  }
  const appendix = r.appendix.map((row): AppendixRowView => {
    const course = r.courses.get(row.courseId);
    return {
      id: row.id,
      courseId: row.courseId,
      code: course?.code ?? "",
      name: course?.name ?? "",
      credits: course?.credits ?? null,
      term: row.term,
      places: row.places,
      price: row.price,
      delivery: row.delivery,
      package: row.package,
      workCase: row.workCase,
      needIds: needIdsOf.get(row.id) ?? [],
      participants: row.participants,
      completed: row.completed,
    };
  });
  const needs = r.needs
    .map((n): NeedView => {
      const appendixIds = appendixIdsOf.get(n.id) ?? [];
      const status = n.status === "deferred" ? "deferred" : appendixIds.length ? "covered" : "open";
      return {
        id: n.id,
        title: n.title,
        targetGroup: n.targetGroup,
        staffCount: n.staffCount,
        description: n.description,
        priority: n.priority,
        source: n.source as NeedView["source"],
        status,
        dialogueId: n.dialogueId,
        appendixIds,
      };
    })
    // Uncovered first: open, then deferred, then covered; the inventory's order within each.
    .sort((a, b) => rank(a.status) - rank(b.status));
  const totalCredits = round1(appendix.reduce((sum, a) => sum + (a.credits ?? 0), 0));
  const planned = appendix.reduce((sum, a) => sum + (a.price ?? 0), 0);
  const spent = r.spend.reduce((sum, s) => sum + s.amount, 0);
  const covered = needs.filter((n) => n.status === "covered").length;
  const budget = r.agreement.budget;
  const followUp: FollowUpView = {
    courses: appendix.length,
    coursesDelivered: appendix.filter((a) => a.participants !== null).length,
    participants: appendix.reduce((sum, a) => sum + (a.participants ?? 0), 0),
    completed: appendix.reduce((sum, a) => sum + (a.completed ?? 0), 0),
    creditsTaken: round1(appendix.reduce((sum, a) => sum + (a.completed ?? 0) * (a.credits ?? 0), 0)),
    needs: needs.length,
    needsCovered: covered,
    needsCoveredShare: needs.length ? covered / needs.length : null,
    budget,
    spent,
    budgetUse: budget ? spent / budget : null,
  };
  return { needs, appendix, totalCredits, planned, spent, followUp };
}

export const presentPlan = (p: AgreementRecord["plans"][number]): PlanView => ({
  id: p.id,
  filename: p.filename,
  mimeType: p.mimeType,
  size: p.size,
  uploadedAt: p.createdAt.toISOString(),
  uploadedBy: p.uploadedBy,
});

const rank = (status: NeedView["status"]) => (status === "open" ? 0 : status === "deferred" ? 1 : 2);

export function presentAgreement(r: AgreementRecord, abilities: AgreementView["abilities"]): AgreementView {
  const f = figures(r);
  const packages = new Map<string, AppendixRowView[]>();
  for (const row of f.appendix) {
    const name = row.package ?? "";
    packages.set(name, [...(packages.get(name) ?? []), row]);
  }
  const plannedByYear = new Map<number, number>();
  for (const row of f.appendix)
    plannedByYear.set(termYear(row.term), (plannedByYear.get(termYear(row.term)) ?? 0) + (row.price ?? 0));
  const spentByYear = new Map(r.spend.map((s) => [s.year, s.amount]));
  const years = budgetByYear(r.agreement.startDate, r.agreement.endDate, r.agreement.budget);
  for (const y of [...plannedByYear.keys(), ...spentByYear.keys()])
    if (!years.some((x) => x.year === y)) years.push({ year: y, budget: 0 });
  years.sort((a, b) => a.year - b.year);
  const a = r.agreement;
  const plans = r.plans.map(presentPlan);
  const nextDialogueDate = r.dialogues.length ? r.dialogues[r.dialogues.length - 1].nextDate : null;
  return {
    ...presentSummary(a, r.parties),
    notes: a.notes,
    history: r.history.map((h) => ({
      phase: h.phase as AgreementPhase,
      status: h.status as AgreementStatus,
      at: h.changedAt.toISOString(),
      by: h.changedBy,
    })),
    plan: plans.at(-1) ?? null,
    plans,
    needs: f.needs,
    appendix: f.appendix,
    packages: [...packages].map(([name, rows]) => ({
      name,
      appendixIds: rows.map((row) => row.id),
      totalCredits: round1(rows.reduce((sum, row) => sum + (row.credits ?? 0), 0)),
      cost: rows.reduce((sum, row) => sum + (row.price ?? 0), 0),
    })),
    totalCredits: f.totalCredits,
    planned: f.planned,
    spent: f.spent,
    remaining: a.budget - f.spent,
    years: years.map((y) => {
      const spent = spentByYear.get(y.year) ?? 0;
      return { ...y, planned: plannedByYear.get(y.year) ?? 0, spent, remaining: y.budget - spent };
    }),
    dialogues: r.dialogues.map((d) => ({
      id: d.id,
      date: d.date,
      participants: d.participants,
      notes: d.notes,
      decisions: d.decisions,
      nextDate: d.nextDate,
      needIds: r.needs.filter((n) => n.dialogueId === d.id).map((n) => n.id),
      comments: r.comments
        .filter((c) => c.dialogueId === d.id)
        .map((c) => ({
          id: c.id,
          authorName: c.authorName,
          body: c.body,
          createdAt: c.createdAt.toISOString(),
        })),
    })),
    nextDialogueDate,
    followUp: f.followUp,
    abilities,
  };
}
