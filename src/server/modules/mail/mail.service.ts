import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { mailPolicy } from "./mail.policy.ts";
import { type MailSink, sinkWithOutbox, startMailSink } from "./mail-sink.ts";

/**
 * Outgoing e-mail over SMTP (nodemailer). Configuration comes from the environment:
 *
 * - `SMTP_URL`  e.g. `smtps://user:password@smtp.example.se:465` or `smtp://relay.internal:25`.
 *               Unset (development, tests, demo): a local SMTP sink on 127.0.0.1 captures every
 *               message in memory; tests read it and administrators see it in the dev inbox.
 * - `MAIL_FROM` the sender, default `Samspel <noreply@samspel.invalid>`.
 *
 * One mailer per process, created on first use.
 */
export interface MailAttachment {
  filename: string;
  content: Buffer | string;
  contentType: string;
  /** For inline images referenced as `cid:` in the HTML. */
  cid?: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  headers?: Record<string, string>;
}

interface Mailer {
  transport: Transporter;
  from: string;
  sink: MailSink | null;
}

let mailer: Promise<Mailer> | null = null;

function createMailer(): Promise<Mailer> {
  const from = process.env.MAIL_FROM || "Samspel <noreply@samspel.invalid>";
  const url = process.env.SMTP_URL;
  if (url && url !== "sink") {
    return Promise.resolve({ transport: nodemailer.createTransport(url), from, sink: null });
  }
  return startMailSink().then((sink) => ({
    // Pooled: the sink (like many SMTP servers) pauses 100 ms on every new connection; bursts of
    // registrations reuse a few connections instead of opening one per mail.
    transport: nodemailer.createTransport({
      host: "127.0.0.1",
      port: sink.port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 5,
    }),
    from,
    sink,
  }));
}

function getMailer(): Promise<Mailer> {
  mailer ??= createMailer();
  return mailer;
}

/**
 * Sends one message; throws when the SMTP server refuses it. Only the outbox sender (mail-sender.ts)
 * calls this for mail that belongs to a change: everything else queues with `queueMail` (outbox.ts).
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const { transport, from } = await getMailer();
  await transport.sendMail({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    attachments: mail.attachments?.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
      cid: a.cid,
    })),
  });
}

/** The local sink when no SMTP server is configured (null in production with `SMTP_URL`). */
export async function mailSink(): Promise<MailSink | null> {
  return (await getMailer()).sink;
}

/**
 * The sink for an administrator's inbox view (null when mail goes to a real SMTP server): this
 * process's captures merged with what the outbox says every process sent (mail-sink.ts).
 */
export async function capturedMailSink(actor: Actor | null, db?: Db): Promise<MailSink | null> {
  authorize(actor, mailPolicy, "readSink", null);
  const sink = await mailSink();
  return sink && db ? sinkWithOutbox(db, sink) : sink;
}

/** Escapes text for the HTML part of a message. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
