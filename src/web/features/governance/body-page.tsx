import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { compareText, formatDate, formatKronor } from "../../../common/format.ts";
import type { BodyView, MemberView } from "../../../common/governance.ts";
import { Alert, type Column, DataTable, EmptyState, PageHeader, QueryState } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { bodyQuery, decisionsQuery, meetingsQuery } from "./governance-api.ts";
import { AddMemberForm, RegistryEntryForm } from "./governance-forms.tsx";
import { meetingName, meetingWhen, thisYear, YearSelect } from "./governance-parts.tsx";

/** /styrning/organ/$id: members per party with the composition warnings, the year's meetings and decisions. */
export function BodyPage({ id }: { id: string }) {
  const body = useQuery(bodyQuery(id));
  return <QueryState query={body}>{(b) => <BodyDetails body={b} />}</QueryState>;
}

function BodyDetails({ body: b }: { body: BodyView }) {
  const { t } = useTranslation();
  const actions = b.abilities.manage ? (
    <Link to="/styrning/organ/$id/nytt-mote" params={{ id: b.id }} className="btn btn-primary">
      {t("governance.ui.newMeeting")}
    </Link>
  ) : undefined;
  return (
    <>
      <PageHeader title={b.name} actions={actions} />
      <dl className="facts">
        <dt>{t("governance.ui.kind")}</dt>
        <dd>{t(`governance.ui.kinds.${b.kind}`)}</dd>
        <dt>{t("governance.ui.organisation")}</dt>
        <dd>{b.organisationName}</dd>
        {(b.startDate || b.endDate) && (
          <>
            <dt>{t("governance.ui.period")}</dt>
            <dd>
              {formatDate(b.startDate)} – {formatDate(b.endDate)}
            </dd>
          </>
        )}
        {b.mandate && (
          <>
            <dt>{t("governance.ui.mandate")}</dt>
            <dd>{b.mandate}</dd>
          </>
        )}
        {b.tasks && (
          <>
            <dt>{t("governance.ui.tasks")}</dt>
            <dd>{b.tasks}</dd>
          </>
        )}
      </dl>
      <Members body={b} />
      <MeetingsAndDecisions body={b} />
      {b.abilities.manage && (
        <section aria-labelledby="body-registry">
          <h2 id="body-registry">{t("governance.ui.registry")}</h2>
          <RegistryEntryForm
            organisations={[{ id: b.organisationId, label: b.organisationName }]}
            bodyId={b.id}
          />
        </section>
      )}
    </>
  );
}

function Members({ body: b }: { body: BodyView }) {
  const { t } = useTranslation();
  const parties = new Map<string, MemberView[]>();
  for (const m of b.members) {
    const party = m.partyName ?? t("governance.ui.noParty");
    parties.set(party, [...(parties.get(party) ?? []), m]);
  }
  const staffing = b.members.some((m) => m.function || m.percentOfFullTime !== null);
  const columns: Column<MemberView>[] = [
    { key: "person", header: t("governance.ui.person"), isRowHeader: true, cell: (m) => m.personName },
    { key: "role", header: t("governance.ui.role"), cell: (m) => t(`governance.ui.roles.${m.role}`) },
    ...(staffing
      ? [
          {
            key: "function",
            header: t("governance.ui.function"),
            cell: (m: MemberView) =>
              `${m.function ?? ""}${m.percentOfFullTime !== null ? ` ${m.percentOfFullTime} %` : ""}`,
          },
        ]
      : []),
    {
      key: "period",
      header: t("governance.ui.period"),
      cell: (m) => `${formatDate(m.startDate)}–${formatDate(m.endDate)}`,
    },
  ];
  return (
    <section aria-labelledby="body-members">
      <h2 id="body-members">{t("governance.ui.membersByParty")}</h2>
      {b.warnings.length > 0 && (
        <Alert tone="warning" title={t("governance.ui.warnings")}>
          <ul className="plain-list">
            {b.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Alert>
      )}
      {b.members.length === 0 ? (
        <EmptyState
          message={t(b.abilities.manage ? "governance.ui.membersEmpty" : "governance.ui.membersEmptyReader")}
        />
      ) : (
        [...parties.entries()]
          .sort(([x], [y]) => compareText(x, y))
          .map(([party, members]) => (
            <DataTable
              key={party}
              caption={`${party} (${members.length})`}
              label={`${t("governance.ui.members")}: ${party}`}
              rows={members}
              rowKey={(m) => m.id}
              columns={columns}
            />
          ))
      )}
      {b.abilities.manage && <AddMemberForm bodyId={b.id} />}
    </section>
  );
}

function MeetingsAndDecisions({ body: b }: { body: BodyView }) {
  const { t } = useTranslation();
  const all = useQuery(meetingsQuery({ bodyId: b.id }));
  const years = [...new Set((all.data ?? []).map((m) => Number(m.startsAt.slice(0, 4))))].sort(
    (x, y) => y - x,
  );
  const [chosen, setYear] = useState<number | null>(null);
  const year = chosen ?? years[0] ?? thisYear();
  const decisions = useQuery(decisionsQuery({ bodyId: b.id, year }));
  const kr = (n: number) => formatKronor(n, currentLanguage());
  return (
    <>
      <section aria-labelledby="body-meetings">
        <h2 id="body-meetings">{t("governance.ui.meetings")}</h2>
        <YearSelect value={year} onChange={setYear} />
        <QueryState query={all}>
          {(items) => {
            const meetings = items.filter((m) => m.startsAt.startsWith(String(year)));
            return meetings.length === 0 ? (
              <EmptyState
                message={t(
                  b.abilities.manage ? "governance.ui.meetingsEmpty" : "governance.ui.meetingsEmptyReader",
                )}
              />
            ) : (
              <ul className="plain-list link-list">
                {meetings.map((m) => (
                  <li key={m.id}>
                    <Link to="/styrning/moten/$id" params={{ id: m.id }}>
                      {meetingWhen(m)} · {meetingName(m)}
                    </Link>
                    {m.place && <span className="muted"> · {m.place}</span>}
                    <span className="muted">
                      {" "}
                      · {m.approvedAt ? t("governance.ui.minutes") : t("governance.ui.notApproved")}
                    </span>
                  </li>
                ))}
              </ul>
            );
          }}
        </QueryState>
      </section>
      <section aria-labelledby="body-decisions">
        <h2 id="body-decisions">
          {t("governance.ui.decisions")} {year}
        </h2>
        <QueryState query={decisions}>
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState message={t("governance.ui.decisionsEmpty")} />
            ) : (
              <ul className="card-list">
                {items.map((d) => (
                  <li key={d.id} className="card">
                    <h3 className="card-title">
                      <Link to="/styrning/moten/$id" params={{ id: d.meetingId }}>
                        {d.registryNumber ?? ""} {d.title}
                      </Link>
                    </h3>
                    <p className="muted">
                      {d.meetingDate} § {d.paragraph} · {t(`governance.ui.decisionKinds.${d.kind}`)}
                      {d.amount !== null && ` · ${kr(d.amount)}`}
                    </p>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
    </>
  );
}
