import { isStaff } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";

/**
 * Personal data of any person (extract, erasure, the record of processing) is the office's: the
 * coordinators and administrators. The person's own extract goes through the mailed link instead.
 */
export const privacyPolicy: Policy<"extract" | "erase" | "record", null> = {
  extract: (actor) => isStaff(actor),
  erase: (actor) => isStaff(actor),
  record: (actor) => isStaff(actor),
};
