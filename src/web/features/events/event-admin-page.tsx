import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { EventView, ParticipantView } from "../../../common/events.ts";
import { ApiError } from "../../api.ts";
import {
  Alert,
  Button,
  type Column,
  DataTable,
  PageHeader,
  QueryState,
  TextField,
} from "../../components/index.ts";
import { formatSession } from "./event-format.ts";
import { eventFeedbackQuery, eventQuery, participantsQuery, useSaveEvent } from "./events-api.ts";

/** One event for its organisers: the counts apart, participants, estimate, feedback, links to check-in. */
export function EventAdminPage({ id }: { id: string }) {
  const query = useQuery(eventQuery(id));
  return <QueryState query={query}>{(event) => <EventAdmin event={event} />}</QueryState>;
}

export function Counts({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const items = [
    ["registered", event.counts.registered],
    ["waitlisted", event.counts.waitlisted],
    ["attended", event.counts.attended],
    ["estimated", event.counts.estimated ?? "–"],
  ] as const;
  return (
    <ul className="counts" aria-label={t("events.counts.title")}>
      {items.map(([key, value]) => (
        <li key={key}>
          <strong>{value}</strong>
          {t(`events.counts.${key}`)}
        </li>
      ))}
    </ul>
  );
}

function EventAdmin({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const participants = useQuery(participantsQuery(event.id));
  const columns: Column<ParticipantView>[] = [
    {
      key: "name",
      header: t("events.participant.name"),
      isRowHeader: true,
      sortValue: (p) => p.name,
      cell: (p) => p.name,
    },
    {
      key: "organisation",
      header: t("events.participant.organisation"),
      sortValue: (p) => p.organisation ?? "",
      cell: (p) => p.organisation ?? "–",
    },
    { key: "role", header: t("events.participant.role"), cell: (p) => p.role ?? "–" },
    {
      key: "status",
      header: t("events.participant.status"),
      sortValue: (p) => p.status,
      cell: (p) => t(`events.statuses.${p.status}`),
    },
    { key: "code", header: t("events.participant.code"), cell: (p) => p.checkinCode },
    { key: "dietary", header: t("events.participant.dietary"), cell: (p) => p.dietary ?? "" },
    {
      key: "accessibility",
      header: t("events.participant.accessibility"),
      cell: (p) => p.accessibility ?? "",
    },
  ];
  return (
    <>
      <PageHeader
        title={event.title}
        intro={`${event.type.labelSv} · ${t(`events.visibility.${event.visibility}`)}`}
        actions={
          <div className="button-row">
            <Link
              to="/evenemang/hantera/$id/incheckning"
              params={{ id: event.id }}
              className="btn btn-primary"
            >
              {t("events.checkin.title")}
            </Link>
            <Link
              to="/evenemang/hantera/$id/redigera"
              params={{ id: event.id }}
              className="btn btn-secondary"
            >
              {t("common.edit")}
            </Link>
          </div>
        }
      />
      <p>
        <Link to="/evenemang/hantera">{t("events.manage.back")}</Link>
        {event.visibility === "public" && (
          <>
            {" · "}
            <Link to="/evenemang/$id" params={{ id: event.id }}>
              {t("events.manage.publicPage")}
            </Link>
          </>
        )}
      </p>
      <Counts event={event} />
      <ul className="plain-list">
        {event.sessions.map((s) => (
          <li key={s.id}>
            {formatSession(s, i18n.language)}
            {s.place ? `, ${s.place}` : ""}
          </li>
        ))}
      </ul>
      <EstimateForm event={event} />
      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t("events.participants")}</h2>
        <p>
          <a href={`/api/events/${event.id}/participants?format=xlsx`}>{t("events.manage.exportXlsx")}</a>
        </p>
        <QueryState query={participants}>
          {(items) => (
            <DataTable
              empty={t("events.manage.noParticipants")}
              caption={t("events.participants")}
              columns={columns}
              rows={items}
              rowKey={(p) => p.id}
            />
          )}
        </QueryState>
      </section>
      <FeedbackSummary id={event.id} responses={event.feedback.responses} />
    </>
  );
}

/** Where names were not taken ("ca 90 deltagare"): an estimate, kept apart from the counts. */
function EstimateForm({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const save = useSaveEvent(event.id);
  const [value, setValue] = useState(event.counts.estimated === null ? "" : String(event.counts.estimated));
  const [saved, setSaved] = useState(false);
  const error = save.error instanceof ApiError ? Object.values(save.error.fieldErrors).flat() : undefined;
  return (
    <form
      className="form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        await save.mutateAsync({ estimatedParticipants: value === "" ? null : Number(value) });
        setSaved(true);
      }}
    >
      <TextField
        label={t("events.manage.estimate")}
        description={t("events.manage.estimateHelp")}
        inputMode="numeric"
        value={value}
        onChange={setValue}
        error={error}
      />
      <Button type="submit" variant="secondary" isPending={save.isPending}>
        {t("events.manage.saveEstimate")}
      </Button>
      {saved && <Alert tone="success">{t("common.saved")}</Alert>}
    </form>
  );
}

function FeedbackSummary({ id, responses }: { id: string; responses: number }) {
  const { t } = useTranslation();
  const query = useQuery({ ...eventFeedbackQuery(id), enabled: responses > 0 });
  return (
    <section aria-labelledby="feedback-summary-heading">
      <h2 id="feedback-summary-heading">{t("events.feedback.summary")}</h2>
      {responses === 0 ? (
        <p>{t("events.feedback.noResponses")}</p>
      ) : (
        <QueryState query={query}>
          {(f) => (
            <>
              <p>
                {t("events.feedback.average", {
                  average: f.averageRating?.toLocaleString("sv-SE"),
                  count: f.responses,
                })}
              </p>
              <ul className="plain-list">
                {f.comments.map((c) => (
                  <li key={c.createdAt + c.comment}>
                    “{c.comment}” ({c.rating}/5)
                  </li>
                ))}
              </ul>
            </>
          )}
        </QueryState>
      )}
    </section>
  );
}
