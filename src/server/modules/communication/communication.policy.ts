import { type Actor, isStaff } from "../../platform/actor.ts";

/**
 * Newsletters, segments and invitations are the collaboration office's work (communicators are
 * coordinators in Samspel): they see subscribers and recipients, which is personal data.
 */
export const canCommunicate = (actor: Actor | null) => isStaff(actor);
