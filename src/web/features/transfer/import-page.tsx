import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { registerListPath, type TransferRegister, transferRegisters } from "../../../common/transfer.ts";
import { ExportMenu, PageHeader, Select } from "../../components/index.ts";
import { ImportWizard } from "./import-wizard.tsx";

/**
 * /register/import?register=organisations: pick a register, import a file into it, or export it
 * whole. The register list pages embed the same ImportWizard and ExportMenu.
 */
export function ImportPage({ register }: { register: TransferRegister }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t("transfer.page.title")} intro={t("transfer.page.intro")} />
      <div className="narrow">
        <Select
          label={t("transfer.page.register")}
          value={register}
          onChange={(value) =>
            void navigate({ to: "/register/import", search: { register: value as TransferRegister } })
          }
          options={transferRegisters.map((r) => ({ value: r, label: t(`transfer.registers.${r}`) }))}
        />
      </div>
      <ImportWizard key={register} register={register} />
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t("transfer.page.exportTitle")}</h2>
        <p>
          {t("transfer.page.exportIntro")}{" "}
          <Link to={registerListPath[register]}>
            {t("transfer.page.toList", { register: t(`transfer.registers.${register}`) })}
          </Link>
        </p>
        <ExportMenu register={register} />
      </section>
    </>
  );
}
