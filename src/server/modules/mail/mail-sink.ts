import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

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
