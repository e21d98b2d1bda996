import { eq } from "drizzle-orm";
import {
  type RetentionCategory,
  type RetentionRuleView,
  retentionCategories,
  retentionDefaults,
} from "../../../common/retention.ts";
import type { Db, Tx } from "../../db/client.ts";
import { users } from "../../platform/platform.schema.ts";
import type { Purge } from "../../platform/purge.ts";
import { purgeExpiredSubscribers } from "../communication/index.ts";
import { purgeExpiredDietaryNeeds, purgeExpiredRegistrations } from "../events/index.ts";
import { anonymiseExpiredSubmitters } from "../ideas/index.ts";
import { purgeFailedMail } from "../mail/index.ts";
import { retentionRules } from "./retention.schema.ts";

/** Which module removes each category's personal data (each in its own tables, through its door). */
export const purges: Record<RetentionCategory, Purge> = {
  event_registrations: purgeExpiredRegistrations,
  newsletter_subscribers: purgeExpiredSubscribers,
  idea_submitters: anonymiseExpiredSubmitters,
  outbox_failed: purgeFailedMail,
  event_dietary_needs: purgeExpiredDietaryNeeds,
};

/** Every category's rule: the stored one, or the default. */
export async function currentRules(db: Db | Tx): Promise<RetentionRuleView[]> {
  const rows = await db
    .select({ rule: retentionRules, updatedByName: users.name })
    .from(retentionRules)
    .leftJoin(users, eq(users.id, retentionRules.updatedBy));
  const byKey = new Map(rows.map((r) => [r.rule.key, r]));
  return retentionCategories.map((key) => {
    const stored = byKey.get(key);
    const defaults = retentionDefaults[key];
    return {
      key,
      months: stored?.rule.months ?? defaults.months,
      days: stored?.rule.days ?? defaults.days,
      enabled: stored?.rule.enabled ?? true,
      isDefault: !stored,
      minDays: defaults.minDays,
      updatedBy: stored?.updatedByName ?? null,
      updatedAt: stored?.rule.updatedAt.toISOString() ?? null,
    };
  });
}

/** The cut-off of a rule at `now`: `months` calendar months and `days` days earlier. */
export function cutoff(now: Date, rule: { months: number; days: number }): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - rule.months);
  d.setUTCDate(d.getUTCDate() - rule.days);
  return d;
}

/** A rule's period in days, counting a month as 30, for the shortest-period check. */
export const approximateDays = (rule: { months: number; days: number }) => rule.months * 30 + rule.days;
