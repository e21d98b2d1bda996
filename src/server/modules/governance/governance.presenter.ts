import type {
  BodySummaryView,
  BodyView,
  MeetingSummaryView,
  MeetingView,
} from "../../../common/governance.ts";
import type { BodyRow, getBody } from "./bodies.service.ts";
import type { getMeeting, MeetingRow } from "./meetings.service.ts";

/** Rows → the shapes of src/common/governance.ts. */

type T = (key: string, params?: Record<string, unknown>) => string;

export function presentBodySummary(b: BodyRow): BodySummaryView {
  return {
    id: b.id,
    name: b.name,
    kind: b.kind as BodySummaryView["kind"],
    organisationId: b.organisationId,
    organisationName: b.organisationName,
    parentId: b.parentId,
    startDate: b.startDate,
    endDate: b.endDate,
    memberCount: b.memberCount,
  };
}

export function presentBody(b: Awaited<ReturnType<typeof getBody>>, t: T): BodyView {
  return {
    ...presentBodySummary(b),
    mandate: b.mandate,
    tasks: b.tasks,
    members: b.members,
    warnings: b.warnings.map((w) => t(w.key, w.params)),
    abilities: b.abilities,
  };
}

export function presentMeetingSummary(m: MeetingRow): MeetingSummaryView {
  return {
    id: m.id,
    bodyId: m.bodyId,
    bodyName: m.bodyName,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt?.toISOString() ?? null,
    place: m.place,
    public: m.public,
    noticeSentAt: m.noticeSentAt?.toISOString() ?? null,
    approvedAt: m.approvedAt?.toISOString() ?? null,
  };
}

export function presentMeeting(m: Awaited<ReturnType<typeof getMeeting>>): MeetingView {
  return {
    ...presentMeetingSummary(m),
    link: m.link,
    agenda: m.agenda.map((a) => ({
      id: a.id,
      position: a.position,
      title: a.title,
      kind: a.kind as MeetingView["agenda"][number]["kind"],
      presenter: a.presenter,
      public: a.public,
      documents: a.documents,
      notes: a.notes,
    })),
    minutesText: m.minutesText,
    attendance: m.attendance,
    adjusters: m.adjusters,
    decisions: m.decisions,
    abilities: m.abilities,
  };
}
