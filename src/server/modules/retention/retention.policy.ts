import { isAdmin, isStaff } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";

/**
 * Who may do what with retention (issue 20, items 3 and 5). Coordinators and administrators read the
 * rules, the dry run and the run reports, and may start a run (the API list of item 5 names both roles;
 * a run only applies rules an administrator set). Only administrators change the rules. Everyone else:
 * 403 (these are lists, not one record someone could learn exists).
 */
export type RetentionAction = "read" | "configure" | "run";

export const retentionPolicy: Policy<RetentionAction, null> = {
  read: (actor) => isStaff(actor),
  configure: (actor) => isAdmin(actor),
  run: (actor) => isStaff(actor),
};
