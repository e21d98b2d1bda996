import { describe, expect, it } from "vitest";
import { createEvent, daysAgo, register, tokenOf } from "../modules/events/test/events.fixture.ts";
import { createTestApp, demo, type Session } from "../test/harness.ts";

/**
 * Issue 11, findings 1, 3 and 13 (output links, personal registration links), re-enacted as the probe
 * did them: each must now be refused.
 *
 * Where the other findings are re-enacted (every file runs on PGlite and, with TEST_DATABASE_URL, on
 * PostgreSQL; the two marked * start processes on the embedded database and run on PGlite only):
 *  2 zip bomb ............ modules/transfer/upload-security.test.ts, platform/zip-guard.test.ts
 *  4 X-Forwarded-For ..... modules/accounts/login-security.test.ts
 *  5 lock-out and race ... modules/accounts/login-security.test.ts
 *  6 mail flooding ....... modules/mail/mail-caps.test.ts
 *  7 unhandled 500s ...... security/robustness.test.ts, security/fuzz.test.ts,
 *                          modules/transfer/upload-security.test.ts (415 on multipart routes)
 *  8 insecure default .... modules/accounts/login-security.test.ts (demo login), main.test.ts* (demo data)
 *  9 CSV injection ....... security/robustness.test.ts
 * 10 lost updates ........ platform/etag.test.ts (eight concurrent tag edits), etag.routes.test.ts,
 *                          etag.parts.test.ts; e2e/concurrent-edit.e2e.ts (the web form)
 * 11 DATA_DIR lock ....... platform/data-dir-lock.test.ts*
 * 12 ICS injection ....... security/robustness.test.ts
 * 13 the rest ............ here; modules/transfer/upload-security.test.ts (import refused before its body),
 *                          modules/indicators/evidence-files.test.ts, login-security.test.ts and
 *                          e2e/security-headers.e2e.ts (headers)
 */

const t = await createTestApp();
const admin = await t.login(demo.admin);
const coordinator = await t.login(demo.coordinator);
const groupMember = await t.login(demo.groupMember);

async function created(url: string, payload: Record<string, unknown>, as: Session = admin) {
  const res = await t.request({ method: "POST", url, as, payload });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; [key: string]: unknown };
}

const own = await created("/api/organisations", { name: "Partnerns kommun", type: "kommun" });
const other = await created("/api/organisations", { name: "Andra regionen", type: "region" });
const colleague = await created("/api/people", {
  name: "Kalle Kollega",
  email: "kalle@partnerns.se",
  memberships: [{ organisationId: own.id, role: "Handläggare" }],
});
const otherLead = await created("/api/people", {
  name: "Olga Projektledare",
  email: "olga@andra.se",
  title: "Projektledare",
  memberships: [{ organisationId: other.id, role: "Utvecklingsledare" }],
});
const ownProject = await created("/api/projects", {
  name: "Partnerns projekt",
  ownerOrganisationId: own.id,
  funding: [{ kind: "own", amount: 100_000 }],
});
const otherProject = await created("/api/projects", {
  name: "Andras hemliga projekt",
  ownerOrganisationId: other.id,
  leadPersonId: otherLead.id,
  funding: [{ kind: "own", amount: 4_200_000 }],
  reportDueDate: "2020-01-01",
});
await t.request({
  method: "POST",
  url: `/api/projects/${otherProject.id}/reports`,
  as: coordinator,
  payload: { doneSinceLast: "Konfidentiell lägesrapport om budgetläget." },
});
// Overdue again after the report (a report moves the due date on).
await t.request({
  method: "PATCH",
  url: `/api/projects/${otherProject.id}`,
  as: admin,
  payload: { reportDueDate: "2020-01-01" },
});
const users = (await t.request({ method: "GET", url: "/api/admin/users?limit=100", as: admin })).json().items;
const partnerUserId = users.find((u: { email: string }) => u.email === demo.partner).id as string;
await t.request({
  method: "PUT",
  url: `/api/admin/users/${partnerUserId}/roles`,
  as: admin,
  payload: { roles: [{ role: "partner", scopeType: "organisation", scopeId: own.id }] },
});
const partner = await t.login(demo.partner);

