import { useTranslation } from "react-i18next";
import type { TransferRegister } from "../../../common/transfer.ts";
import { templateHref } from "./transfer-api.ts";

/** Links to the register's import template: the right Swedish headings and one example row. */
export function TemplateLinks({ register }: { register: TransferRegister }) {
  const { t } = useTranslation();
  return (
    <p>
      {t("transfer.wizard.templateIntro")}{" "}
      <a href={templateHref(register, "xlsx")} download>
        {t("transfer.wizard.templateXlsx")}
      </a>
      {" · "}
      <a href={templateHref(register, "csv")} download>
        {t("transfer.wizard.templateCsv")}
      </a>
    </p>
  );
}
