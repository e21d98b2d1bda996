import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import type { Session, TestApp } from "../../../test/harness.ts";
import { mailSink, sendDueMail } from "../../mail/index.ts";

/** Helpers of the events tests: create events through the API, register, read the captured mail. */

let counter = 0;

/** A public seminar on one future date with registration open, changed by `overrides`. */
export async function createEvent(t: TestApp, as: Session, overrides: Record<string, unknown> = {}) {
  counter++;
  const res = await t.request({
    method: "POST",
    url: "/api/events",
    as,
    payload: {
      title: `Seminarium ${counter}`,
      typeKey: "seminarium",
      visibility: "public",
      sessions: [{ date: "2027-03-10", startTime: "09:00", endTime: "12:00", place: "MDH Västerås" }],
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`create event: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; [key: string]: unknown };
}

export function register(t: TestApp, eventId: string, payload: Record<string, unknown>) {
  return t.request({ method: "POST", url: `/api/public/events/${eventId}/registrations`, payload });
}

/** A date `n` days before today (`YYYY-MM-DD`): an event that is over but whose personal links still work. */
export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** The token at the end of a personal link. */
export const tokenOf = (manageUrl: string) => manageUrl.split("/").pop()!;

/**
 * Every message the local SMTP sink captured for this address, parsed, oldest first — after
 * delivering what the outbox holds, so a test never waits on the background sender.
 */
export async function mailsTo(t: TestApp, address: string): Promise<ParsedMail[]> {
  await sendDueMail(t.database.db);
  const sink = await mailSink();
  if (!sink) throw new Error("no mail sink: SMTP_URL is set");
  const mine = sink.messages().filter((m) => m.envelopeTo.includes(address));
  return Promise.all(mine.map((m) => sink.parse(m)));
}

/** Parses iCalendar text with a real calendar parser (ical.js) and returns its events. */
export function parseIcs(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return component.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      location: e.location,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
    };
  });
}
