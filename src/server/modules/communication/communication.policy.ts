import { type Actor, isStaff } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";

/**
 * Newsletters, segments and invitations are the collaboration office's work (communicators are
 * coordinators in Samspel): they see subscribers and recipients, which is personal data.
 */
export const canCommunicate = (actor: Actor | null) => isStaff(actor);

/** Subscribing, confirming and unsubscribing are the public's own acts, by e-mail link (no actor). */
export const communicationPolicy = {
  communicate: canCommunicate,
} satisfies Policy<"communicate", null>;
