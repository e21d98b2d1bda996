import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { createTestApp } from "../../test/harness.ts";
import { mailSenderFor, nudgeMailSender } from "./mail-sender.ts";
import { queueMail } from "./outbox.ts";

// Its own file: the test closes the app, which the other outbox tests still need.
const t = await createTestApp();
const db = t.database.db;

it("lets the mail being sent finish, and records it as sent, before the app has closed", async () => {
  let release = () => {};
  const transportStarted = new Promise<void>((started) => {
    mailSenderFor(db).send = () => {
      started();
      return new Promise<void>((done) => {
        release = done;
      });
    };
  });
  await queueMail(db, "test", { to: "sist@example.se", subject: "Sist ut", text: "Hej" });
  nudgeMailSender(db);
  await transportStarted;

  let closed = false;
  const closing = t.app.close().then(() => {
    closed = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  expect(closed).toBe(false);
  release();
  await closing;

  const rows = await queryRows<{ status: string }>(
    db,
    sql`select status from mail_outbox where recipient = 'sist@example.se'`,
  );
  expect(rows).toEqual([{ status: "sent" }]);
});
