/**
 * Events are planned in Swedish local time ("9 nov kl. 09.00, Eskilstuna") and stored as instants.
 * These convert between the two for Europe/Stockholm, summer time included, without a library.
 */
const ZONE = "Europe/Stockholm";
const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The date (YYYY-MM-DD) and time (HH:MM) an instant has on a Stockholm clock. */
export function stockholmParts(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Minutes Stockholm is ahead of UTC at this instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const { date, time } = stockholmParts(instant);
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant a Stockholm wall clock shows `date` `time`. */
export function stockholmInstant(date: string, time: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  // Two rounds settle the offset also next to a summer-time switch.
  let guess = naive - offsetMinutes(new Date(naive)) * 60_000;
  guess = naive - offsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess);
}

/** Today's date in Stockholm. */
export function stockholmToday(now = new Date()): string {
  return stockholmParts(now).date;
}
