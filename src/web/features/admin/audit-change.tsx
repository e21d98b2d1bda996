import { useTranslation } from "react-i18next";
import type { AuditChangeView } from "../../../common/audit.ts";

/**
 * An audit entry's changes as the server words them (issue 15): each field by its Swedish word and its
 * values with ids replaced by the records' names — "Roller: Samordnare → Programansvarig för Ekonomi".
 * A creation or deletion, or a change of many fields, folds into a <details> so the log stays scannable.
 */
export function AuditChange({
  before,
  after,
  changes,
}: {
  before: unknown;
  after: unknown;
  changes: AuditChangeView[];
}) {
  const { t } = useTranslation();
  if (before == null && after == null) return <span className="muted">–</span>;
  if (changes.length === 0) return <span className="muted">{t("admin.auditNoChange")}</span>;

  const list = (
    <dl className="change-list">
      {changes.map((change, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two fields may share a word; the order is fixed
        <div key={i}>
          <dt>{change.field}</dt>
          <dd>
            {before == null ? (
              (change.after ?? "–")
            ) : after == null ? (
              <del>{change.before ?? "–"}</del>
            ) : (
              <>
                <del>{change.before ?? "–"}</del>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> {t("admin.auditBecame")} </span>
                <ins>{change.after ?? "–"}</ins>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
  if (before != null && after != null && changes.length <= 3) return list;
  const summary =
    before == null
      ? t("admin.auditCreated", { count: changes.length })
      : after == null
        ? t("admin.auditDeleted", { count: changes.length })
        : t("admin.auditChanged", { count: changes.length });
  return (
    <details className="change-details">
      <summary>{summary}</summary>
      {list}
    </details>
  );
}
