import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatKronor } from "../../../common/format.ts";
import { type PlanItemView, planItemStatuses, progressInput } from "../../../common/plans.ts";
import {
  Alert,
  Button,
  FormErrorSummary,
  FormProblem,
  GoalCodes,
  PageHeader,
  QueryState,
  Select,
  TextField,
} from "../../components/index.ts";
import { TextAreaField } from "../../components/text-area-field.tsx";
import { currentLanguage } from "../../i18n/index.ts";
import { useAddAndReset, useForm } from "../../lib/forms.ts";
import { PlanItemOccurrences } from "./plan-occurrences.tsx";
import { startLabel } from "./plan-page.tsx";
import { planQuery, useAddProgress } from "./plans-api.ts";

/** /planer/$planId/insats/$itemId: one item with its progress notes and the activities that deliver it. */
export function PlanItemPage({ planId, itemId }: { planId: string; itemId: string }) {
  const plan = useQuery(planQuery(planId));
  const { t } = useTranslation();
  return (
    <QueryState query={plan}>
      {(p) => {
        const item = p.items.find((i) => i.id === itemId);
        if (!item) return <Alert tone="error">{t("errors.notFound")}</Alert>;
        return <ItemDetails planId={planId} planTitle={p.title} item={item} canManage={p.abilities.manage} />;
      }}
    </QueryState>
  );
}

function ItemDetails({
  planId,
  planTitle,
  item,
  canManage,
}: {
  planId: string;
  planTitle: string;
  item: PlanItemView;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("plans.openItem", { number: item.number, title: item.title })} />
      <p>
        <Link to="/planer/$planId" params={{ planId }}>
          {t("plans.back")}: {planTitle}
        </Link>
      </p>
      {item.description && <p className="lead">{item.description}</p>}
      <dl className="facts">
        <dt>{t("plans.section")}</dt>
        <dd>{item.section?.name ?? "–"}</dd>
        <dt>{t("plans.goals")}</dt>
        <dd>
          <GoalCodes goals={item.goals} />
        </dd>
        <dt>{t("plans.targetGroups")}</dt>
        <dd>{item.targetGroups.join(", ") || "–"}</dd>
        <dt>{t("plans.responsible")}</dt>
        <dd>{item.responsibleText ?? "–"}</dd>
        <dt>{t("plans.start")}</dt>
        <dd>
          {startLabel(item)} {item.startDate && <span className="muted">({item.startDate})</span>}
        </dd>
        <dt>{t("plans.resources")}</dt>
        <dd>{item.resources === null ? "–" : formatKronor(item.resources, currentLanguage())}</dd>
        <dt>{t("plans.status")}</dt>
        <dd>{t(`plans.statuses.${item.status}`)}</dd>
        <dt>{t("plans.delivered")}</dt>
        <dd>
          {item.activities.length === 0
            ? "–"
            : item.activities.map((a, i) => (
                <span key={a.id}>
                  {i > 0 && ", "}
                  <Link to="/aktiviteter/$id" params={{ id: a.id }}>
                    {a.title}
                  </Link>
                </span>
              ))}
        </dd>
      </dl>
      {item.occurrences.length > 0 && (
        <PlanItemOccurrences planId={planId} item={item} canManage={canManage} />
      )}
      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t("plans.progress")}</h2>
        {item.progress.length === 0 ? (
          <p className="muted">{t("plans.noProgress")}</p>
        ) : (
          <ul className="plain-list progress-list">
            {item.progress.map((p) => (
              <li key={p.id}>
                <strong>{p.date}</strong>
                {p.status && <> · {t(`plans.statuses.${p.status}`)}</>} · {p.authorName}
                <p>{p.note}</p>
              </li>
            ))}
          </ul>
        )}
        {canManage && <ProgressForm planId={planId} itemId={item.id} />}
      </section>
    </>
  );
}

function ProgressForm({ planId, itemId }: { planId: string; itemId: string }) {
  const { t } = useTranslation();
  const add = useAddProgress(planId, itemId);
  const form = useForm(
    progressInput,
    { date: new Date().toISOString().slice(0, 10), note: "", status: "" },
    (v) => ({
      ...v,
      status: v.status || null,
    }),
  );
  const labels = { date: t("plans.date"), note: t("plans.note"), status: t("plans.status") };
  const { done: saved, submit } = useAddAndReset(form, async (data) => {
    await add.mutateAsync(data);
    return true;
  });
  return (
    <form className="form" noValidate onSubmit={submit}>
      <h3>{t("plans.addProgress")}</h3>
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <FormProblem form={form} />
      {saved && <Alert tone="success">{t("plans.progressSaved")}</Alert>}
      <TextField label={labels.date} {...form.field("date")} />
      <TextAreaField label={labels.note} {...form.field("note")} />
      <Select
        label={labels.status}
        id={`${form.prefix}-status`}
        value={form.values.status}
        onChange={(v) => form.setValue("status", v)}
        options={[
          { value: "", label: t("plans.none") },
          ...planItemStatuses.map((s) => ({ value: s, label: t(`plans.statuses.${s}`) })),
        ]}
        error={form.errors.status}
      />
      <Button type="submit" isPending={form.submitting}>
        {t("plans.addProgress")}
      </Button>
    </form>
  );
}
