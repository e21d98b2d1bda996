import { desc, eq } from "drizzle-orm";
import { type ParsedMail, simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import type { Db } from "../../db/client.ts";
import { mailOutbox } from "./mail.schema.ts";
import { toOutgoingMail } from "./outbox.ts";

/**
 * A local SMTP server that keeps what it receives in memory: development and tests send real SMTP
 * to it, and tests (or the admins' dev inbox) read the messages back. Listens on 127.0.0.1 only.
 */
export interface CapturedMail {
  id: number;
  receivedAt: Date;
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
}

export interface MailSink {
  port: number;
  messages(): CapturedMail[];
  /** Parses a captured message (headers, text, html, attachments). */
  parse(mail: CapturedMail): Promise<ParsedMail>;
  clear(): void;
  close(): Promise<void>;
}

const KEEP = 500;

export async function startMailSink(): Promise<MailSink> {
  const captured: CapturedMail[] = [];
  let nextId = 1;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    // No DNS look-up of 127.0.0.1 per connection: on a machine without a resolver it costs ~100 ms a mail.
    disableReverseLookup: true,
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        captured.push({
          id: nextId++,
          receivedAt: new Date(),
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        if (captured.length > KEEP) captured.splice(0, captured.length - KEEP);
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  // The sink must never keep a process (a test worker, a CLI) alive on its own.
  server.server.unref();
  // SMTP is many small request/response turns: without this, Nagle + delayed ACKs cost ~40 ms a turn.
  server.server.on("connection", (socket) => socket.setNoDelay(true));
  return {
    port,
    messages: () => [...captured],
    parse: (mail) => simpleParser(mail.raw),
    clear: () => {
      captured.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The outbox sender marks each message with its outbox row (mail-sender.ts), so a view that merges
 * a sink with the outbox knows which sent rows it has already.
 */
export const OUTBOX_ID_HEADER = "X-Samspel-Outbox-Id";

const outboxIdOf = (raw: string) => {
  const head = raw.split(/\r?\n\r?\n/, 1)[0];
  return new RegExp(`^${OUTBOX_ID_HEADER}:\\s*(\\S+)`, "im").exec(head)?.[1] ?? null;
};

/**
 * What was sent, whichever process sent it: with several app processes and no SMTP_URL every process
 * has a sink of its own in memory, so the outbox (the database) is the source of truth for mail sent
 * through it. The view holds this process's captured messages (mail sent without the outbox included)
 * and every sent outbox row that is not among them, rebuilt as the message that was sent; newest
 * last, like the sink, numbered in that order.
 */
export async function sinkWithOutbox(db: Db, local: MailSink, limit = 100): Promise<MailSink> {
  const captured = local.messages();
  const have = new Set(captured.map((m) => outboxIdOf(m.raw)).filter(Boolean));
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.status, "sent"))
    .orderBy(desc(mailOutbox.sentAt))
    .limit(limit);
  const from = process.env.MAIL_FROM || "Samspel <noreply@samspel.invalid>";
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const fromOutbox = await Promise.all(
    rows
      .filter((row) => !have.has(row.id))
      .map(async (row): Promise<Omit<CapturedMail, "id">> => {
        const mail = toOutgoingMail(row);
        const info = await composer.sendMail({
          ...mail,
          from,
          headers: { ...mail.headers, [OUTBOX_ID_HEADER]: row.id },
        });
        return {
          receivedAt: row.sentAt ?? row.createdAt,
          envelopeFrom: info.envelope.from || "",
          envelopeTo: [row.recipient],
          raw: (info.message as Buffer).toString("utf8"),
        };
      }),
  );
  const merged = [...captured, ...fromOutbox]
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
    .slice(-KEEP)
    .map((m, i) => ({ ...m, id: i + 1 }));
  return {
    port: local.port,
    messages: () => [...merged],
    parse: (mail) => simpleParser(mail.raw),
    clear: () => local.clear(),
    close: () => local.close(),
  };
}
