import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { problemSchema } from "../../platform/problem.ts";
import { capturedMailSink } from "./mail.service.ts";
import { mailSenderFor } from "./mail-sender.ts";
import { listOutbox, outboxStatuses } from "./outbox.ts";

const tags = ["E-post"];
const capturedView = z.object({
  id: z.number(),
  receivedAt: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), size: z.number() })),
});

const outboxQuery = z.object({ status: z.enum(outboxStatuses).default("failed") });
const outboxView = z.object({
  id: z.string(),
  purpose: z.string(),
  recipient: z.string(),
  subject: z.string(),
  status: z.enum(outboxStatuses),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/**
 * The dev inbox: what the local SMTP sink captured, for administrators. 404 when a real SMTP server
 * is configured (`SMTP_URL`), since then nothing is captured.
 */
export function registerMailRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);
  // Requests nudge the background sender; closing the app lets the mail being sent finish (and be
  // marked sent) before the caller closes the database under it.
  app.addHook("onClose", () => mailSenderFor(db).stop());

  r.get(
    "/api/admin/mail-outbox",
    {
      schema: {
        tags,
        summary:
          "Utkorgen: e-post som väntar, har skickats eller inte gick att skicka (standard: misslyckade)",
        querystring: outboxQuery,
        response: {
          200: z.object({ items: z.array(outboxView) }),
          401: problemSchema,
          403: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) => {
      const rows = await listOutbox(db, request.actor, request.query.status);
      return {
        items: rows.map((row) => ({
          ...row,
          status: row.status as (typeof outboxStatuses)[number],
          nextAttemptAt: row.nextAttemptAt.toISOString(),
          createdAt: row.createdAt.toISOString(),
          sentAt: row.sentAt?.toISOString() ?? null,
        })),
      };
    },
  );

  r.get(
    "/api/admin/mail-sink",
    {
      schema: {
        tags,
        summary: "Utvecklingsinkorgen: e-post som fångats av den lokala SMTP-servern",
        response: {
          200: z.object({ items: z.array(capturedView) }),
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request) => {
      const sink = await capturedMailSink(request.actor, db);
      if (!sink) throw notFound();
      const newestFirst = sink.messages().reverse().slice(0, 100);
      const items = await Promise.all(
        newestFirst.map(async (m) => {
          const parsed = await sink.parse(m);
          return {
            id: m.id,
            receivedAt: m.receivedAt.toISOString(),
            to: m.envelopeTo,
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? "",
              contentType: a.contentType,
              size: a.size,
            })),
          };
        }),
      );
      return { items };
    },
  );
}
