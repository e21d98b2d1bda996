import { useTranslation } from "react-i18next";
import { Button, TextField } from "../../components/index.ts";
import { type FieldErrors, fieldId } from "../../lib/forms.ts";

export type EvidenceRow = { label: string; url: string };

/** Rows of "what it is" + web address, added and removed one at a time. */
export function EvidenceLinksField({
  rows,
  onChange,
  errors,
  prefix,
}: {
  rows: EvidenceRow[];
  onChange: (rows: EvidenceRow[]) => void;
  errors: FieldErrors;
  prefix: string;
}) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<EvidenceRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="field">
      <legend className="field-label">{t("activities.evidenceLinks")}</legend>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; order is the identity
        <fieldset key={i} className="role-row">
          <legend>{t("activities.evidenceNumber", { n: i + 1 })}</legend>
          <TextField
            id={fieldId(prefix, `evidenceLinks.${i}.label`)}
            label={t("activities.evidenceLabel")}
            value={row.label}
            onChange={(label) => update(i, { label })}
            error={errors[`evidenceLinks.${i}.label`]}
          />
          <TextField
            id={fieldId(prefix, `evidenceLinks.${i}.url`)}
            label={t("activities.evidenceUrl")}
            type="url"
            value={row.url}
            onChange={(url) => update(i, { url })}
            error={errors[`evidenceLinks.${i}.url`]}
          />
          <Button
            variant="quiet"
            aria-label={t("activities.removeEvidence", { label: row.label || i + 1 })}
            onPress={() => onChange(rows.filter((_, j) => j !== i))}
          >
            {t("common.delete")}
          </Button>
        </fieldset>
      ))}
      <Button variant="secondary" onPress={() => onChange([...rows, { label: "", url: "" }])}>
        {t("activities.addEvidence")}
      </Button>
    </fieldset>
  );
}
