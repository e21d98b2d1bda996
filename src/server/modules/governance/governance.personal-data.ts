import { and, eq, isNotNull, or, sql } from "drizzle-orm";
import type { ErasureImpactItem } from "../../../common/privacy.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { ErasureContext, HeldData, PersonalDataSubject } from "../../platform/personal-data.ts";
import {
  governanceBodies,
  governanceDecisions,
  governanceMeetings,
  governanceMembers,
  governanceRegistryEntries,
} from "./governance.schema.ts";

/**
 * Seats in governance bodies, and the minutes, decisions and registry entries that name a person, in a
 * register extract and an erasure (issue 20). Approved minutes, decisions and registered documents are
 * public records the archive rules keep: they are listed with the rule and never changed. Seats go,
 * unless approved minutes record the person at a meeting of the body.
 */

const MINUTES_RULE =
  "Justerat protokoll: allmän handling som bevaras (arkivlagen 1990:782; offentlighets- och sekretesslagen 2009:400).";
const DECISION_RULE =
  "Beslut i justerat protokoll: allmän handling som bevaras (arkivlagen 1990:782; offentlighets- och sekretesslagen 2009:400).";
const REGISTRY_RULE =
  "Diarieförd handling: allmän handling som bevaras eller gallras enligt sin gallringsklass, inte på begäran (arkivlagen 1990:782).";

/** A name is matched in free text only when it is a full name (two words), to avoid false hits. */
const matchableName = (name: string | null) => (name && /\S+\s+\S+/.test(name.trim()) ? name.trim() : null);

async function seats(db: Db | Tx, s: PersonalDataSubject) {
  if (!s.personId) return [];
  return db
    .select({
      id: governanceMembers.id,
      bodyId: governanceMembers.bodyId,
      body: governanceBodies.name,
      role: governanceMembers.role,
      function: governanceMembers.function,
      percent: governanceMembers.percentOfFullTime,
      startDate: governanceMembers.startDate,
      endDate: governanceMembers.endDate,
    })
    .from(governanceMembers)
    .innerJoin(governanceBodies, eq(governanceBodies.id, governanceMembers.bodyId))
    .where(eq(governanceMembers.personId, s.personId));
}

/** Approved minutes that record the person as present or as adjuster. */
async function approvedMinutes(db: Db | Tx, s: PersonalDataSubject) {
  if (!s.personId) return [];
  const id = JSON.stringify([s.personId]);
  return db
    .select({
      id: governanceMeetings.id,
      bodyId: governanceMeetings.bodyId,
      title: governanceMeetings.title,
      startsAt: governanceMeetings.startsAt,
      body: governanceBodies.name,
    })
    .from(governanceMeetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, governanceMeetings.bodyId))
    .where(
      and(
        isNotNull(governanceMeetings.approvedAt),
        or(
          sql`${governanceMeetings.attendance} @> ${id}::jsonb`,
          sql`${governanceMeetings.adjusters} @> ${id}::jsonb`,
        ),
      ),
    );
}

/** Decisions of approved minutes whose title or text names the person. */
async function namingDecisions(db: Db | Tx, s: PersonalDataSubject) {
  const name = matchableName(s.name);
  if (!name) return [];
  return db
    .select({
      id: governanceDecisions.id,
      title: governanceDecisions.title,
      paragraph: governanceDecisions.paragraph,
      registryNumber: governanceDecisions.registryNumber,
    })
    .from(governanceDecisions)
    .innerJoin(governanceMeetings, eq(governanceMeetings.id, governanceDecisions.meetingId))
    .where(
      and(
        isNotNull(governanceMeetings.approvedAt),
        sql`strpos(${governanceDecisions.title} || ' ' || ${governanceDecisions.text}, ${name}) > 0`,
      ),
    );
}

