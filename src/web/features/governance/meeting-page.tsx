import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatKronor } from "../../../common/format.ts";
import type { MeetingView } from "../../../common/governance.ts";
import { ApiError } from "../../api.ts";
import { useMe } from "../../auth.ts";
import { Alert, Button, ConfirmDialog, EmptyState, PageHeader, QueryState } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { bodyQuery, meetingQuery, useApproveMinutes, useSendNotice } from "./governance-api.ts";
import { DecisionForm, MinutesForm } from "./governance-forms.tsx";
import { meetingName, meetingWhen } from "./governance-parts.tsx";

/**
 * /styrning/moten/$id: the agenda, the notice, attendance, the minutes per item and the decisions.
 * What a viewer sees and may do comes from the server (non-public items, `abilities.manage`);
 * approved minutes are locked, so the forms give way to the record.
 */
export function MeetingPage({ id }: { id: string }) {
  const meeting = useQuery(meetingQuery(id));
  return <QueryState query={meeting}>{(m) => <MeetingDetails meeting={m} />}</QueryState>;
}

function MeetingDetails({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const me = useMe();
  // Member names for attendance and adjusters; the body is readable by anyone logged in.
  const body = useQuery({ ...bodyQuery(m.bodyId), enabled: !!me });
  const name = new Map((body.data?.members ?? []).map((p) => [p.personId, p.personName]));
  const names = (ids: string[]) => ids.map((i) => name.get(i) ?? "–").join(", ");
  const locked = m.approvedAt !== null;
  const kr = (n: number) => formatKronor(n, currentLanguage());
  return (
    <>
      <PageHeader
        title={`${meetingName(m)} ${m.startsAt.slice(0, 10)}`}
        intro={
          me ? (
            <Link to="/styrning/organ/$id" params={{ id: m.bodyId }}>
              {m.bodyName}
            </Link>
          ) : (
            m.bodyName
          )
        }
      />
      <dl className="facts">
        <dt>{t("governance.ui.time")}</dt>
        <dd>{meetingWhen(m)}</dd>
        {m.place && (
          <>
            <dt>{t("governance.ui.place")}</dt>
            <dd>{m.place}</dd>
          </>
        )}
        {m.link && (
          <>
            <dt>{t("governance.ui.link")}</dt>
            <dd>
              <a href={m.link}>{m.link}</a>
            </dd>
          </>
        )}
        <dt>{t("governance.ui.status")}</dt>
        <dd>
          {locked
            ? t("governance.ui.approved", { at: formatDateTime(m.approvedAt as string, currentLanguage()) })
            : t("governance.ui.notApproved")}
        </dd>
      </dl>

      <section aria-labelledby="meeting-agenda">
        <h2 id="meeting-agenda">{t("governance.ui.agenda")}</h2>
        {m.agenda.length === 0 ? (
          <EmptyState message={t("governance.ui.agendaEmpty")} />
        ) : (
          <ol className="card-list">
            {m.agenda.map((a) => (
              <li key={a.id} className="card">
                <h3 className="card-title">
                  {a.position}. {a.title}
                </h3>
                <p className="muted">
                  {t(`governance.agendaKinds.${a.kind}`)}
                  {a.presenter && ` · ${t("governance.ui.presenter")}: ${a.presenter}`}
                  {!a.public && ` · ${t("governance.ui.notPublic")}`}
                </p>
                {a.documents.length > 0 && (
                  <p>
                    {t("governance.ui.documents")}: {a.documents.join(", ")}
                  </p>
                )}
                {a.notes && <p>{a.notes}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>

      {m.abilities.manage && !locked && <Notice meeting={m} />}

      <section aria-labelledby="meeting-minutes">
        <h2 id="meeting-minutes">{t("governance.ui.minutes")}</h2>
        {m.abilities.manage && !locked ? (
          <>
            <MinutesForm meeting={m} members={body.data?.members ?? []} />
            <Approve meeting={m} />
          </>
        ) : m.minutesText === null ? (
          <p>{t("governance.ui.minutesHidden")}</p>
        ) : (
          <>
            {m.minutesText ? (
              <p className="prose">{m.minutesText}</p>
            ) : (
              <p>{t("governance.ui.minutesEmpty")}</p>
            )}
            <dl className="facts">
              <dt>{t("governance.ui.attendance")}</dt>
              <dd>{m.attendance.length ? names(m.attendance) : t("governance.ui.attendanceEmpty")}</dd>
              {m.adjusters.length > 0 && (
                <>
                  <dt>{t("governance.ui.adjusters")}</dt>
                  <dd>{names(m.adjusters)}</dd>
                </>
              )}
            </dl>
          </>
        )}
      </section>

      <section aria-labelledby="meeting-decisions">
        <h2 id="meeting-decisions">{t("governance.ui.decisions")}</h2>
        {m.decisions.length === 0 ? (
          <EmptyState message={t("governance.ui.decisionsEmpty")} />
        ) : (
          <ul className="card-list">
            {m.decisions.map((d) => (
              <li key={d.id} className="card">
                <h3 className="card-title">
                  § {d.paragraph} {d.title}
                </h3>
                <p className="muted">
                  {d.registryNumber && `${t("governance.ui.registryNumber")}: ${d.registryNumber} · `}
                  {t(`governance.ui.decisionKinds.${d.kind}`)}
                  {d.amount !== null && ` · ${kr(d.amount)}`}
                </p>
                <p>{d.text}</p>
                {d.fundedProjects.length > 0 && (
                  <p>
                    {t("governance.ui.funds")}:{" "}
                    {d.fundedProjects.map((f, i) => (
                      <span key={f.projectId}>
                        {i > 0 && ", "}
                        <Link to="/planer/projekt/$projectId" params={{ projectId: f.projectId }}>
                          {f.projectName}
                        </Link>{" "}
                        ({kr(f.amount)})
                      </span>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        {m.abilities.manage && !locked && <DecisionForm meeting={m} />}
      </section>
    </>
  );
}

function Notice({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const send = useSendNotice(m.id);
  const [sent, setSent] = useState<number | null>(null);
  const error = send.error instanceof ApiError ? send.error.problem.detail : null;
  return (
    <section aria-labelledby="meeting-notice">
      <h2 id="meeting-notice">{t("governance.ui.notice")}</h2>
      <p>
        {m.noticeSentAt
          ? t("governance.ui.noticeSent", { at: formatDateTime(m.noticeSentAt, currentLanguage()) })
          : t("governance.ui.noticeNotSent")}
      </p>
      {sent !== null && <Alert tone="success">{t("governance.ui.noticeDone", { count: sent })}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      <Button
        variant="secondary"
        isPending={send.isPending}
        onPress={() => send.mutate(undefined, { onSuccess: (r) => setSent(r.recipients) })}
      >
        {m.noticeSentAt ? t("governance.ui.sendNoticeAgain") : t("governance.ui.sendNotice")}
      </Button>
    </section>
  );
}

function Approve({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const approve = useApproveMinutes(m.id);
  return (
    <div className="button-row">
      <ConfirmDialog
        triggerLabel={t("governance.ui.approve")}
        title={t("governance.ui.approve")}
        message={t("governance.ui.approveConfirm")}
        confirmLabel={t("governance.ui.approve")}
        variant="primary"
        onConfirm={() => approve.mutateAsync()}
      />
    </div>
  );
}
