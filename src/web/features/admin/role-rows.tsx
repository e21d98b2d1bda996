import { useTranslation } from "react-i18next";
import { type RoleAssignment, roleKeys, scopeTypes } from "../../../common/roles.ts";
import { Button, type NamedKind, NamePicker, Select } from "../../components/index.ts";
import { type FieldErrors, fieldId } from "../../lib/forms.ts";

/** A role row as edited in a form: selects hold "" for "no scope". */
export type RoleRow = { role: string; scopeType: string; scopeId: string };

export const emptyRoleRow: RoleRow = { role: "coordinator", scopeType: "", scopeId: "" };

export function toRoleRows(roles: { role: string; scopeType: string | null; scopeId: string | null }[]) {
  return roles.map((r) => ({ role: r.role, scopeType: r.scopeType ?? "", scopeId: r.scopeId ?? "" }));
}

/** What the API takes (setRolesInput / inviteInput validate it on both sides). */
export function toAssignments(rows: RoleRow[]) {
  return rows.map((r) => ({
    role: r.role,
    scopeType: r.scopeType || null,
    scopeId: r.scopeId.trim() || null,
  })) as RoleAssignment[];
}

/**
 * Editable list of roles, each with an optional scope (a programme or an organisation). Field ids
 * follow the error paths (`roles.0.scopeId`) so the form's error summary links to them.
 */
export function RoleRows({
  rows,
  onChange,
  errors,
  prefix,
}: {
  rows: RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  errors: FieldErrors;
  prefix: string;
}) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<RoleRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const roleOptions = roleKeys.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const scopeOptions = [
    { value: "", label: t("admin.noScope") },
    ...scopeTypes.map((s) => ({ value: s, label: t(`scopeTypes.${s}`) })),
  ];
  return (
    <div className="role-rows">
      {rows.length === 0 && <p className="muted">{t("admin.noRoles")}</p>}
      {rows.map((row, i) => {
        const path = (field: string) => `roles.${i}.${field}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; order is the identity
          <fieldset key={i} className="role-row">
            <legend>{t("admin.roleNumber", { n: i + 1 })}</legend>
            <Select
              id={fieldId(prefix, path("role"))}
              label={t("admin.role")}
              options={roleOptions}
              value={row.role}
              onChange={(role) => update(i, { role })}
              error={errors[path("role")]}
            />
            <Select
              id={fieldId(prefix, path("scopeType"))}
              label={t("admin.scopeType")}
              options={scopeOptions}
              value={row.scopeType}
              onChange={(scopeType) => update(i, { scopeType, scopeId: "" })}
              error={errors[path("scopeType")]}
            />
            {row.scopeType ? (
              <NamePicker
                // A new kind of scope starts a new search (and forgets the other kind's choice).
                key={row.scopeType}
                id={fieldId(prefix, path("scopeId"))}
                kind={row.scopeType as NamedKind}
                label={t(`scopeTypes.${row.scopeType}`)}
                value={row.scopeId}
                onChange={(scopeId) => update(i, { scopeId })}
                error={errors[path("scopeId")]}
              />
            ) : (
              errors[path("scopeId")] && (
                <p id={fieldId(prefix, path("scopeId"))} className="field-error" tabIndex={-1}>
                  {t("admin.scopePickTypeFirst")}
                </p>
              )
            )}
            <Button
              variant="quiet"
              aria-label={`${t("admin.removeRole")} ${i + 1}`}
              onPress={() => onChange(rows.filter((_, j) => j !== i))}
            >
              {t("admin.removeRole")}
            </Button>
          </fieldset>
        );
      })}
      <Button variant="secondary" onPress={() => onChange([...rows, emptyRoleRow])}>
        {t("admin.addRole")}
      </Button>
    </div>
  );
}

/** Names for the error summary: "Roll 2, Program". */
export function roleErrorLabels(
  errors: FieldErrors,
  t: (key: string, vars?: Record<string, unknown>) => string,
) {
  const fieldLabels: Record<string, string> = {
    role: t("admin.role"),
    scopeType: t("admin.scopeType"),
    scopeId: t("admin.scopeType"),
  };
  const labels: Record<string, string> = {};
  // The scope's field is named by what it picks ("Program"), never as an id.
  for (const key of Object.keys(errors)) {
    const match = /^roles\.(\d+)\.(\w+)$/.exec(key);
    if (match)
      labels[key] =
        `${t("admin.roleNumber", { n: Number(match[1]) + 1 })}, ${fieldLabels[match[2]] ?? match[2]}`;
  }
  return labels;
}
