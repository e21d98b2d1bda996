import { useTranslation } from "react-i18next";
import type { ImportMapping, ImportPreviewView } from "../../../common/transfer.ts";
import { Alert, TableScroll } from "../../components/index.ts";

/**
 * One row per column of the file: its heading, an example value, and which register field it
 * feeds (a native select per row, named after the column). Required fields left unmapped are listed.
 */
export function MappingTable({
  preview,
  mapping,
  onChange,
}: {
  preview: ImportPreviewView;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
}) {
  const { t } = useTranslation();
  const used = new Set(Object.values(mapping).filter(Boolean));
  const missing = preview.fields.filter((f) => f.required && !used.has(f.key));
  const example = (index: number) => preview.sampleRows.find((r) => r[index])?.[index] ?? "";
  return (
    <>
      {missing.length > 0 && (
        <Alert tone="warning">
          {t("transfer.wizard.missingRequired", { fields: missing.map((f) => f.label).join(", ") })}
        </Alert>
      )}
      <TableScroll label={t("transfer.wizard.mappingCaption")}>
        <table className="data-table">
          <caption>{t("transfer.wizard.mappingCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("transfer.wizard.fileColumn")}</th>
              <th scope="col">{t("transfer.wizard.example")}</th>
              <th scope="col">{t("transfer.wizard.field")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.headers.map((header, index) => (
              <tr key={header}>
                <th scope="row">{header}</th>
                <td className="muted">{example(index)}</td>
                <td>
                  <select
                    className="input select"
                    aria-label={t("transfer.wizard.fieldFor", { column: header })}
                    value={mapping[header] ?? ""}
                    onChange={(event) => onChange({ ...mapping, [header]: event.target.value || null })}
                  >
                    <option value="">{t("transfer.wizard.skip")}</option>
                    {preview.fields.map((f) => (
                      <option key={f.key} value={f.key}>
                        {f.required ? t("transfer.wizard.requiredField", { label: f.label }) : f.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <details>
        <summary>{t("transfer.wizard.fieldHelp")}</summary>
        <dl className="facts">
          {preview.fields.map((f) => (
            <div key={f.key}>
              <dt>{f.required ? t("transfer.wizard.requiredField", { label: f.label }) : f.label}</dt>
              <dd>{f.hint ?? "–"}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
