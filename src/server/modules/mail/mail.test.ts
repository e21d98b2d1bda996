import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { sendMail } from "./mail.service.ts";

const t = await createTestApp();
const [admin, coordinator] = await Promise.all([t.login(demo.admin), t.login(demo.coordinator)]);

describe("GET /api/admin/mail-sink (the dev inbox)", () => {
  it("shows administrators what the local SMTP sink received, newest first, with attachments", async () => {
    await sendMail({ to: "forsta@example.se", subject: "Första", text: "Hej" });
    await sendMail({
      to: "andra@example.se",
      subject: "Andra – åäö",
      text: "Hej igen",
      attachments: [
        {
          filename: "evenemang.ics",
          content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
          contentType: "text/calendar",
        },
      ],
    });
    const res = await t.request({ method: "GET", url: "/api/admin/mail-sink", as: admin });
    expect(res.statusCode).toBe(200);
    const [newest, older] = res.json().items;
    expect(newest).toMatchObject({
      to: ["andra@example.se"],
      subject: "Andra – åäö",
      attachments: [{ filename: "evenemang.ics", contentType: "text/calendar" }],
    });
    expect(older).toMatchObject({ subject: "Första", text: "Hej\n" });
  });

  it("is for administrators only", async () => {
    expect(
      (await t.request({ method: "GET", url: "/api/admin/mail-sink", as: coordinator })).statusCode,
    ).toBe(403);
    expect((await t.request({ method: "GET", url: "/api/admin/mail-sink" })).statusCode).toBe(401);
  });
});
