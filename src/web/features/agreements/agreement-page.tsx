import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { AgreementView } from "../../../common/agreements.ts";
import { formatCredits, formatDate, formatKronor } from "../../../common/format.ts";
import {
  type Column,
  ConfirmDialog,
  DataTable,
  EmptyState,
  PageHeader,
  QueryState,
} from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import {
  AppendixForm,
  CommentForm,
  DialogueForm,
  NeedForm,
  PlanUploadForm,
  SpendOnAgreementForm,
} from "./agreement-forms.tsx";
import { agreementQuery, useRemoveItem } from "./agreements-api.ts";

/** /avtal/$id: parties, phase and status, needs (uncovered first), the appendix in packages, dialogues, budget. */
export function AgreementPage({ id }: { id: string }) {
  const agreement = useQuery(agreementQuery(id));
  return <QueryState query={agreement}>{(a) => <AgreementDetails agreement={a} />}</QueryState>;
}

function AgreementDetails({ agreement: a }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const kr = (n: number) => formatKronor(n, lang);
  const needTitle = new Map(a.needs.map((n) => [n.id, n.title]));
  const rowName = new Map(a.appendix.map((r) => [r.id, `${r.name} (${r.code})`]));
  const remove = useRemoveItem(a.id);
  /** A "Ta bort" that asks first; the server's refusal (409 for a covered need) shows in the dialog. */
  const removeButton = (path: string, name: string, message: string) => (
    <ConfirmDialog
      triggerLabel={t("agreements.remove")}
      triggerAriaLabel={`${t("agreements.remove")} ${name}`}
      title={t("agreements.confirmRemove", { name })}
      message={message}
      confirmLabel={t("agreements.remove")}
      onConfirm={() => remove.mutateAsync(path)}
    />
  );
  const appendixColumns: Column<AgreementView["appendix"][number]>[] = [
    {
      key: "course",
      header: t("agreements.course"),
      isRowHeader: true,
      cell: (r) => (
        <>
          {r.name} <span className="muted">{r.code}</span>
        </>
      ),
    },
    { key: "term", header: t("agreements.term"), cell: (r) => r.term },
    {
      key: "credits",
      header: t("agreements.credits"),
      cell: (r) => (r.credits === null ? "–" : formatCredits(r.credits, lang)),
    },
    { key: "places", header: t("agreements.places"), cell: (r) => r.places },
    { key: "price", header: t("agreements.price"), cell: (r) => (r.price === null ? "–" : kr(r.price)) },
    {
      key: "serves",
      header: t("agreements.serves"),
      cell: (r) => r.needIds.map((n) => needTitle.get(n)).join(", ") || "–",
    },
  ];
  if (a.abilities.addAppendix)
    appendixColumns.push({
      key: "actions",
      header: t("agreements.actions"),
      cell: (r) => removeButton(`appendix/${r.id}`, `${r.name} ${r.term}`, t("agreements.removeRowMessage")),
    });
  const actions = (
    <div className="button-row">
      <a className="btn btn-secondary" href={`/api/agreements/${a.id}/appendix.pdf`} download>
        {t("agreements.downloadPdf")}
      </a>
      <a className="btn btn-secondary" href={`/api/agreements/${a.id}/appendix.docx`} download>
        {t("agreements.downloadDocx")}
      </a>
    </div>
  );
  return (
    <>
      <PageHeader title={a.title} actions={actions} />
      <dl className="facts">
        <dt>{t("agreements.parties")}</dt>
        <dd>
          <ul className="plain-list">
            {a.parties.map((p) => (
              <li key={p.organisationId}>
                {p.name} <span className="muted">({t(`agreements.${p.role}`)})</span>
                {p.contactName && ` · ${t("agreements.contact")}: ${p.contactName}`}
                {p.cofinancing !== null && ` · ${t("agreements.cofinancing")}: ${kr(p.cofinancing)}`}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t("agreements.period")}</dt>
        <dd>
          {formatDate(a.startDate)} – {formatDate(a.endDate)}
        </dd>
        {a.registryNumber && (
          <>
            <dt>{t("agreements.registryNumber")}</dt>
            <dd>{a.registryNumber}</dd>
          </>
        )}
        <dt>{t("agreements.phase")}</dt>
        <dd>{t(`agreements.phases.${a.phase}`)}</dd>
        <dt>{t("agreements.status")}</dt>
        <dd>{t(`agreements.statuses.${a.status}`)}</dd>
        <dt>{t("agreements.history")}</dt>
        <dd>
          {a.history
            .map(
              (h) =>
                `${formatDate(h.at)}: ${t(`agreements.phases.${h.phase}`)}, ${t(`agreements.statuses.${h.status}`)}`,
            )
            .join(" → ")}
        </dd>
        {a.notes && (
          <>
            <dt>{t("agreements.notes")}</dt>
            <dd>{a.notes}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="agreement-plans">
        <h2 id="agreement-plans">{t("agreements.plans")}</h2>
        {a.plans.length === 0 ? (
          <EmptyState message={t("agreements.plansEmpty")} />
        ) : (
          <ul className="plain-list">
            {[...a.plans].reverse().map((p) => (
              <li key={p.id}>
                <a href={`/api/agreements/${a.id}/plans/${p.id}`} download>
                  {p.filename}
                </a>{" "}
                <span className="muted">
                  {t("agreements.uploadedBy", { date: formatDate(p.uploadedAt), name: p.uploadedBy ?? "–" })}
                </span>
              </li>
            ))}
          </ul>
        )}
        {a.abilities.uploadPlan && <PlanUploadForm agreementId={a.id} />}
      </section>

      <section aria-labelledby="agreement-needs">
        <h2 id="agreement-needs">{t("agreements.needs")}</h2>
        {a.needs.length === 0 ? (
          <EmptyState message={t("agreements.needsEmpty")} />
        ) : (
          <ul className="card-list">
            {a.needs.map((n) => (
              <li key={n.id} className="card">
                <h3 className="card-title">{n.title}</h3>
                <p>
                  <strong>{t(`agreements.needStatuses.${n.status}`)}</strong>
                  {n.targetGroup && ` · ${t("agreements.targetGroup")}: ${n.targetGroup}`}
                  {n.staffCount !== null && ` · ${t("agreements.staffCount")}: ${n.staffCount}`}
                  {` · ${t("agreements.source")}: ${t(`agreements.sources.${n.source}`)}`}
                </p>
                {n.appendixIds.length > 0 && (
                  <p className="muted">
                    {t("agreements.coveredBy")}: {n.appendixIds.map((r) => rowName.get(r)).join(", ")}
                  </p>
                )}
                {a.abilities.update &&
                  removeButton(`needs/${n.id}`, n.title, t("agreements.removeNeedMessage"))}
              </li>
            ))}
          </ul>
        )}
        {a.abilities.addNeed && <NeedForm agreementId={a.id} />}
      </section>

      <section aria-labelledby="agreement-appendix">
        <h2 id="agreement-appendix">
          {t("agreements.appendixHeading", {
            count: a.appendix.length,
            credits: formatCredits(a.totalCredits, lang),
          })}
        </h2>
        {a.appendix.length === 0 ? (
          <EmptyState message={t("agreements.appendixEmpty")} />
        ) : (
          a.packages.map((p) => (
            <DataTable
              key={p.name}
              caption={`${p.name || t("agreements.noPackage")}: ${formatCredits(p.totalCredits, lang)}, ${kr(p.cost)}`}
              label={p.name || t("agreements.noPackage")}
              columns={appendixColumns}
              rows={a.appendix.filter((r) => p.appendixIds.includes(r.id))}
              rowKey={(r) => r.id}
            />
          ))
        )}
        {a.abilities.addAppendix && <AppendixForm agreement={a} />}
      </section>

      <section aria-labelledby="agreement-budget">
        <h2 id="agreement-budget">{t("agreements.budget")}</h2>
        <p>
          {t("agreements.budget")}: {kr(a.budget)} · {t("agreements.planned")}: {kr(a.planned)} ·{" "}
          {t("agreements.spent")}: {kr(a.spent)} ·{" "}
          <strong>
            {t("agreements.remaining")}: {kr(a.remaining)}
          </strong>
        </p>
        <DataTable
          caption={t("agreements.budgetCaption")}
          rows={a.years}
          rowKey={(y) => String(y.year)}
          columns={[
            { key: "year", header: t("agreements.year"), isRowHeader: true, cell: (y) => y.year },
            { key: "budget", header: t("agreements.budget"), cell: (y) => kr(y.budget) },
            { key: "planned", header: t("agreements.planned"), cell: (y) => kr(y.planned) },
            { key: "spent", header: t("agreements.spent"), cell: (y) => kr(y.spent) },
            { key: "remaining", header: t("agreements.remaining"), cell: (y) => kr(y.remaining) },
          ]}
        />
        {a.abilities.addAppendix && a.status !== "ended" && <SpendOnAgreementForm agreement={a} />}
      </section>

      <section aria-labelledby="agreement-follow-up">
        <h2 id="agreement-follow-up">{t("agreements.followUp")}</h2>
        <dl className="facts">
          <dt>{t("agreements.coursesDelivered")}</dt>
          <dd>
            {a.followUp.coursesDelivered} / {a.followUp.courses}
          </dd>
          <dt>{t("agreements.participants")}</dt>
          <dd>{a.followUp.participants}</dd>
          <dt>{t("agreements.creditsTaken")}</dt>
          <dd>{formatCredits(a.followUp.creditsTaken, lang)}</dd>
          <dt>{t("agreements.needsCovered")}</dt>
          <dd>
            {a.followUp.needsCovered} / {a.followUp.needs}
          </dd>
          <dt>{t("agreements.budgetUse")}</dt>
          <dd>{a.followUp.budgetUse === null ? "–" : `${Math.round(a.followUp.budgetUse * 100)} %`}</dd>
        </dl>
      </section>

      <section aria-labelledby="agreement-dialogues">
        <h2 id="agreement-dialogues">{t("agreements.dialogues")}</h2>
        {a.dialogues.length === 0 ? (
          <EmptyState message={t("agreements.dialoguesEmpty")} />
        ) : (
          <ul className="card-list">
            {[...a.dialogues].reverse().map((d) => (
              <li key={d.id} className="card">
                <h3 className="card-title">{formatDate(d.date)}</h3>
                {d.participants && (
                  <p>
                    {t("agreements.participants")}: {d.participants}
                  </p>
                )}
                {d.notes && <p>{d.notes}</p>}
                {d.decisions && (
                  <p>
                    <strong>{t("agreements.decisions")}:</strong> {d.decisions}
                  </p>
                )}
                {d.needIds.length > 0 && (
                  <p>
                    {t("agreements.newNeeds")}: {d.needIds.map((n) => needTitle.get(n)).join(", ")}
                  </p>
                )}
                {d.comments.length > 0 && (
                  <>
                    <h4>{t("agreements.comments")}</h4>
                    <ul className="plain-list">
                      {d.comments.map((c) => (
                        <li key={c.id}>
                          <strong>{c.authorName}</strong>{" "}
                          <span className="muted">{formatDate(c.createdAt)}</span>: {c.body}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {a.abilities.comment && <CommentForm agreementId={a.id} dialogue={d} />}
                {a.abilities.addDialogue &&
                  removeButton(
                    `dialogues/${d.id}`,
                    `${t("agreements.dialogue")} ${formatDate(d.date)}`,
                    t("agreements.removeDialogueMessage"),
                  )}
              </li>
            ))}
          </ul>
        )}
        {a.nextDialogueDate && (
          <p>
            {t("agreements.nextDate")}: {formatDate(a.nextDialogueDate)}
          </p>
        )}
        {a.abilities.addDialogue && <DialogueForm agreementId={a.id} />}
      </section>
    </>
  );
}
