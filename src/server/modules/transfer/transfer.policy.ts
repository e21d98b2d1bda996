import { type Actor, isStaff } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";

/**
 * Importing writes many records at once: only the staff who keep the registers (administrators and
 * coordinators). Exporting shows what the list already shows: anyone who may read the lists.
 */
export const canImport = (actor: Actor | null): actor is Actor => isStaff(actor);
export const canExport = (actor: Actor | null): actor is Actor => !!actor;

/** `readJob`: a job is looked up among the actor's own (all for administrators), so any user may ask. */
export const transferPolicy = {
  import: canImport,
  export: canExport,
  readJob: { allow: (actor) => !!actor, refuse: "hide" },
} satisfies Policy<"import" | "export" | "readJob", null>;
