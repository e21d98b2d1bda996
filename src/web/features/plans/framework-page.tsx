import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { FrameworkView } from "../../../common/goals.ts";
import { Alert, type Column, DataTable, PageHeader, QueryState, Select } from "../../components/index.ts";
import { periodText } from "../../lib/format.ts";
import { frameworkQuery } from "./plans-api.ts";

/** /planer/ramverk/$frameworkId?version=n: a goal framework with its goals in one version. */
export function FrameworkPage({ frameworkId, version }: { frameworkId: string; version?: number }) {
  const framework = useQuery(frameworkQuery(frameworkId, version));
  return <QueryState query={framework}>{(f) => <Framework framework={f} />}</QueryState>;
}

function Framework({ framework: f }: { framework: FrameworkView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const goalColumns: Column<FrameworkView["goals"][number]>[] = [
    { key: "code", header: t("goals.code"), isRowHeader: true, cell: (g) => g.code },
    { key: "text", header: t("goals.text"), cell: (g) => g.text },
    {
      key: "subGoals",
      header: t("goals.subGoals"),
      cell: (g) =>
        g.subGoals.length === 0 ? (
          "–"
        ) : (
          <ul className="plain-list">
            {g.subGoals.map((s) => (
              <li key={s.id}>
                <strong>{s.code}</strong> {s.text}
              </li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <>
      <PageHeader title={f.name} />
      <dl className="facts">
        <dt>{t("goals.owner")}</dt>
        <dd>{f.owner?.name ?? "–"}</dd>
        {f.registryNumber && (
          <>
            <dt>{t("goals.registryNumber")}</dt>
            <dd>{f.registryNumber}</dd>
          </>
        )}
        <dt>{t("goals.period")}</dt>
        <dd>{periodText(f.periodStart, f.periodEnd)}</dd>
      </dl>
      {f.versions.length > 1 && (
        <div className="filter-fields">
          <Select
            label={t("goals.version")}
            value={String(f.version.number)}
            options={f.versions.map((v) => ({
              value: String(v.number),
              label: `${t("goals.versionN", { number: v.number })}${v.current ? ` (${t("goals.currentVersion")})` : ""}`,
            }))}
            onChange={(value) =>
              navigate({
                to: "/planer/ramverk/$frameworkId",
                params: { frameworkId: f.id },
                search: { version: Number(value) },
              })
            }
          />
        </div>
      )}
      <p>
        <Link to="/planer/ramverk/$frameworkId/i-bruk" params={{ frameworkId: f.id }}>
          {t("plans.inUse.link")}
        </Link>
      </p>
      {!f.version.current && <Alert tone="info">{t("goals.olderVersion")}</Alert>}
      {f.vision && (
        <>
          <h2>{t("goals.vision")}</h2>
          <p className="lead">{f.vision}</p>
        </>
      )}
      {f.description && <p>{f.description}</p>}
      <DataTable
        caption={`${t("goals.goals")} – ${t("goals.versionN", { number: f.version.number })}`}
        label={t("goals.goals")}
        columns={goalColumns}
        rows={f.goals}
        rowKey={(g) => g.id}
      />
    </>
  );
}
