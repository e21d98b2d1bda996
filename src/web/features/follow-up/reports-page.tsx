import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, EmptyState, PageHeader, QueryState, Select, TextField } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { choicesQuery, type ReportKind, type ReportParams, reportQuery, reportUrl } from "./follow-up-api.ts";
import { FollowUpNav } from "./follow-up-nav.tsx";
import { yearChoices } from "./money-page.tsx";
import { ReportView } from "./report-view.tsx";

/** The page's search parameters, in Swedish as the address shows them. */
export interface ReportSearch {
  typ?: ReportKind;
  organisation?: string;
  ar?: string;
  projekt?: string;
  fran?: string;
  till?: string;
}

function paramsOf(s: ReportSearch): ReportParams | null {
  if (s.typ === "annual" && s.organisation && s.ar) return { organisationId: s.organisation, year: s.ar };
  if (s.typ === "progress" && s.projekt && s.fran && s.till)
    return { projectId: s.projekt, from: s.fran, to: s.till };
  if (s.typ === "follow-up" && s.projekt) return { projectId: s.projekt };
  return null;
}

/** /uppfoljning/rapporter: choose a report, read it here, download it as PDF, Word, Excel or a web page. */
export function ReportsPage({ search }: { search: ReportSearch }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const kind = search.typ ?? "annual";
  const params = paramsOf({ ...search, typ: kind });
  const report = useQuery(reportQuery(kind, params ?? {}, lang, params !== null));
  return (
    <>
      <PageHeader title={t("reports.page.title")} intro={t("reports.page.intro")} />
      <FollowUpNav />
      <ReportPicker key={JSON.stringify(search)} search={{ ...search, typ: kind }} />
      {params ? (
        <>
          <nav aria-label={t("reports.page.downloads")} className="downloads no-print">
            <h2>{t("reports.page.downloads")}</h2>
            <ul className="plain-list button-row">
              {(["pdf", "docx", "xlsx", "html"] as const).map((format) => (
                <li key={format}>
                  <a
                    className="btn btn-secondary"
                    href={reportUrl(kind, params, format, lang)}
                    download={format !== "html" || undefined}
                  >
                    {t(`reports.page.${format}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <QueryState query={report}>{(doc) => <ReportView doc={doc} />}</QueryState>
        </>
      ) : (
        <EmptyState message={t("reports.page.intro")} />
      )}
    </>
  );
}

function ReportPicker({ search }: { search: ReportSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState({
    typ: search.typ ?? "annual",
    organisation: search.organisation ?? "",
    ar: search.ar ?? String(new Date().getFullYear() - 1),
    projekt: search.projekt ?? "",
    fran: search.fran ?? "",
    till: search.till ?? "",
  });
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const organisations = useQuery(choicesQuery("organisations"));
  const projects = useQuery(choicesQuery("projects"));
  const choose = [{ value: "", label: t("reports.page.choose") }];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { typ, organisation, ar, projekt, fran, till } = values;
    const next: ReportSearch =
      typ === "annual"
        ? { typ, organisation, ar }
        : typ === "progress"
          ? { typ, projekt, fran, till }
          : { typ: typ as ReportKind, projekt };
    void navigate({ to: "/uppfoljning/rapporter", search: next });
  };
  return (
    <form className="filter-fields no-print" onSubmit={submit} aria-label={t("reports.page.pick")}>
      <Select
        label={t("reports.page.kind")}
        value={values.typ}
        onChange={(typ) => setValues((v) => ({ ...v, typ: typ as ReportKind }))}
        options={[
          { value: "annual", label: t("reports.page.annual") },
          { value: "progress", label: t("reports.page.progress") },
          { value: "follow-up", label: t("reports.page.followUp") },
        ]}
      />
      {values.typ === "annual" ? (
        <>
          <Select
            label={t("reports.page.organisation")}
            value={values.organisation}
            onChange={set("organisation")}
            options={[...choose, ...(organisations.data ?? [])]}
          />
          <Select
            label={t("reports.page.year")}
            value={values.ar}
            onChange={set("ar")}
            options={yearChoices().map((y) => ({ value: y, label: y }))}
          />
        </>
      ) : (
        <Select
          label={t("reports.page.project")}
          value={values.projekt}
          onChange={set("projekt")}
          options={[...choose, ...(projects.data ?? [])]}
        />
      )}
      {values.typ === "progress" && (
        <>
          <TextField
            label={t("reports.page.from")}
            description={t("common.dateFormat")}
            value={values.fran}
            onChange={set("fran")}
          />
          <TextField
            label={t("reports.page.to")}
            description={t("common.dateFormat")}
            value={values.till}
            onChange={set("till")}
          />
        </>
      )}
      <div className="field field-action">
        <Button type="submit">{t("reports.page.show")}</Button>
      </div>
    </form>
  );
}
