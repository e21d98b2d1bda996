import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { TransferRegister } from "../../common/transfer.ts";
import { queryString } from "../api.ts";

/**
 * "Exportera: Excel (XLSX) · CSV" for a register list: plain download links of the list under the
 * filters it shows now (pass the same filters the list query uses; empty ones are left out).
 */
export function ExportMenu({
  register,
  filters = {},
}: {
  register: TransferRegister;
  filters?: Record<string, string | number | undefined | null>;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="button-row">
      <span id={id}>{t("transfer.export.label")}</span>
      <a
        className="btn btn-secondary"
        href={exportHref(register, "xlsx", filters)}
        download
        aria-describedby={id}
      >
        {t("transfer.export.xlsx")}
      </a>
      <a
        className="btn btn-secondary"
        href={exportHref(register, "csv", filters)}
        download
        aria-describedby={id}
      >
        {t("transfer.export.csv")}
      </a>
    </div>
  );
}

/** The download address of a register's list under its current filters. */
export function exportHref(
  register: TransferRegister,
  format: "xlsx" | "csv",
  filters: Record<string, string | number | undefined | null> = {},
) {
  return `/api/${register}/export${queryString({ ...filters, format })}`;
}
