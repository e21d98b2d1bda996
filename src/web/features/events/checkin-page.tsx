import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ParticipantView, walkInInput } from "../../../common/events.ts";
import { compareText } from "../../../common/format.ts";
import { ApiError } from "../../api.ts";
import {
  Alert,
  Button,
  FormErrorSummary,
  PageHeader,
  QueryState,
  TextField,
} from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import { Counts } from "./event-admin-page.tsx";
import { eventQuery, participantsQuery, useCheckIn } from "./events-api.ts";

/**
 * Check-in at the door, made for a tablet or a phone: a search, the code from the confirmation
 * (the QR code opens this page with it filled in), one big button per person, and walk-ins.
 */
export function CheckinPage({ id, code }: { id: string; code?: string }) {
  const { t } = useTranslation();
  const event = useQuery(eventQuery(id));
  const participants = useQuery(participantsQuery(id));
  const { attendance } = useCheckIn(id);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [search, setSearch] = useState("");
  const [typed, setTyped] = useState("");
  const scanned = useRef(false);

  const checkInByCode = async (value: string) => {
    try {
      const p = await attendance.mutateAsync({ code: value.trim().toUpperCase() });
      setMessage({ tone: "success", text: t("events.checkin.done", { name: p.name }) });
      setTyped("");
    } catch (error) {
      const text =
        error instanceof ApiError && error.status === 404
          ? t("events.checkin.unknownCode")
          : error instanceof ApiError
            ? error.problem.detail
            : String(error);
      setMessage({ tone: "error", text });
    }
  };

  // A scanned QR code opens this page with ?kod=…: check that person in once.
  useEffect(() => {
    if (code && !scanned.current) {
      scanned.current = true;
      void checkInByCode(code);
    }
  });

  return (
    <QueryState query={event}>
      {(e) => (
        <>
          <PageHeader title={t("events.checkin.title")} intro={e.title} />
          <p>
            <Link to="/evenemang/hantera/$id" params={{ id }}>
              {t("events.checkin.back")}
            </Link>
          </p>
          <Counts event={e} />
          <div aria-live="polite">{message && <Alert tone={message.tone}>{message.text}</Alert>}</div>
          <div className="checkin-tools">
            <TextField label={t("events.checkin.search")} type="search" value={search} onChange={setSearch} />
            <form
              className="form"
              noValidate
              onSubmit={(ev) => {
                ev.preventDefault();
                if (typed.trim()) void checkInByCode(typed);
              }}
            >
              <TextField
                label={t("events.checkin.code")}
                value={typed}
                onChange={setTyped}
                autoComplete="off"
              />
              <Button type="submit" isPending={attendance.isPending}>
                {t("events.checkin.checkInCode")}
              </Button>
            </form>
          </div>
          <QueryState query={participants}>
            {(items) => (
              <CheckinList
                eventId={id}
                items={items}
                search={search}
                onMessage={(text) => setMessage({ tone: "success", text })}
              />
            )}
          </QueryState>
          <WalkInForm
            eventId={id}
            onAdded={(name) =>
              setMessage({ tone: "success", text: t("events.checkin.walkInAdded", { name }) })
            }
          />
        </>
      )}
    </QueryState>
  );
}

function CheckinList({
  eventId,
  items,
  search,
  onMessage,
}: {
  eventId: string;
  items: ParticipantView[];
  search: string;
  onMessage: (text: string) => void;
}) {
  const { t } = useTranslation();
  const { attendance } = useCheckIn(eventId);
  const q = search.trim().toLocaleLowerCase("sv");
  const shown = items
    .filter((p) => p.status !== "cancelled")
    .filter(
      (p) =>
        !q ||
        [p.name, p.organisation ?? "", p.checkinCode].some((x) => x.toLocaleLowerCase("sv").includes(q)),
    )
    .sort((a, b) => compareText(a.name, b.name, "sv"));
  return (
    <section aria-labelledby="checkin-list-heading">
      <h2 id="checkin-list-heading">{t("events.checkin.list", { count: shown.length })}</h2>
      <ul className="checkin-list">
        {shown.map((p) => {
          const attended = p.status === "attended";
          return (
            <li key={p.id} className={`checkin-row${attended ? " attended" : ""}`}>
              <div className="who">
                <strong>{p.name}</strong>
                <span className="muted">
                  {[p.organisation, p.status === "waitlisted" ? t("events.statuses.waitlisted") : null]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </div>
              <Button
                variant={attended ? "secondary" : "primary"}
                aria-label={
                  attended
                    ? t("events.checkin.undoFor", { name: p.name })
                    : t("events.checkin.checkInFor", { name: p.name })
                }
                onPress={async () => {
                  const after = await attendance.mutateAsync({ registrationId: p.id, attended: !attended });
                  onMessage(
                    after.status === "attended"
                      ? t("events.checkin.done", { name: p.name })
                      : t("events.checkin.undone", { name: p.name }),
                  );
                }}
              >
                {attended ? t("events.checkin.undo") : t("events.checkin.checkIn")}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function WalkInForm({ eventId, onAdded }: { eventId: string; onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const { walkIn } = useCheckIn(eventId);
  const form = useForm(walkInInput, { name: "", email: "", organisation: "" }, (v) => ({
    name: v.name,
    email: v.email || null,
    organisation: v.organisation || null,
  }));
  const labels = {
    name: t("events.participant.name"),
    email: `${t("events.participant.email")} ${t("events.register.optional")}`,
    organisation: `${t("events.participant.organisation")} ${t("events.register.optional")}`,
  };
  return (
    <section aria-labelledby="walkin-heading">
      <h2 id="walkin-heading">{t("events.checkin.walkIn")}</h2>
      <form
        className="form"
        noValidate
        onSubmit={form.onSubmit(async (data) => {
          const p = await walkIn.mutateAsync(data);
          form.reset();
          onAdded(p.name);
        })}
      >
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        <TextField label={labels.name} isRequired {...form.field("name")} />
        <TextField label={labels.email} type="email" {...form.field("email")} />
        <TextField label={labels.organisation} {...form.field("organisation")} />
        <Button type="submit" variant="secondary" isPending={form.submitting}>
          {t("events.checkin.addWalkIn")}
        </Button>
      </form>
    </section>
  );
}