const person = async (id: string) =>
  (await t.request({ method: "GET", url: `/api/people/${id}`, as: admin })).json();
const patchPerson = (id: string, payload: Record<string, unknown>, as: Session) =>
  t.request({ method: "PATCH", url: `/api/people/${id}`, as, payload });

describe("finding 1: no privilege escalation through public registration", () => {
  it("records a registration with an existing person's e-mail without changing the person", async () => {
    const event = await createEvent(t, coordinator, {
      questions: { organisation: "optional", role: "optional" },
    });
    const before = await person(otherLead.id);
    const res = await register(t, event.id, {
      name: "Någon Annan",
      email: "OLGA@andra.se",
      organisation: "Partnerns kommun",
      role: "Chef",
    });
    expect(res.statusCode).toBe(201);
    const after = await person(otherLead.id);
    expect(after.memberships).toEqual(before.memberships);
    expect(after).toMatchObject({ name: "Olga Projektledare", title: "Projektledare" });
  });

  it("lets the partner neither edit another organisation's person nor link anyone to their account", async () => {
    expect((await patchPerson(otherLead.id, { userId: partnerUserId }, partner)).statusCode).toBe(403);
    const membershipGrab = await patchPerson(
      otherLead.id,
      { memberships: [{ organisationId: own.id }, { organisationId: other.id }] },
      partner,
    );
    expect(membershipGrab.statusCode).toBe(403);
    // Even their own organisation's person: linking an account is an administrator's act.
    expect((await patchPerson(colleague.id, { userId: partnerUserId }, partner)).statusCode).toBe(403);
    expect((await patchPerson(colleague.id, { userId: partnerUserId }, coordinator)).statusCode).toBe(403);
    expect((await person(colleague.id)).userId).toBeNull();
    const report = await t.request({
      method: "POST",
      url: `/api/projects/${otherProject.id}/reports`,
      as: partner,
      payload: { doneSinceLast: "Nu är det jag som leder." },
    });
    expect(report.statusCode).toBe(404);
  });

  it("lets the partner change their own organisation's people, but not memberships of another organisation", async () => {
    const renamed = await patchPerson(colleague.id, { title: "Enhetschef" }, partner);
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().title).toBe("Enhetschef");
    const addOther = await patchPerson(
      colleague.id,
      { memberships: [{ organisationId: own.id, role: "Handläggare" }, { organisationId: other.id }] },
      partner,
    );
    expect(addOther.statusCode).toBe(403);
    expect(addOther.json().detail).toMatch(/behörighet|får inte/i);
    const ownRole = await patchPerson(
      colleague.id,
      { memberships: [{ organisationId: own.id, role: "Enhetschef" }] },
      partner,
    );
    expect(ownRole.statusCode).toBe(200);
    expect(ownRole.json().memberships).toMatchObject([{ organisationId: own.id, role: "Enhetschef" }]);
    expect((await person(colleague.id)).memberships).toHaveLength(1);
  });

  it("lets an administrator link a person to a user account", async () => {
    const linked = await patchPerson(colleague.id, { userId: partnerUserId }, admin);
    expect(linked.statusCode).toBe(200);
    expect(linked.json().userId).toBe(partnerUserId);
  });
});

