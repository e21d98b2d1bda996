import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { type CreateMeetingInput, createMeetingInput } from "../../../common/governance.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { isStaff } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { parseWith } from "../../platform/validation.ts";
import { loadBody } from "./bodies.service.ts";
import { decisionsOfMeeting } from "./decisions.service.ts";
import { governancePolicy, may, standingNone } from "./governance.policy.ts";
import { governanceAgendaItems, governanceBodies, governanceMeetings } from "./governance.schema.ts";
import { seatsOf, standingIn } from "./standing.ts";

/** Meetings of a body: the agenda, and what each viewer may see of it. */

export type MeetingRow = typeof governanceMeetings.$inferSelect & { bodyName: string };

/** Rows visible to the actor: all for the office, their bodies' for members, public ones for the rest. */
function visibleTo(actor: Actor | null, seats: Map<string, boolean>) {
  if (isStaff(actor)) return undefined;
  const mine = [...seats.keys()];
  return mine.length
    ? or(eq(governanceMeetings.public, true), inArray(governanceMeetings.bodyId, mine))
    : eq(governanceMeetings.public, true);
}

export async function listMeetings(
  db: Db,
  actor: Actor | null,
  query: { bodyId?: string; year?: number },
): Promise<MeetingRow[]> {
  authorize(actor, governancePolicy, "listMeetings", standingNone);
  const seats = await seatsOf(db, actor);
  const rows = await db
    .select({ m: governanceMeetings, bodyName: governanceBodies.name })
    .from(governanceMeetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, governanceMeetings.bodyId))
    .where(
      and(
        visibleTo(actor, seats),
        query.bodyId ? eq(governanceMeetings.bodyId, query.bodyId) : undefined,
        query.year
          ? sql`${governanceMeetings.startsAt} >= ${`${query.year}-01-01T00:00:00Z`} and ${governanceMeetings.startsAt} < ${`${query.year + 1}-01-01T00:00:00Z`}`
          : undefined,
      ),
    )
    .orderBy(asc(governanceMeetings.startsAt), asc(governanceMeetings.id))
    .limit(1000);
  return rows.map((r) => ({ ...r.m, bodyName: r.bodyName }));
}

export async function loadMeeting(db: Db | Tx, id: string, lock = false): Promise<MeetingRow | null> {
  const q = db
    .select({ m: governanceMeetings, bodyName: governanceBodies.name })
    .from(governanceMeetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, governanceMeetings.bodyId))
    .where(eq(governanceMeetings.id, id));
  const [row] = lock ? await q.for("update", { of: governanceMeetings }) : await q;
  return row ? { ...row.m, bodyName: row.bodyName } : null;
}

export async function agendaOf(db: Db | Tx, meetingId: string) {
  return db
    .select()
    .from(governanceAgendaItems)
    .where(eq(governanceAgendaItems.meetingId, meetingId))
    .orderBy(asc(governanceAgendaItems.position));
}

/** A meeting as the actor may see it: outsiders get the public agenda items and approved public minutes. */
export async function getMeeting(db: Db, actor: Actor | null, id: string) {
  const meeting = await loadMeeting(db, id);
  const seats = await seatsOf(db, actor);
  const standing = standingIn(seats, meeting?.bodyId ?? "", meeting?.public ?? false);
  authorize(actor, governancePolicy, "readMeeting", standing);
  if (!meeting) throw notFound();
  const insider = may("readInternal", actor, standing);
  const agenda = (await agendaOf(db, id)).filter((a) => insider || a.public);
  const decisions = await decisionsOfMeeting(db, meeting, insider);
  return {
    ...meeting,
    agenda,
    minutesText: insider || meeting.approvedAt ? meeting.minutesText : null,
    attendance: insider || meeting.approvedAt ? meeting.attendance : [],
    decisions,
    abilities: { manage: may("manageMeeting", actor, standing) },
  };
}

export async function createMeeting(db: Db, actor: Actor | null, input: CreateMeetingInput) {
  const data = parseWith(createMeetingInput, input);
  const seats = await seatsOf(db, actor);
  authorize(actor, governancePolicy, "manageMeeting", standingIn(seats, data.bodyId));
  const id = await writeWithAudit(db, actor, async (tx, audit) => {
    const body = await loadBody(tx, data.bodyId);
    if (!body) throw fieldErrors({ bodyId: "governance.errors.unknownBody" });
    const [row] = await tx
      .insert(governanceMeetings)
      .values({
        bodyId: data.bodyId,
        title: data.title ?? null,
        startsAt: new Date(data.startsAt),
        endsAt: data.endsAt ? new Date(data.endsAt) : null,
        place: data.place ?? null,
        link: data.link ?? null,
        public: data.public,
      })
      .returning();
    const agenda = data.agenda.length
      ? await tx
          .insert(governanceAgendaItems)
          .values(
            data.agenda.map((a, i) => ({
              meetingId: row.id,
              position: i + 1,
              title: a.title,
              kind: a.kind,
              presenter: a.presenter ?? null,
              public: a.public,
              documents: a.documents,
            })),
          )
          .returning()
      : [];
    await audit({
      action: "create",
      entityType: "governance_meeting",
      entityId: row.id,
      after: { ...row, agenda },
    });
    return row.id;
  });
  return getMeeting(db, actor, id);
}
