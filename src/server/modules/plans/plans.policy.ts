import { type Actor, isStaff } from "../../platform/actor.ts";

/** Everyone logged in reads plans; administrators and coordinators write them and record progress. */
export const canReadPlans = (actor: Actor | null) => !!actor;
export const canManagePlans = (actor: Actor | null) => isStaff(actor);
