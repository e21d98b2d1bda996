import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../../common/format.ts";
import type { RetentionDryRunView, RetentionRuleView, RetentionRunView } from "../../../common/retention.ts";
import { ApiError } from "../../api.ts";
import { useMe } from "../../auth.ts";
import {
  Alert,
  Button,
  Checkbox,
  type Column,
  ConfirmDialog,
  DataTable,
  PageHeader,
  QueryState,
  TextField,
} from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { AdminNav } from "./admin-nav.tsx";
import {
  retentionDryRunQuery,
  retentionRulesQuery,
  retentionRunsQuery,
  useRunRetention,
  useSaveRetentionRules,
} from "./retention-api.ts";

/**
 * Gallring (issue 20, item 3): the rules per category (administrators change them), the dry run of what
 * the next run would remove, "Kör gallring nu", and the reports of earlier runs.
 */
export function RetentionPage() {
  const { t } = useTranslation();
  const rules = useQuery(retentionRulesQuery);
  return (
    <>
      <PageHeader title={t("retention.title")} />
      <AdminNav />
      <p>{t("retention.intro")}</p>
      <section aria-labelledby="retention-rules">
        <h2 id="retention-rules">{t("retention.rulesTitle")}</h2>
        <QueryState query={rules}>{(items) => <RulesForm rules={items} />}</QueryState>
      </section>
      <DryRunSection />
      <RunsSection />
    </>
  );
}

type Draft = { months: string; days: string; enabled: boolean };

const toDrafts = (items: RetentionRuleView[]): Draft[] =>
  items.map((r) => ({ months: String(r.months), days: String(r.days), enabled: r.enabled }));

