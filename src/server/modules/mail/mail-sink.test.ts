import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { MailSender, sendDueMail } from "./mail-sender.ts";
import { queueMail } from "./outbox.ts";

// Several app processes without SMTP_URL each capture their own mail in memory; the dev inbox shows
// what the outbox says was sent, whichever process sent it (issue 19, item 7).
const t = await createTestApp();
const admin = await t.login(demo.admin);

const inbox = async () => {
  const res = await t.request({ method: "GET", url: "/api/admin/mail-sink", as: admin });
  expect(res.statusCode).toBe(200);
  return res.json().items as { to: string[]; subject: string; text: string }[];
};

describe("the dev inbox with several processes", () => {
  it("shows mail another process sent through the outbox, and this process's own mail once", async () => {
    const db = t.database.db;
    await queueMail(db, "test.here", { to: "har@example.se", subject: "Skickat här", text: "Hej härifrån" });
    await sendDueMail(db);
    // Another process's sender: its SMTP sink is in that process, out of this one's sight.
    const elsewhere = new MailSender(db);
    const reachedElsewhere: string[] = [];
    elsewhere.send = async (mail) => {
      reachedElsewhere.push(mail.to);
    };
    await queueMail(db, "test.elsewhere", {
      to: "dar@example.se",
      subject: "Skickat i en annan process",
      text: "Hej därifrån",
    });
    expect(await elsewhere.flush()).toMatchObject({ sent: 1 });
    expect(reachedElsewhere).toEqual(["dar@example.se"]);

    const items = await inbox();
    expect(items.filter((m) => m.subject === "Skickat här")).toHaveLength(1);
    const [other] = items.filter((m) => m.subject === "Skickat i en annan process");
    expect(other).toMatchObject({ to: ["dar@example.se"], text: "Hej därifrån\n" });
    // Newest first.
    expect(items.indexOf(other)).toBeLessThan(items.findIndex((m) => m.subject === "Skickat här"));
  });
});
