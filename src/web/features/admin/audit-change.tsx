import { useTranslation } from "react-i18next";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A value on one line: strings as they are, everything else as compact JSON, long ones cut. */
function show(value: unknown): string {
  if (value === undefined || value === null) return "–";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/**
 * Before/after of an audit entry as the fields that changed: "active: true → false". A creation
 * or deletion, or a change of many fields, folds into a <details> so the log stays scannable.
 */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  if (before == null && after == null) return <span className="muted">–</span>;
  if (!isObject(before) && !isObject(after)) return <span>{`${show(before)} → ${show(after)}`}</span>;
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
  if (keys.length === 0) return <span className="muted">{t("admin.auditNoChange")}</span>;

  const list = (
    <dl className="change-list">
      {keys.map((key) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>
            {before == null ? (
              show(a[key])
            ) : after == null ? (
              <del>{show(b[key])}</del>
            ) : (
              <>
                <del>{show(b[key])}</del>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> {t("admin.auditBecame")} </span>
                <ins>{show(a[key])}</ins>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
  if (before != null && after != null && keys.length <= 3) return list;
  const summary =
    before == null
      ? t("admin.auditCreated", { count: keys.length })
      : after == null
        ? t("admin.auditDeleted", { count: keys.length })
        : t("admin.auditChanged", { count: keys.length });
  return (
    <details className="change-details">
      <summary>{summary}</summary>
      {list}
    </details>
  );
}
