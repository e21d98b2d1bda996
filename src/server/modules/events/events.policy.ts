import { type Actor, isAdmin, isStaff } from "../../platform/actor.ts";
import { abilities, type Policy } from "../../platform/authorize.ts";

/**
 * Who may do what with events. Everyone logged in reads the calendar (internal events too); the
 * collaboration office (coordinators, administrators) organises: creates events, sees participants
 * (personal data), checks people in. The public reaches public events and its own registration only.
 */
export const canReadEvents = (actor: Actor | null): actor is Actor => !!actor;
export const canOrganiseEvents = (actor: Actor | null) => isStaff(actor);
/** Purging health data early is an administrator's call. */
export const canPurgeDietaryNeeds = (actor: Actor | null) => isAdmin(actor);

export const eventsPolicy = {
  list: canReadEvents,
  read: { allow: canReadEvents, refuse: "hide" },
  create: canOrganiseEvents,
  update: canOrganiseEvents,
  manageParticipants: canOrganiseEvents,
  /** Feedback question sets, summaries and event series/networks. */
  organise: canOrganiseEvents,
  purgeDietaryNeeds: canPurgeDietaryNeeds,
} satisfies Policy<
  "list" | "read" | "create" | "update" | "manageParticipants" | "organise" | "purgeDietaryNeeds",
  null
>;

export const eventAbilities = (actor: Actor | null) =>
  abilities(actor, eventsPolicy, null, ["update", "manageParticipants"]);