async function registryEntries(db: Db | Tx, s: PersonalDataSubject) {
  const name = matchableName(s.name);
  if (!name) return [];
  return db
    .select({
      id: governanceRegistryEntries.id,
      registryNumber: governanceRegistryEntries.registryNumber,
      title: governanceRegistryEntries.title,
    })
    .from(governanceRegistryEntries)
    .where(
      sql`strpos(${governanceRegistryEntries.title} || ' ' || coalesce(${governanceRegistryEntries.counterpart}, ''), ${name}) > 0`,
    );
}

export async function personalDataFor(db: Db, s: PersonalDataSubject): Promise<HeldData[]> {
  const [ss, ms, ds, rs] = [
    await seats(db, s),
    await approvedMinutes(db, s),
    await namingDecisions(db, s),
    await registryEntries(db, s),
  ];
  return [
    {
      category: "memberships",
      ids: ss.map((m) => m.id),
      records: [
        ...ss.map((m) => ({
          Organ: m.body,
          Roll: m.role,
          Funktion: m.function,
          Tjänstgöringsgrad: m.percent,
          Från: m.startDate,
          Till: m.endDate,
        })),
        ...ms.map((m) => ({
          Protokoll: `${m.body}: ${m.title ?? "sammanträde"}`,
          Datum: m.startsAt.toISOString().slice(0, 10),
        })),
        ...ds.map((d) => ({ Beslut: `§ ${d.paragraph} ${d.title}`, Diarienummer: d.registryNumber })),
        ...rs.map((e) => ({ Diarieförd: e.title, Diarienummer: e.registryNumber })),
      ],
    },
  ];
}

export async function erasureImpactFor(db: Db | Tx, s: PersonalDataSubject): Promise<ErasureImpactItem[]> {
  const [ss, ms, ds, rs] = [
    await seats(db, s),
    await approvedMinutes(db, s),
    await namingDecisions(db, s),
    await registryEntries(db, s),
  ];
  const items: ErasureImpactItem[] = [];
  const keptBodies = new Set(ms.map((m) => m.bodyId));
  const removed = ss.filter((m) => !keptBodies.has(m.bodyId));
  if (removed.length)
    items.push({
      category: "memberships",
      action: "remove",
      count: removed.length,
      description: "Uppdrag i organ som inga justerade protokoll hänvisar till tas bort.",
      rule: null,
    });
  if (ss.length > removed.length)
    items.push({
      category: "memberships",
      action: "keep",
      count: ss.length - removed.length,
      description: `Uppdrag i ${[...new Set(ms.map((m) => m.body))].join(", ")}: justerade protokoll anger personen som närvarande eller justerare.`,
      rule: MINUTES_RULE,
    });
  for (const m of ms)
    items.push({
      category: "memberships",
      action: "keep",
      count: 1,
      description: `Protokoll ${m.body}, ${m.startsAt.toISOString().slice(0, 10)}${m.title ? ` (${m.title})` : ""}: namnet finns kvar.`,
      rule: MINUTES_RULE,
    });
  for (const d of ds)
    items.push({
      category: "memberships",
      action: "keep",
      count: 1,
      description: `Beslut § ${d.paragraph} ”${d.title}”${d.registryNumber ? ` (${d.registryNumber})` : ""} nämner personen.`,
      rule: DECISION_RULE,
    });
  for (const e of rs)
    items.push({
      category: "memberships",
      action: "keep",
      count: 1,
      description: `Diarieförd handling ${e.registryNumber} ”${e.title}” nämner personen.`,
      rule: REGISTRY_RULE,
    });
  return items;
}

/** Whether the archive rules keep the person's name (approved minutes or decisions name them). */
export async function keepsName(db: Db | Tx, s: PersonalDataSubject): Promise<boolean> {
  return (await approvedMinutes(db, s)).length > 0 || (await namingDecisions(db, s)).length > 0;
}

export async function eraseFor(tx: Tx, s: PersonalDataSubject, _ctx: ErasureContext) {
  if (!s.personId) return;
  const keptBodyIds = new Set((await approvedMinutes(tx, s)).map((m) => m.bodyId));
  for (const seat of await seats(tx, s))
    if (!keptBodyIds.has(seat.bodyId))
      await tx.delete(governanceMembers).where(eq(governanceMembers.id, seat.id));
}
