import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MailingView, PreviewView } from "../../../common/communication.ts";
import { ApiError } from "../../api.ts";
import {
  Alert,
  Button,
  type Column,
  DataTable,
  PageHeader,
  Select,
  TextField,
} from "../../components/index.ts";
import { TextAreaField } from "../../components/text-area-field.tsx";
import { formatCount } from "../../lib/format.ts";
import {
  audiencesQuery,
  mailingsQuery,
  previewAudience,
  sendMailing,
  upcomingEventsQuery,
} from "./communication-api.ts";

/**
 * Newsletters and invitations for the collaboration office: choose the audience among those the server
 * offers (each with how many it reaches), see exactly who receives it, write, and send — the send
 * carries the preview's digest, so no one unseen gets it.
 */
export function MailingsPage() {
  const { t } = useTranslation();
  const [audienceId, setAudienceId] = useState("all");
  const [kind, setKind] = useState<"newsletter" | "invitation">("newsletter");
  const [eventId, setEventId] = useState("");
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [preview, setPreview] = useState<PreviewView | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const audiences = useQuery(audiencesQuery);
  const audience = audiences.data?.find((a) => a.id === audienceId) ?? audiences.data?.[0];
  const events = useQuery(upcomingEventsQuery);
  const mailings = useQuery(mailingsQuery);
  const previewMutation = useMutation({
    mutationFn: () => previewAudience(audience?.criteria),
    onSuccess: setPreview,
  });
  const send = useMutation({
    mutationFn: () =>
      sendMailing(
        {
          kind,
          subject,
          body,
          eventId: kind === "invitation" ? eventId || null : null,
          ...(audience?.saved ? { segmentId: audience.id } : { criteria: audience?.criteria ?? {} }),
        },
        { expectedRecipients: preview?.count ?? 0, recipientsDigest: preview?.digest ?? "" },
      ),
    onSuccess: (m) => {
      setMessage({
        tone: "success",
        text: t("communication.web.sentTo", {
          count: m.recipientCount,
          formatted: formatCount(m.recipientCount),
        }),
      });
      setPreview(null);
      void mailings.refetch();
      void audiences.refetch();
    },
    onError: (e) =>
      setMessage({
        tone: "error",
        text:
          e instanceof ApiError
            ? Object.values(e.fieldErrors).flat().join(" ") || e.problem.detail
            : String(e),
      }),
  });
  const columns: Column<MailingView>[] = [
    { key: "subject", header: t("communication.web.subject"), isRowHeader: true, cell: (m) => m.subject },
    { key: "kind", header: t("communication.web.kind"), cell: (m) => t(`communication.web.kinds.${m.kind}`) },
    {
      key: "sent",
      header: t("communication.web.sentAt"),
      cell: (m) => m.sentAt?.slice(0, 10) ?? t("communication.web.draft"),
    },
    {
      key: "count",
      header: t("communication.web.recipients"),
      cell: (m) => formatCount(m.recipientCount),
    },
  ];
  return (
    <>
      <PageHeader title={t("communication.web.title")} intro={t("communication.web.intro")} />
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <section aria-labelledby="audience-heading" className="form">
        <h2 id="audience-heading">{t("communication.web.audience")}</h2>
        <Select
          label={t("communication.web.audience")}
          description={t("communication.web.audienceHint")}
          value={audience?.id ?? ""}
          onChange={(id) => {
            setAudienceId(id);
            setPreview(null);
          }}
          options={(audiences.data ?? []).map((a) => ({
            value: a.id,
            label: t("communication.web.audienceOption", { label: a.label, count: formatCount(a.count) }),
          }))}
        />
        <Button
          variant="secondary"
          onPress={() => previewMutation.mutate()}
          isPending={previewMutation.isPending}
          isDisabled={!audience}
        >
          {t("communication.web.preview")}
        </Button>
      </section>
      {preview && (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">
            {t("communication.web.previewHeading", {
              count: preview.count,
              formatted: formatCount(preview.count),
            })}
          </h2>
          <ul className="plain-list">
            {preview.recipients.map((r) => (
              <li key={r.email}>{r.name ? `${r.name} <${r.email}>` : r.email}</li>
            ))}
          </ul>
          <div className="form">
            <Select
              label={t("communication.web.kind")}
              value={kind}
              onChange={(v) => setKind(v as typeof kind)}
              options={["newsletter", "invitation"].map((v) => ({
                value: v,
                label: t(`communication.web.kinds.${v}`),
              }))}
            />
            {kind === "invitation" && (
              <Select
                label={t("communication.web.event")}
                value={eventId}
                onChange={setEventId}
                options={[
                  { value: "", label: t("communication.web.chooseEvent") },
                  ...(events.data?.items ?? []).map((e) => ({
                    value: e.id,
                    label: `${e.startDate ?? ""} ${e.title}`,
                  })),
                ]}
              />
            )}
            <TextField
              label={t("communication.web.subject")}
              value={subject}
              onChange={setSubject}
              isRequired
            />
            <TextAreaField
              id="mailing-body"
              label={t("communication.web.body")}
              value={body}
              onChange={setBody}
            />
            <Button onPress={() => send.mutate()} isPending={send.isPending} isDisabled={preview.count === 0}>
              {t("communication.web.sendTo", { count: preview.count, formatted: formatCount(preview.count) })}
            </Button>
          </div>
        </section>
      )}
      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading">{t("communication.web.history")}</h2>
        {mailings.data && (
          <DataTable
            empty={t("communication.web.noMailings")}
            caption={t("communication.web.history")}
            columns={columns}
            rows={mailings.data}
            rowKey={(m) => m.id}
          />
        )}
      </section>
    </>
  );
}
