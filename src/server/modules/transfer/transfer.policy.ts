import { type Actor, isStaff } from "../../platform/actor.ts";

/**
 * Importing writes many records at once: only the staff who keep the registers (administrators and
 * coordinators). Exporting shows what the list already shows: anyone who may read the lists.
 */
export const canImport = (actor: Actor | null): actor is Actor => isStaff(actor);
export const canExport = (actor: Actor | null): actor is Actor => !!actor;
