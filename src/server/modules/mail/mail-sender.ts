import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { Scheduler } from "../../platform/scheduler.ts";
import { mailOutbox } from "./mail.schema.ts";
import { type OutgoingMail, sendMail } from "./mail.service.ts";
import { OUTBOX_ID_HEADER } from "./mail-sink.ts";
import { purgeSentMail, toOutgoingMail } from "./outbox.ts";

/**
 * Delivers the outbox. A pass claims due rows in small batches and sends them through the transport
 * (`sendMail`: SMTP_URL or the local sink), outside any transaction, so a slow SMTP server holds no
 * lock and — on PGlite's single connection — blocks no registration.
 *
 * Claiming is one statement: `… for update skip locked` picks rows no other sender is claiming, and
 * moves their `next_attempt_at` a lease ahead. Several app processes on one PostgreSQL therefore never
 * send a row twice, and a row whose sender died is retried when the lease runs out (at least once).
 * A failed send is retried after a back-off; after the last attempt the row is `failed`, error kept.
 */

/** Waits before attempt 2, 3, …; the attempt after the last one is not made. */
export const RETRY_DELAYS_SECONDS = [60, 5 * 60, 30 * 60, 2 * 60 * 60, 12 * 60 * 60];
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
/** Longer than the transport's own time-outs: a claimed row is not taken by another sender meanwhile. */
const LEASE_SECONDS = 15 * 60;
const BATCH = 10;
const HOUR = 60 * 60 * 1000;
const ABANDONED_CHECK_MS = 60_000;
const ABANDONED = "ingen sändning slutfördes: avsändaren avbröts under sista försöket";

/** The final outcome of a mail that carries a `ref`: delivered, or given up after the last attempt. */
export interface DeliveryOutcome {
  ref: string;
  status: "sent" | "failed";
  error: string | null;
}
type OutcomeHandler = (tx: Tx, outcome: DeliveryOutcome) => Promise<void>;
const outcomeHandlers = new Map<string, OutcomeHandler>();

/**
 * The module that queues mail of `purpose` keeps its own record of each (a mailing's recipient):
 * the handler updates it in the same transaction that marks the outbox row sent or failed.
 */
export function onDeliveryOutcome(purpose: string, handler: OutcomeHandler): void {
  outcomeHandlers.set(purpose, handler);
}

async function report(
  tx: Tx,
  row: { purpose: string; ref: string | null },
  outcome: Omit<DeliveryOutcome, "ref">,
) {
  const handler = outcomeHandlers.get(row.purpose);
  if (handler && row.ref) await handler(tx, { ref: row.ref, ...outcome });
}

export interface PassResult {
  sent: number;
  retrying: number;
  failed: number;
}

export class MailSender {
  /** The transport; tests replace it to play an SMTP server that is down. */
  send: (mail: OutgoingMail) => Promise<void> = sendMail;
  log: (message: string) => void = (message) => console.warn(message);
  private current: Promise<unknown> = Promise.resolve();
  private nudgePending = false;
  private stopped = false;
  private abandonedCheckedAt = 0;

  constructor(private readonly db: Db) {}

  /** Something was queued and committed: deliver it soon, in the background. Cheap to call often. */
  nudge(): void {
    if (this.stopped || this.nudgePending) return;
    this.nudgePending = true;
    void this.serially(async () => {
      this.nudgePending = false;
      try {
        await this.drain();
      } catch (error) {
        this.log(`e-post: utkorgen kunde inte läsas: ${messageOf(error)}`);
      }
    });
  }

  /** Sends everything due (at `now`, default the database's clock) and resolves when done. */
  flush(now?: Date): Promise<PassResult> {
    return this.serially(() => this.drain(now));
  }

  /** No new passes; resolves when the send in progress has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.current;
  }

  // Passes in one process never overlap; concurrency between processes is the claim's business.
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.current.then(work, work);
    this.current = run.catch(() => {});
    return run;
  }

  private async drain(now?: Date): Promise<PassResult> {
    const result: PassResult = { sent: 0, retrying: 0, failed: 0 };
    const at = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
    // A lease runs out after a quarter of an hour: a look a minute is enough, and the nudge after each of a
    // rush of registrations does not pay a transaction for it (a test's pass at a given time always looks).
    if (now || Date.now() - this.abandonedCheckedAt >= ABANDONED_CHECK_MS) {
      this.abandonedCheckedAt = Date.now();
      await this.giveUpAbandoned(at);
    }
    while (!this.stopped) {
      const batch = await this.claim(at);
      if (!batch.length) break;
      const delivered = await Promise.all(batch.map((row) => this.deliver(row, at, result)));
      await this.markSent(
        batch.filter((_, i) => delivered[i]),
        at,
      );
    }
    return result;
  }

  /**
   * The rows of a claimed batch that went out, marked sent in one statement (a transaction only when a module
   * keeps its own record of some of them): a statement and a transaction per mail was most of what delivering
   * a rush of confirmations cost the database.
   */
  private async markSent(rows: (typeof mailOutbox.$inferSelect)[], at: SQL) {
    if (!rows.length) return;
    const mark = (db: Db | Tx) =>
      db
        .update(mailOutbox)
        .set({ status: "sent", sentAt: sql`${at}`, lastError: null })
        .where(
          inArray(
            mailOutbox.id,
            rows.map((row) => row.id),
          ),
        );
    const reported = rows.filter((row) => row.ref && outcomeHandlers.has(row.purpose));
    if (!reported.length) {
      await mark(this.db);
      return;
    }
    await this.db.transaction(async (tx) => {
      await mark(tx);
      for (const row of reported) await report(tx, row, { status: "sent", error: null });
    });
  }

