import {
  type AuditEntryWithChanges,
  actionLabel,
  actorName,
  auditChanges,
  auditSentence,
  entityNouns,
  entityTypeChoices,
  idsInValues,
} from "../../../common/audit.ts";
import type { Db } from "../../db/client.ts";
import type { auditLog } from "../../platform/platform.schema.ts";
import { namesOfAuditedRecords } from "../../read/audit-names.ts";

type Row = typeof auditLog.$inferSelect;

const entityLabels = new Map(entityTypeChoices().map((c) => [c.value, c.label]));

/**
 * Audit rows as people read them (issue 15): the actor's name, the action's label and a Swedish
 * sentence naming the record ("Anna Processledare ändrade roller för Bo Berg"). Names come from the
 * records that still exist, and the change column names fields in Swedish and ids by their records' names
 * (never a uuid on screen); the words live in `src/common/audit.ts` so the web's filters use them too.
 */
export async function presentAuditEntries(db: Db, rows: Row[]): Promise<AuditEntryWithChanges[]> {
  // The ids inside the values (a role's scope, a project's owner …) are named too: uuids are unique
  // across tables, so each is looked up among every kind of record the read layer can name.
  const ids = idsInValues(...rows.flatMap((r) => [r.before, r.after]));
  const kinds = Object.keys(entityNouns);
  const names = await namesOfAuditedRecords(db, [
    ...rows,
    ...ids.flatMap((entityId) => kinds.map((entityType) => ({ entityType, entityId }))),
  ]);
  return rows.map((row) => ({
    ...row,
    at: row.at.toISOString(),
    actorName: actorName(row.actorLabel),
    actionLabel: actionLabel(row.action, row.entityType),
    entityLabel: entityLabels.get(row.entityType) ?? "Annan post",
    sentence: auditSentence(row, names),
    changes: auditChanges(row.before, row.after, names),
  }));
}
