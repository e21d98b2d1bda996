import type {
  EventView,
  FeedbackQuestion,
  OwnRegistrationView,
  ParticipantView,
  PublicEventView,
  SessionView,
} from "../../../common/events.ts";
import type { Actor } from "../../platform/actor.ts";
import { eventAbilities } from "./events.policy.ts";
import { type EventRecord, registrationWindow, type SessionRow } from "./events.records.ts";
import { stockholmParts } from "./local-time.ts";
import { type ParticipantRecord, participantStatus } from "./participants.service.ts";
import type { OwnRegistration } from "./registrations.service.ts";

export function presentSession(s: SessionRow): SessionView {
  const start = stockholmParts(s.startsAt);
  const end = stockholmParts(s.endsAt);
  return {
    id: s.id,
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    place: s.place,
  };
}

/** What anyone may see of an event: no counts of people beyond the places left. */
export function presentPublicEvent(r: EventRecord, now = new Date()): PublicEventView {
  const { activity, event } = r;
  return {
    id: r.id,
    title: activity.title,
    typeKey: activity.typeKey,
    type: { labelSv: activity.type.labelSv, labelEn: activity.type.labelEn },
    description: activity.description,
    theme: event.theme,
    audience: event.audience,
    startDate: activity.startDate,
    endDate: activity.endDate,
    place: activity.place,
    sessions: r.sessions.map(presentSession),
    organisers: activity.organisers,
    partners: activity.partners,
    status: activity.status,
    capacity: event.capacity,
    placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - r.counts.registered),
    waitlist: event.waitlist,
    registration: registrationWindow(r, now),
    registrationOpensAt: event.registrationOpensAt?.toISOString() ?? null,
    registrationClosesAt: event.registrationClosesAt?.toISOString() ?? null,
    questions: event.questions,
    contactEmail: event.contactEmail,
    series: r.series,
  };
}

export function presentEvent(r: EventRecord, actor: Actor | null, now = new Date()): EventView {
  return {
    ...presentPublicEvent(r, now),
    visibility: r.event.visibility,
    registrationEnabled: r.event.registrationEnabled,
    tags: r.activity.tags,
    evidenceLinks: r.activity.evidenceLinks,
    programmes: r.activity.programmes,
    network: r.network,
    project: r.project,
    counts: r.counts,
    feedback: r.feedback,
    abilities: eventAbilities(actor),
  };
}

export function presentParticipant(p: ParticipantRecord): ParticipantView {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    organisation: p.organisationName,
    role: p.role,
    roleKey: p.roleKey,
    municipality: p.municipality,
    status: participantStatus(p),
    bookingStatus: p.status as ParticipantView["bookingStatus"],
    source: p.source,
    attendedAt: p.attendedAt?.toISOString() ?? null,
    checkinCode: p.checkinCode,
    dietary: p.dietary,
    accessibility: p.accessibility ?? null,
    consentInvitations: p.consentInvitations,
    personId: p.personId,
    registeredAt: p.createdAt.toISOString(),
  };
}

export function presentOwnRegistration(
  own: OwnRegistration,
  questions: FeedbackQuestion[],
): OwnRegistrationView {
  const { row } = own;
  return {
    name: row.name,
    email: row.email,
    organisation: row.organisationName,
    role: row.role,
    roleKey: row.roleKey,
    municipality: row.municipality,
    dietary: own.dietary,
    accessibility: own.accessibility,
    gender: own.gender as OwnRegistrationView["gender"],
    consentInvitations: row.consentInvitations,
    status: participantStatus(row),
    checkinCode: row.checkinCode,
    waitlistPosition: own.position,
    event: presentPublicEvent(own.record),
    feedback: { open: own.feedbackOpen && !own.feedbackGiven, given: own.feedbackGiven, questions },
  };
}
