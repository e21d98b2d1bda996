import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumber } from "../../../common/format.ts";
import type { IndicatorRecord, IndicatorView } from "../../../common/indicators.ts";
import {
  Alert,
  Button,
  DataTable,
  DeleteRecordWithImpact,
  PageHeader,
  QueryState,
} from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { AddValueForm } from "./add-value-form.tsx";
import { fetchRecords, indicatorQuery, valuesQuery } from "./follow-up-api.ts";
import { IndicatorForm, subjectOf } from "./indicator-form.tsx";
import { Sparkline, StatusBadge, TargetText } from "./indicator-parts.tsx";

/** /uppfoljning/indikatorer/$id: target and actual, the definition in words, history, what is counted. */
export function IndicatorPage({ id }: { id: string }) {
  const indicator = useQuery(indicatorQuery(id));
  return <QueryState query={indicator}>{(data) => <Indicator indicator={data} />}</QueryState>;
}

const percent = (share: number | null, locale: "sv" | "en") =>
  share === null ? "–" : `${formatNumber(share * 100, locale)} %`;

function Indicator({ indicator: i }: { indicator: IndicatorView }) {
  const { t } = useTranslation();
  const locale = currentLanguage();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const subject = subjectOf(i);
  const back = i.project
    ? { search: { projekt: i.project.id }, name: i.project.name }
    : i.framework
      ? { search: { ramverk: i.framework.id }, name: i.framework.name }
      : i.organisation
        ? { search: { organisation: i.organisation.id }, name: i.organisation.name }
        : null;
  return (
    <>
      <PageHeader
        title={i.name}
        intro={<StatusBadge status={i.status} />}
        actions={
          <IndicatorActions
            indicator={i}
            back={back?.search}
            editing={editing}
            onEdit={() => {
              setSaved(false);
              setEditing(true);
            }}
          />
        }
      />
      {saved && <Alert tone="success">{t("indicators.form.saved")}</Alert>}
      {editing && subject && (
        <section className="no-print">
          <IndicatorForm
            subject={subject}
            indicator={i}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
            }}
            onCancel={() => setEditing(false)}
          />
        </section>
      )}
      {back && (
        <p className="no-print">
          <Link to="/uppfoljning" search={back.search}>
            {t("indicators.goalsOf", { name: back.name })}
          </Link>
        </p>
      )}
      {(i.goalText || i.goal) && (
        <p className="lead">{i.goal ? `${i.goal.code}. ${i.goal.text}` : i.goalText}</p>
      )}
      <dl className="facts">
        <dt>{t("indicators.target")}</dt>
        <dd>
          <TargetText indicator={i} />
        </dd>
        <dt>{t("indicators.actual")}</dt>
        <dd className="actual-value">{i.actual === null ? "–" : formatNumber(i.actual, locale)}</dd>
        <dt>{t("indicators.progress")}</dt>
        <dd>{percent(i.progress, locale)}</dd>
        <dt>{t("indicators.elapsed")}</dt>
        <dd>{percent(i.elapsed, locale)}</dd>
        <dt>{t("indicators.startDate")}</dt>
        <dd>{i.startDate ?? "–"}</dd>
        <dt>{t("indicators.deadline")}</dt>
        <dd>{i.deadline ?? "–"}</dd>
        <dt>{t("indicators.definition")}</dt>
        <dd>{i.definitionText}</dd>
        {i.organisation && (
          <>
            <dt>{t("indicators.organisation")}</dt>
            <dd>
              <Link to="/register/organisationer/$id" params={{ id: i.organisation.id }}>
                {i.organisation.name}
              </Link>
            </dd>
          </>
        )}
        <dt>{t("indicators.asOfLabel")}</dt>
        <dd>{i.asOf ? (i.kind === "computed" ? formatDateTime(i.asOf, locale) : i.asOf) : "–"}</dd>
      </dl>
      <History indicator={i} />
      {i.kind === "computed" ? <Records id={i.id} /> : <Values indicator={i} />}
    </>
  );
}

type BackSearch = { projekt?: string; ramverk?: string; organisation?: string };

/** "Redigera" and "Ta bort" for those the server allows; deleting first says what goes with it. */
function IndicatorActions({
  indicator: i,
  back,
  editing,
  onEdit,
}: {
  indicator: IndicatorView;
  back?: BackSearch;
  editing: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <div className="button-row no-print">
      {i.abilities.update && subjectOf(i) && !editing && (
        <Button variant="secondary" onPress={onEdit}>
          {t("common.edit")}
        </Button>
      )}
      {i.abilities.delete && (
        <DeleteRecordWithImpact
          path={`/api/indicators/${i.id}`}
          invalidates={["programmes", "courses", "activities"]}
          triggerLabel={t("indicators.deleteIndicator")}
          title={t("indicators.deleteConfirm", { name: i.name })}
          nothingElse={t(
            i.kind === "computed"
              ? "indicators.deleteNothingElseComputed"
              : "indicators.deleteNothingElseManual",
          )}
          onDeleted={async () => {
            // The cached lists still hold the deleted indicator: drop them before going back, so the list
            // page loads afresh instead of showing it until its refetch lands. This page's own query goes
            // after we have left it (dropping it here would fetch the deleted indicator again).
            queryClient.removeQueries({
              predicate: (q) => q.queryKey[0] === "follow-up" && q.queryKey[1] !== "indicator",
            });
            await navigate({ to: "/uppfoljning", search: back ?? {} });
            queryClient.removeQueries({ queryKey: ["follow-up", "indicator"] });
          }}
        />
      )}
    </div>
  );
}

