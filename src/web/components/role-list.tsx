import { useTranslation } from "react-i18next";

type Role = { role: string; scopeType: string | null; scopeId: string | null };

/** Roles as people read them: "Programansvarig (Program 7d8f3a52…)". */
export function RoleList({ roles }: { roles: Role[] }) {
  const { t } = useTranslation();
  if (roles.length === 0) return <span>{t("common.none")}</span>;
  return (
    <ul className="plain-list">
      {roles.map((r) => (
        <li key={`${r.role}-${r.scopeType}-${r.scopeId}`}>
          {t(`roles.${r.role}`, { defaultValue: r.role })}
          {r.scopeType && (
            <span className="muted">
              {" "}
              ({t(`scopeTypes.${r.scopeType}`, { defaultValue: r.scopeType })}
              {r.scopeId && <span title={r.scopeId}> {r.scopeId.slice(0, 8)}…</span>})
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
