import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { RecipientView, SegmentCriteria } from "../../../common/communication.ts";
import { type Db, queryRows, type Tx } from "../../db/client.ts";
import { audienceRows } from "../../read/communication-audience.ts";

/**
 * Who a mailing reaches: active newsletter subscribers and event participants who consented to
 * future invitations, each address once, minus every address that unsubscribed. A contact's themes,
 * organisation types and municipalities come from their subscription and from the events they
 * registered for; past attendance from check-ins.
 */
interface Contact {
  email: string;
  name: string | null;
  sources: ("subscriber" | "participant")[];
  themes: string[];
  organisationTypes: string[];
  municipalities: string[];
  attendedEvents: string[];
  attendedSeries: string[];
}

async function contacts(db: Db | Tx): Promise<Contact[]> {
  // Participants and their events' organisation types are other modules' rows: the read layer joins them (issue 12).
  const rows = await audienceRows(db);
  const suppressed = new Set(
    (await queryRows<{ email: string }>(db, sql`select email from mail_suppressions`)).map((r) => r.email),
  );
  const byEmail = new Map<string, Contact>();
  for (const r of rows) {
    if (suppressed.has(r.email)) continue;
    const c = byEmail.get(r.email) ?? {
      email: r.email,
      name: r.name,
      sources: [],
      themes: [],
      organisationTypes: [],
      municipalities: [],
      attendedEvents: [],
      attendedSeries: [],
    };
    c.name ??= r.name;
    if (!c.sources.includes(r.source)) c.sources.push(r.source);
    c.themes.push(...(r.themes ?? []));
    c.organisationTypes.push(...(r.org_types ?? []));
    c.municipalities.push(...(r.municipalities ?? []));
    c.attendedEvents.push(...(r.attended_events ?? []));
    c.attendedSeries.push(...(r.attended_series ?? []));
    byEmail.set(r.email, c);
  }
  return [...byEmail.values()];
}

const fold = (v: string) => v.trim().toLocaleLowerCase("sv");
/** Empty = no filter; otherwise one of the wanted values must be among the contact's. */
function matches(wanted: string[], have: string[]) {
  if (!wanted.length) return true;
  const set = new Set(have.map(fold));
  return wanted.some((w) => set.has(fold(w)));
}

/** Exactly who receives a mailing with these criteria, sorted by address. */
export async function recipientsOf(db: Db | Tx, criteria: SegmentCriteria): Promise<RecipientView[]> {
  return select(await contacts(db), criteria);
}

function select(all: Contact[], criteria: SegmentCriteria): RecipientView[] {
  return all
    .filter(
      (c) =>
        criteria.sources === "both" ||
        c.sources.includes(criteria.sources === "subscribers" ? "subscriber" : "participant"),
    )
    .filter((c) => matches(criteria.themes, c.themes))
    .filter((c) => matches(criteria.organisationTypes, c.organisationTypes))
    .filter((c) => matches(criteria.municipalities, c.municipalities))
    .filter(
      (c) =>
        (!criteria.attendedEventIds.length && !criteria.attendedSeriesIds.length) ||
        criteria.attendedEventIds.some((id) => c.attendedEvents.includes(id)) ||
        criteria.attendedSeriesIds.some((id) => c.attendedSeries.includes(id)),
    )
    .map((c) => ({ email: c.email, name: c.name, sources: c.sources }))
    .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
}

/** A digest of the exact list: what the sender previewed must be what goes out. */
export function recipientsDigest(recipients: { email: string }[]) {
  return createHash("sha256")
    .update(recipients.map((r) => r.email).join("\n"))
    .digest("hex")
    .slice(0, 32);
}

const noFilter: SegmentCriteria = {
  themes: [],
  organisationTypes: [],
  municipalities: [],
  attendedEventIds: [],
  attendedSeriesIds: [],
  sources: "both",
};

/**
 * The audiences a mailing can go to (issue 15: chosen, not typed), each with how many it reaches today:
 * everyone, subscribers, participants, one per theme and per kind of organisation the contacts have,
 * then the saved segments. Ids of offered ones say what they are (`theme:Hållbarhet`); saved ones are
 * the segment's id. Counts use the same rule as the preview, so they agree with it.
 */
export async function audienceChoices(
  db: Db | Tx,
  saved: { id: string; name: string; criteria: SegmentCriteria }[],
  organisationTypeLabel: (key: string) => string,
) {
  const all = await contacts(db);
  const distinct = (pick: (c: Contact) => string[]) =>
    [...new Map(all.flatMap(pick).map((v) => [fold(v), v.trim()])).values()].sort((a, b) =>
      a.localeCompare(b, "sv"),
    );
  const offered: { id: string; label: string; criteria: SegmentCriteria; saved: boolean }[] = [
    { id: "all", label: "Alla kontakter", criteria: noFilter, saved: false },
    {
      id: "subscribers",
      label: "Prenumeranter på nyhetsbrevet",
      criteria: { ...noFilter, sources: "subscribers" },
      saved: false,
    },
    {
      id: "participants",
      label: "Deltagare som vill ha inbjudningar",
      criteria: { ...noFilter, sources: "participants" },
      saved: false,
    },
    ...distinct((c) => c.themes).map((theme) => ({
      id: `theme:${theme}`,
      label: `Intresserade av ${theme}`,
      criteria: { ...noFilter, themes: [theme] },
      saved: false,
    })),
    ...distinct((c) => c.organisationTypes).map((type) => ({
      id: `organisationType:${type}`,
      label: `Kontakter från ${organisationTypeLabel(type).toLocaleLowerCase("sv")}`,
      criteria: { ...noFilter, organisationTypes: [type] },
      saved: false,
    })),
    ...saved.map((s) => ({ id: s.id, label: s.name, criteria: s.criteria, saved: true })),
  ];
  return offered.map((o) => ({ ...o, count: select(all, o.criteria).length }));
}
