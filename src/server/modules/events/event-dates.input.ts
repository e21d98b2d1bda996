import { z } from "zod";
import { clockTime, createEventInput, type SessionInput, updateEventInput } from "../../../common/events.ts";
import { isoDate } from "../../../common/validation.ts";
import { stockholmInstant, stockholmParts } from "./local-time.ts";

/**
 * The event routes' bodies: the service's input plus an activity's `startDate`/`endDate` (issue 15,
 * item 6), so a client that creates activities can create events the same way. A date is `YYYY-MM-DD`
 * (with `startTime`/`endTime` as HH:MM when the hours are known) or a date-time (`2027-11-09T09:00`,
 * Swedish local time unless it carries an offset). Without `sessions`, the dates become the event's
 * sessions: one a day, as "9–10 nov" is two sessions in the event model, each from the start time to the
 * end time (09:00–16:00 when no time is given). With `sessions` too (a non-empty list), the two must agree.
 */

export const DEFAULT_START = "09:00";
export const DEFAULT_END = "16:00";
const MAX_DAYS = 20;

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A wall-clock moment in Stockholm: a day, and a time when one was given. */
interface Moment {
  date: string;
  time?: string;
}

/** `2027-11-09` → the day; `2027-11-09T09:00(+01:00)` → the day and time on a Stockholm clock; else null. */
export function parseMoment(value: string): Moment | null {
  if (isoDate.safeParse(value).success) return { date: value };
  const m = DATE_TIME.exec(value);
  if (!m || !isoDate.safeParse(m[1]).success || Number(m[2]) > 23 || Number(m[3]) > 59) return null;
  if (!m[4]) return { date: m[1], time: `${m[2]}:${m[3]}` };
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  return stockholmParts(instant);
}

const moment = z
  .string({ error: "validation.events.dateOrDateTime" })
  .trim()
  .refine((v) => parseMoment(v) !== null, { error: "validation.events.dateOrDateTime" });

const dateFields = {
  startDate: moment.optional().meta({
    description: "Första dagen, ÅÅÅÅ-MM-DD, eller en tidpunkt (svensk tid om ingen tidszon anges).",
  }),
  endDate: moment.optional().meta({ description: "Sista dagen (standard: startDate), som startDate." }),
  startTime: clockTime.optional().meta({ description: "Starttid HH:MM varje dag (standard 09:00)." }),
  endTime: clockTime.optional().meta({ description: "Sluttid HH:MM varje dag (standard 16:00)." }),
};

interface DateFields {
  startDate?: string;
  endDate?: string;
  startTime?: string;
  endTime?: string;
}

interface Span {
  first: string;
  last: string;
  startTime: string;
  endTime: string;
  /** Whether the times were given (only given times are compared with sessions). */
  timed: { start: boolean; end: boolean };
}

const addDay = (date: string) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last && out.length <= MAX_DAYS; d = addDay(d)) out.push(d);
  return out;
}

type Issue = { path: string; message: string };

/** The span the date fields describe, or the issues that keep them from describing one. */
function spanOf(v: DateFields): { span: Span | null; issues: Issue[] } {
  const issues: Issue[] = [];
  if (v.startDate === undefined) {
    for (const field of ["endDate", "startTime", "endTime"] as const)
      if (v[field] !== undefined) issues.push({ path: "startDate", message: "validation.required" });
    return { span: null, issues: issues.slice(0, 1) };
  }
  const start = parseMoment(v.startDate);
  const end = v.endDate === undefined ? null : parseMoment(v.endDate);
  if (!start || (v.endDate !== undefined && !end)) return { span: null, issues }; // the field's own issue
  if (start.time && v.startTime !== undefined)
    issues.push({ path: "startTime", message: "validation.events.timeTwice" });
  if (end?.time && v.endTime !== undefined)
    issues.push({ path: "endTime", message: "validation.events.timeTwice" });
  const first = start.date;
  const last = end?.date ?? first;
  const startTime = start.time ?? v.startTime ?? DEFAULT_START;
  const endTime = end?.time ?? v.endTime ?? DEFAULT_END;
  if (last < first) issues.push({ path: "endDate", message: "validation.activities.endBeforeStart" });
  else if (days(first, last).length > MAX_DAYS)
    issues.push({ path: "endDate", message: "validation.events.tooManySessions" });
  else if (endTime <= startTime)
    issues.push({
      path: end?.time ? "endDate" : "endTime",
      message: "validation.events.endBeforeStart",
    });
  const timed = { start: !!(start.time ?? v.startTime), end: !!(end?.time ?? v.endTime) };
  return { span: issues.length ? null : { first, last, startTime, endTime, timed }, issues };
}

/** One session a day over the span, each from the start time to the end time. */
function sessionsOf(span: Span): SessionInput[] {
  return days(span.first, span.last).map((date) => ({
    date,
    startTime: span.startTime,
    endTime: span.endTime,
  }));
}

/** Where given sessions and dates disagree: the field to name, or null when they agree. */
function disagreement(span: Span, sessions: { date: string; startTime: string; endTime: string }[]) {
  const ordered = [...sessions].sort((a, b) =>
    stockholmInstant(a.date, a.startTime) < stockholmInstant(b.date, b.startTime) ? -1 : 1,
  );
  const firstSession = ordered[0];
  const lastDate = ordered.map((s) => s.date).sort()[ordered.length - 1];
  const lastSessions = ordered.filter((s) => s.date === lastDate);
  if (firstSession.date !== span.first) return "startDate";
  if (lastDate !== span.last) return "endDate";
  if (span.timed.start && firstSession.startTime !== span.startTime) return "startTime";
  if (span.timed.end && !lastSessions.some((s) => s.endTime === span.endTime)) return "endTime";
  return null;
}

function checkDates(value: DateFields & { sessions?: SessionInput[] }, ctx: z.RefinementCtx) {
  const { span, issues } = spanOf(value);
  for (const issue of issues) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  // No sessions, or an empty list: the dates make them.
  if (!span || !value.sessions?.length) return;
  const field = disagreement(
    span,
    value.sessions.map((s) => ({ date: s.date, startTime: s.startTime, endTime: s.endTime })),
  );
  if (field) ctx.addIssue({ code: "custom", path: [field], message: "validation.events.datesDisagree" });
}

/** POST /api/events: the service's input, with the dates an activity takes beside `sessions`. */
export const createEventBody = createEventInput.safeExtend(dateFields).superRefine(checkDates);

/** PATCH /api/events/:id: dates, when given, replace the sessions as `sessions` would. */
export const updateEventBody = updateEventInput.safeExtend(dateFields).superRefine(checkDates);

/** The body as the service takes it: the dates turned into sessions when no sessions were sent. */
export function eventInputOf<T extends DateFields & { sessions?: SessionInput[] }>(
  body: T,
): Omit<T, keyof DateFields> & { sessions?: SessionInput[] } {
  const { startDate, endDate, startTime, endTime, ...rest } = body;
  const { span } = spanOf({ startDate, endDate, startTime, endTime });
  if (span && !rest.sessions?.length) return { ...rest, sessions: sessionsOf(span) };
  return rest;
}