function History({ indicator: i }: { indicator: IndicatorView }) {
  const { t } = useTranslation();
  const locale = currentLanguage();
  if (!i.history.length) return null;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("indicators.history")}</h2>
      <Sparkline values={i.history.map((p) => p.value)} label="" />
      <DataTable
        caption={t("indicators.history")}
        captionHidden
        columns={[
          { key: "date", header: t("indicators.date"), isRowHeader: true, cell: (p) => p.date },
          {
            key: "value",
            header: t("indicators.value"),
            className: "numeric",
            cell: (p) => formatNumber(p.value, locale),
          },
        ]}
        rows={i.history}
        rowKey={(p) => p.date}
      />
    </section>
  );
}

/** A record's label, linked to its register page where it has one. */
function RecordLink({ record: r }: { record: IndicatorRecord }): ReactNode {
  const { t } = useTranslation();
  // A gender group is an aggregate: its label is the group's key, shown in words.
  if (r.kind === "group") return t(`events.register.genderOptions.${r.label}`);
  if (!r.id) return r.label;
  if (r.kind === "support")
    return (
      <Link to="/lokalt-utvecklingsarbete/$id" params={{ id: r.id }}>
        {r.label}
      </Link>
    );
  if (r.kind === "person")
    return (
      <Link to="/register/personer/$id" params={{ id: r.id }}>
        {r.label}
      </Link>
    );
  if (r.kind === "activity")
    return (
      <Link to="/aktiviteter/$id" params={{ id: r.id }}>
        {r.label}
      </Link>
    );
  if (r.kind === "organisation")
    return (
      <Link to="/register/organisationer/$id" params={{ id: r.id }}>
        {r.label}
      </Link>
    );
  if (r.kind === "agreement")
    return (
      <Link to="/avtal/$id" params={{ id: r.id }}>
        {r.label}
      </Link>
    );
  if (r.projectId)
    return (
      <Link to="/planer/projekt/$projectId" params={{ projectId: r.projectId }}>
        {r.label}
      </Link>
    );
  return r.label;
}

function Records({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLanguage();
  const records = useInfiniteQuery({
    queryKey: ["follow-up", "indicator", id, "records"],
    queryFn: ({ pageParam }) => fetchRecords(id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const first = records.data?.pages[0];
  const items = records.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="records-heading">
      <h2 id="records-heading">{t("indicators.records")}</h2>
      {first && (
        <p>
          {t("indicators.recordsIntro", {
            total: formatNumber(first.total, locale),
            value: formatNumber(first.value, locale),
          })}
        </p>
      )}
      {items.length > 0 && (
        <DataTable
          caption={t("indicators.records")}
          captionHidden
          columns={[
            {
              key: "record",
              header: t(`indicators.recordKinds.${items[0].kind}`),
              isRowHeader: true,
              cell: (r) => <RecordLink record={r} />,
            },
            { key: "date", header: t("indicators.date"), cell: (r) => r.date ?? "–" },
            { key: "note", header: t("indicators.note"), cell: (r) => r.detail ?? "" },
            {
              key: "amount",
              header: t("indicators.amount"),
              className: "numeric",
              cell: (r) => formatNumber(r.amount, locale),
            },
          ]}
          rows={items}
          // Records arrive in a fixed order and only grow at the end.
          rowKey={(r, n) => `${r.kind}-${r.id ?? r.label}-${n}`}
        />
      )}
      {records.hasNextPage && (
        <Button
          variant="secondary"
          onPress={() => records.fetchNextPage()}
          isPending={records.isFetchingNextPage}
        >
          {t("common.loadMore")}
        </Button>
      )}
    </section>
  );
}

function Values({ indicator: i }: { indicator: IndicatorView }) {
  const { t } = useTranslation();
  const locale = currentLanguage();
  const values = useQuery(valuesQuery(i.id));
  return (
    <>
      <section aria-labelledby="values-heading">
        <h2 id="values-heading">{t("indicators.values")}</h2>
        <QueryState query={values}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="muted">{t("indicators.statuses.no_data")}</p>
            ) : (
              <DataTable
                caption={t("indicators.values")}
                captionHidden
                columns={[
                  { key: "date", header: t("indicators.date"), isRowHeader: true, cell: (v) => v.date },
                  {
                    key: "value",
                    header: t("indicators.value"),
                    className: "numeric",
                    cell: (v) => formatNumber(v.value, locale),
                  },
                  {
                    key: "evidence",
                    header: t("indicators.evidence"),
                    cell: (v) => (
                      <>
                        {v.note && <div>{v.note}</div>}
                        {v.evidenceUrl && (
                          <div>
                            <a href={v.evidenceUrl} rel="noopener noreferrer">
                              {v.evidenceUrl}
                            </a>
                          </div>
                        )}
                        {v.evidenceFile && (
                          <div>
                            <a href={v.evidenceFile.url} download>
                              {v.evidenceFile.name}
                            </a>
                          </div>
                        )}
                      </>
                    ),
                  },
                  {
                    key: "enteredBy",
                    header: t("indicators.enteredBy"),
                    cell: (v) => (
                      <>
                        {v.enteredBy}
                        <span className="muted small"> · {formatDateTime(v.enteredAt, locale)}</span>
                      </>
                    ),
                  },
                ]}
                rows={data.items}
                rowKey={(v) => v.id}
              />
            )
          }
        </QueryState>
      </section>
      {i.abilities.addValue && (
        <section className="no-print">
          <AddValueForm indicatorId={i.id} />
        </section>
      )}
    </>
  );
}