describe("finding 3: one rule for reading a project's follow-up data", () => {
  const get = (url: string, as: Session) => t.request({ method: "GET", url, as });

  it("hides another organisation's project, its money and report text, from a partner everywhere", async () => {
    expect((await get(`/api/projects/${otherProject.id}`, partner)).statusCode).toBe(404);
    const mine = await get(`/api/projects/${ownProject.id}`, partner);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().fundingTotals.total).toBe(100_000);
    const list = (await get("/api/projects?limit=100", partner))
      .json()
      .items.map((p: { name: string }) => p.name);
    expect(list).toContain("Partnerns projekt");
    expect(list).not.toContain("Andras hemliga projekt");
    const csv = (await get("/api/projects/export?format=csv", partner)).body;
    expect(csv).toContain("Partnerns projekt");
    expect(csv).not.toContain("Andras hemliga projekt");
    const dashboard = (await get("/api/projects/dashboard", partner)).json();
    expect(dashboard.byColour.total).toBe(1);
    expect(JSON.stringify(dashboard)).not.toContain("Andras hemliga projekt");
    const timeline = (await get("/api/projects/timeline", partner)).json();
    expect(timeline.items.map((p: { name: string }) => p.name)).toEqual(["Partnerns projekt"]);
    const overdue = (await get("/api/projects/reports/overdue", partner)).json();
    expect(overdue.items).toEqual([]);
    const progress = (id: string) =>
      get(`/api/reports/progress?projectId=${id}&from=2020-01-01&to=2030-12-31`, partner);
    expect((await progress(otherProject.id)).statusCode).toBe(404);
    expect((await progress(ownProject.id)).statusCode).toBe(200);
    expect((await get(`/api/reports/follow-up?projectId=${otherProject.id}`, partner)).statusCode).toBe(404);
  });

  it("shows every project, with its money and reports, inside the platform", async () => {
    const detail = await get(`/api/projects/${otherProject.id}`, groupMember);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().fundingTotals.total).toBe(4_200_000);
    expect(detail.json().reports[0].doneSinceLast).toBe("Konfidentiell lägesrapport om budgetläget.");
    const list = (await get("/api/projects?limit=100", groupMember)).json().items;
    expect(list.map((p: { name: string }) => p.name)).toContain("Andras hemliga projekt");
    expect((await get("/api/projects/reports/overdue", groupMember)).json().items).toHaveLength(1);
  });
});

describe("finding 13: output links and personal registration links", () => {
  const addOutput = (url: unknown) =>
    t.request({
      method: "POST",
      url: `/api/projects/${ownProject.id}/outputs`,
      as: coordinator,
      payload: { type: "report", title: "Slutrapport", url },
    });

  it("accepts only http(s) links on a project output, in Swedish", async () => {
    for (const url of [
      "javascript:alert(document.cookie)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<b>x</b>",
      "vbscript:x",
      "//evil.example",
    ]) {
      const res = await addOutput(url);
      expect(res.statusCode, url).toBe(422);
      expect(res.json().errors.url).toEqual([
        "Ange en fullständig webbadress som börjar med https:// eller http://.",
      ]);
    }
    const ok = await addOutput("https://www.example.se/slutrapport.pdf");
    expect(ok.statusCode).toBe(201);
    expect(ok.json().outputs.map((o: { url: string }) => o.url)).toContain(
      "https://www.example.se/slutrapport.pdf",
    );
    expect((await addOutput("")).statusCode).toBe(201);
  });

  it("stops a personal link from changing a registration once the event has begun, and expires it later", async () => {
    const event = await createEvent(t, coordinator);
    const token = tokenOf(
      (await register(t, event.id, { name: "Lisa Länk", email: "lisa@example.se" })).json().manageUrl,
    );
    const link = `/api/public/registrations/${token}`;
    const moveTo = (date: string) =>
      t.request({
        method: "PATCH",
        url: `/api/events/${event.id}`,
        as: coordinator,
        payload: { sessions: [{ date, startTime: "09:00", endTime: "10:00" }] },
      });
    expect((await t.request({ method: "PATCH", url: link, payload: { name: "Lisa L." } })).statusCode).toBe(
      200,
    );
    await moveTo(daysAgo(2));
    const change = await t.request({ method: "PATCH", url: link, payload: { name: "Någon annan" } });
    expect(change.statusCode).toBe(409);
    expect(change.json().detail).toMatch(/^Evenemanget har redan börjat eller är över/);
    const cancel = await t.request({ method: "POST", url: `${link}/cancel` });
    expect(cancel.statusCode).toBe(409);
    const shown = await t.request({ method: "GET", url: link });
    expect(shown.json()).toMatchObject({ name: "Lisa L.", status: "confirmed" });
    await moveTo(daysAgo(45));
    for (const res of [
      await t.request({ method: "GET", url: link }),
      await t.request({ method: "PATCH", url: link, payload: { name: "Sent" } }),
      await t.request({ method: "POST", url: `${link}/feedback`, payload: { rating: 5 } }),
      await t.request({ method: "GET", url: `${link}/checkin-code.svg` }),
    ]) {
      expect(res.statusCode).toBe(410);
      expect(res.json().detail).toMatch(/^Den personliga länken gäller inte längre/);
    }
  });
});
