import { type Actor, isStaff } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";

/** Everyone logged in reads goal frameworks; administrators and coordinators shape them. */
export const canManageFrameworks = (actor: Actor | null) => isStaff(actor);
/** Linking activities to goals is part of running the registers: staff do it. */
export const canLinkActivityGoals = (actor: Actor | null) => isStaff(actor);

export const goalsPolicy = {
  read: { allow: (actor) => !!actor, refuse: "hide" },
  manage: canManageFrameworks,
  linkActivityGoals: canLinkActivityGoals,
} satisfies Policy<"read" | "manage" | "linkActivityGoals", null>;