function RulesForm({ rules }: { rules: RetentionRuleView[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = !!me?.abilities.administer;
  const save = useSaveRetentionRules();
  const [drafts, setDrafts] = useState<Draft[]>(() => toDrafts(rules));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  useEffect(() => setDrafts(toDrafts(rules)), [rules]);

  const change = (i: number, patch: Partial<Draft>) =>
    setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    setErrors({});
    // Only the rules changed here are sent: the others keep their default (or who last set them).
    const changed = rules
      .map((r, i) => ({
        key: r.key,
        // Not a number stays as typed, so the server's message names the field.
        months: toNumber(drafts[i].months),
        days: toNumber(drafts[i].days),
        enabled: drafts[i].enabled,
        index: i,
      }))
      .filter(
        (r, i) => r.months !== rules[i].months || r.days !== rules[i].days || r.enabled !== rules[i].enabled,
      );
    try {
      if (changed.length) {
        await save.mutateAsync({ rules: changed.map(({ index, ...rule }) => rule) });
      }
      setMessage({ tone: "success", text: t("retention.saved") });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // The server numbers the rules sent; the fields are numbered as shown.
      setErrors(
        Object.fromEntries(
          Object.entries(error.fieldErrors).map(([path, messages]) => [
            path.replace(/^rules\.(\d+)\./, (_, n) => `rules.${changed[Number(n)]?.index ?? n}.`),
            messages,
          ]),
        ),
      );
      setMessage({ tone: "error", text: error.problem.detail });
    }
  };

  return (
    <form onSubmit={submit} noValidate className="form retention-rules">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {!canEdit && <p className="small muted">{t("retention.onlyAdmin")}</p>}
      {rules.map((rule, i) => {
        const category = t(`retention.categories.${rule.key}`);
        const fieldError = (field: string) => errors[`rules.${i}.${field}`];
        return (
          <fieldset key={rule.key} disabled={!canEdit}>
            <legend>{category}</legend>
            <p className="small">
              {t(`retention.rules.${rule.key}`)}{" "}
              {rule.minDays > 0 && t("retention.minimum", { days: rule.minDays })}
            </p>
            <div className="retention-period">
              <TextField
                label={t("retention.months")}
                aria-label={t("retention.monthsFor", { category })}
                inputMode="numeric"
                value={drafts[i]?.months ?? ""}
                onChange={(v) => change(i, { months: v })}
                error={fieldError("months")}
                isDisabled={!canEdit}
              />
              <TextField
                label={t("retention.days")}
                aria-label={t("retention.daysFor", { category })}
                inputMode="numeric"
                value={drafts[i]?.days ?? ""}
                onChange={(v) => change(i, { days: v })}
                error={fieldError("days")}
                isDisabled={!canEdit}
              />
            </div>
            <Checkbox
              label={t("retention.enabledFor", { category })}
              checked={drafts[i]?.enabled ?? true}
              onChange={(enabled) => change(i, { enabled })}
              disabled={!canEdit}
            />
            <p className="small muted">
              {rule.isDefault
                ? t("retention.standard")
                : `${t("retention.changedBy", { name: rule.updatedBy ?? t("retention.system") })}, ${formatDateTime(rule.updatedAt ?? "", currentLanguage())}`}
            </p>
          </fieldset>
        );
      })}
      {canEdit && (
        <Button type="submit" isPending={save.isPending}>
          {t("retention.save")}
        </Button>
      )}
    </form>
  );
}

/** A whole number when the text is one; otherwise the text itself, which the server refuses by name. */
function toNumber(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : (trimmed as unknown as number);
}

type DryRunRow = RetentionDryRunView["categories"][number];

function DryRunSection() {
  const { t } = useTranslation();
  const dryRun = useQuery(retentionDryRunQuery);
  const run = useRunRetention();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const columns: Column<DryRunRow>[] = [
    {
      key: "category",
      header: t("retention.category"),
      cell: (c) => t(`retention.categories.${c.key}`),
      isRowHeader: true,
    },
    {
      key: "count",
      header: t("retention.count"),
      cell: (c) => (c.enabled ? c.count : "–"),
      sortValue: (c) => c.count,
    },
    { key: "before", header: t("retention.before"), cell: (c) => formatDate(c.before) },
    {
      key: "examples",
      header: t("retention.examples"),
      cell: (c) =>
        !c.enabled ? (
          t("retention.off")
        ) : c.examples.length === 0 ? (
          t("retention.nothing")
        ) : (
          <ul className="plain-list">
            {c.examples.map((e) => (
              <li key={`${e.label}-${e.date}`}>
                {t("retention.exampleLine", {
                  label: exampleLabel(t, c.key, e.label),
                  date: e.date ?? "–",
                  count: e.count,
                })}
              </li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <section aria-labelledby="retention-dry-run">
      <h2 id="retention-dry-run">{t("retention.dryRunTitle")}</h2>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <QueryState query={dryRun}>
        {(view) => (
          <DataTable
            caption={t("retention.dryRunCaption")}
            columns={columns}
            rows={view.categories}
            rowKey={(c) => c.key}
          />
        )}
      </QueryState>
      <div className="button-row">
        <Button variant="secondary" onPress={() => void dryRun.refetch()} isPending={dryRun.isFetching}>
          {t("retention.refresh")}
        </Button>
        <ConfirmDialog
          triggerLabel={t("retention.runNow")}
          title={t("retention.runNow")}
          message={t("retention.confirmRun")}
          confirmLabel={t("retention.runNow")}
          onConfirm={async () => {
            const report = await run.mutateAsync();
            setMessage(
              report.status === "completed"
                ? { tone: "success", text: t("retention.ran", { total: report.total }) }
                : { tone: "error", text: t("retention.runFailed", { error: report.error ?? report.status }) },
            );
          }}
        />
      </div>
    </section>
  );
}

/** Newsletter examples are statuses; the other categories' labels are titles or purposes, shown as they are. */
function exampleLabel(t: (key: string) => string, category: string, label: string) {
  if (category === "newsletter_subscribers")
    return t(`retention.subscriberStatuses.${label === "unsubscribed" ? "unsubscribed" : "pending"}`);
  return label;
}

function RunsSection() {
  const { t } = useTranslation();
  const runs = useQuery(retentionRunsQuery);
  const columns: Column<RetentionRunView>[] = [
    {
      key: "startedAt",
      header: t("retention.started"),
      cell: (r) => formatDateTime(r.startedAt, currentLanguage()),
      sortValue: (r) => r.startedAt,
      isRowHeader: true,
    },
    { key: "status", header: t("retention.status"), cell: (r) => t(`retention.statuses.${r.status}`) },
    {
      key: "by",
      header: t("retention.by"),
      cell: (r) => `${t(`retention.triggers.${r.trigger}`)} · ${r.startedBy ?? t("retention.system")}`,
    },
    {
      key: "removed",
      header: t("retention.removed"),
      cell: (r) =>
        Object.keys(r.counts).length === 0 ? (
          "–"
        ) : (
          <ul className="plain-list">
            {Object.entries(r.counts).map(([key, count]) => (
              <li key={key}>
                {t(`retention.categories.${key}`)}: {count}
              </li>
            ))}
          </ul>
        ),
    },
    { key: "total", header: t("retention.total"), cell: (r) => r.total, sortValue: (r) => r.total },
  ];
  return (
    <section aria-labelledby="retention-runs">
      <h2 id="retention-runs">{t("retention.runsTitle")}</h2>
      <QueryState query={runs}>
        {(items) => (
          <DataTable
            empty={t("retention.noRuns")}
            caption={t("retention.runsCaption")}
            columns={columns}
            rows={items}
            rowKey={(r) => r.id}
          />
        )}
      </QueryState>
    </section>
  );
}
