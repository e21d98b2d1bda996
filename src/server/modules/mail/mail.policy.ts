import { type Actor, isAdmin } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";

/** Only administrators look into the outbox and the development mail sink (addresses, contents). */
export const canReadMail = (actor: Actor | null) => isAdmin(actor);

export const mailPolicy = {
  readOutbox: canReadMail,
  readSink: canReadMail,
} satisfies Policy<"readOutbox" | "readSink", null>;