  /**
   * A row whose lease ran out after its last attempt: the sender died while sending it (perhaps
   * because of it). It fails here instead of being tried again every lease, for ever.
   */
  private async giveUpAbandoned(at: SQL) {
    const abandoned = await this.db.transaction(async (tx) => {
      const rows = await tx
        .update(mailOutbox)
        .set({ status: "failed", lastError: ABANDONED })
        .where(
          and(
            eq(mailOutbox.status, "queued"),
            sql`${mailOutbox.nextAttemptAt} <= ${at}`,
            sql`${mailOutbox.attempts} >= ${MAX_ATTEMPTS}`,
          ),
        )
        .returning({ id: mailOutbox.id, purpose: mailOutbox.purpose, ref: mailOutbox.ref });
      for (const row of rows) await report(tx, row, { status: "failed", error: ABANDONED });
      return rows;
    });
    for (const row of abandoned) this.log(`e-post: ${row.purpose} ${row.id}: ${ABANDONED}`);
  }

  private async claim(at: SQL) {
    const due = and(
      eq(mailOutbox.status, "queued"),
      sql`${mailOutbox.nextAttemptAt} <= ${at}`,
      sql`${mailOutbox.attempts} < ${MAX_ATTEMPTS}`,
    );
    const claimable = this.db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(due)
      .orderBy(mailOutbox.nextAttemptAt)
      .limit(BATCH)
      .for("update", { skipLocked: true });
    return (
      this.db
        .update(mailOutbox)
        .set({
          attempts: sql`${mailOutbox.attempts} + 1`,
          nextAttemptAt: sql`${at} + make_interval(secs => ${LEASE_SECONDS})`,
        })
        // `due` again: re-checked on the row as it is when locked, in case another sender just took it.
        .where(and(inArray(mailOutbox.id, claimable), due))
        .returning()
    );
  }

  /** Sends one claimed row; true when it went out (the caller marks it sent), false when it is to be retried. */
  private async deliver(row: typeof mailOutbox.$inferSelect, at: SQL, result: PassResult): Promise<boolean> {
    try {
      const mail = toOutgoingMail(row);
      // Which outbox row this is: a dev inbox merging the outbox with its own sink knows it has it.
      await this.send({ ...mail, headers: { ...mail.headers, [OUTBOX_ID_HEADER]: row.id } });
    } catch (error) {
      const last = row.attempts >= MAX_ATTEMPTS;
      const wait = RETRY_DELAYS_SECONDS[Math.min(row.attempts, RETRY_DELAYS_SECONDS.length) - 1];
      const lastError = messageOf(error).slice(0, 1000);
      await this.db.transaction(async (tx) => {
        await tx
          .update(mailOutbox)
          .set({
            status: last ? "failed" : "queued",
            nextAttemptAt: sql`${at} + make_interval(secs => ${wait})`,
            lastError,
          })
          .where(eq(mailOutbox.id, row.id));
        if (last) await report(tx, row, { status: "failed", error: lastError });
      });
      if (last) result.failed++;
      else result.retrying++;
      // The row's id, not the address: logs are no place for personal data.
      this.log(
        `e-post: ${row.purpose} ${row.id} kunde inte skickas (försök ${row.attempts} av ${MAX_ATTEMPTS}): ${messageOf(error)}`,
      );
      return false;
    }
    result.sent++;
    return true;
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

// One sender per database in this process: the routes' nudges, the worker and the tests share it.
const senders = new WeakMap<Db, MailSender>();

export function mailSenderFor(db: Db): MailSender {
  let sender = senders.get(db);
  if (!sender) {
    sender = new MailSender(db);
    senders.set(db, sender);
  }
  return sender;
}

/** Call after committing a transaction that queued mail. */
export const nudgeMailSender = (db: Db) => mailSenderFor(db).nudge();

/** Delivers everything due now (or at `now`): tests flush the outbox with it instead of waiting. */
export const sendDueMail = (db: Db, now?: Date) => mailSenderFor(db).flush(now);

/**
 * The worker main.ts starts: a pass now and then every `everyMs` (retries, mail queued by other
 * processes, leases of crashed senders). Sent mail older than 30 days is deleted hourly by a task on
 * the durable scheduler (platform/scheduler.ts), so with several processes on one database it runs
 * once an hour in all, not once in each. The returned stop lets the send in progress finish.
 */
export function startMailSender(db: Db, everyMs = 30_000): () => Promise<void> {
  const sender = mailSenderFor(db);
  const stopPurge = new Scheduler(db, {
    tickMs: Math.min(everyMs, 60_000),
    log: (message) => sender.log(`e-post: ${message}`),
  })
    .register({
      name: "mail.purgeSent",
      intervalMs: HOUR,
      lockMs: 10 * 60_000,
      run: async (db) => {
        await purgeSentMail(db);
      },
    })
    .start();
  const tick = () => sender.nudge();
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await stopPurge();
    await sender.stop();
  };
}
