import {
  type AuditEntryInWords,
  actionLabel,
  actorName,
  auditSentence,
  entityTypeChoices,
} from "../../../common/audit.ts";
import type { Db } from "../../db/client.ts";
import type { auditLog } from "../../platform/platform.schema.ts";
import { namesOfAuditedRecords } from "../../read/audit-names.ts";

type Row = typeof auditLog.$inferSelect;

const entityLabels = new Map(entityTypeChoices().map((c) => [c.value, c.label]));

/**
 * Audit rows as people read them (issue 15): the actor's name, the action's label and a Swedish
 * sentence naming the record ("Anna Processledare ändrade roller för Bo Berg"). Names come from the
 * records that still exist; the words live in `src/common/audit.ts` so the web's filters use them too.
 */
export async function presentAuditEntries(db: Db, rows: Row[]): Promise<AuditEntryInWords[]> {
  const names = await namesOfAuditedRecords(db, rows);
  return rows.map((row) => ({
    ...row,
    at: row.at.toISOString(),
    actorName: actorName(row.actorLabel),
    actionLabel: actionLabel(row.action, row.entityType),
    entityLabel: entityLabels.get(row.entityType) ?? "Annan post",
    sentence: auditSentence(row, names),
  }));
}
