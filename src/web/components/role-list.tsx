import { useTranslation } from "react-i18next";
import { useRecordName } from "./name-picker.tsx";

type Role = { role: string; scopeType: string | null; scopeId: string | null };

/** Roles as people read them: "Programansvarig (Program: Socionomprogrammet)" — the scope by its name. */
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
              {r.scopeId && <ScopeName kind={r.scopeType} id={r.scopeId} />})
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The scope's name once known; while loading (or if it is gone) no id is shown, only the kind. */
function ScopeName({ kind, id }: { kind: string; id: string }) {
  const { t } = useTranslation();
  const { name, isError } = useRecordName(kind, id);
  if (name) return <span className="scope-name">: {name}</span>;
  return isError ? <span>: {t("admin.scopeGone")}</span> : null;
}
