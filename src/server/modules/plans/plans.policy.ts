import { type Actor, isStaff } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";

/** Everyone logged in reads plans; administrators and coordinators write them and record progress. */
export const canReadPlans = (actor: Actor | null) => !!actor;
export const canManagePlans = (actor: Actor | null) => isStaff(actor);

/** A recurring item's occurrences: everyone logged in reads them; plan managers mark them done. */
export const plansPolicy = {
  read: { allow: canReadPlans, refuse: "hide" },
  manage: canManagePlans,
} satisfies Policy<"read" | "manage", null>;

export const occurrencePolicy: Policy<"read" | "markDone"> = {
  read: { allow: canReadPlans, refuse: "hide" },
  markDone: { allow: canManagePlans, refuse: "forbid" },
};
