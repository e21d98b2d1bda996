import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { systemActor } from "../../platform/actor.ts";
import { auditLog, users } from "../../platform/platform.schema.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { ensureUser } from "../accounts/accounts.service.ts";
import { createEvent, mailsTo, register } from "../events/test/events.fixture.ts";
import {
  addMember,
  approveMinutes,
  createBody,
  createDecision,
  createMeeting,
  saveMinutes,
} from "../governance/index.ts";
import { createOrganisation } from "../organisations/organisations.service.ts";

/**
 * Issue 20 on both databases: a coordinator's register extract finds every registration and
 * subscription of a participant; the erasure removes the name but keeps the counts; a user is
 * deactivated and anonymised, the last administrator refused; a person an approved decision names is
 * kept and listed; the record of processing downloads; the person's own extract goes by a mailed link.
 */

const t = await createTestApp();
const db = t.database.db;
const coordinator = await t.login(demo.coordinator);
const partner = await t.login(demo.partner);
const admin = await t.login(demo.admin);

const get = (url: string, as = coordinator) => t.request({ method: "GET", url, as });
const post = (url: string, payload: object, as = coordinator) =>
  t.request({ method: "POST", url, payload, as });

async function person(name: string, email: string) {
  const res = await post("/api/people", { name, email });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** A demo-like participant: in the register, registered to two events (one with dietary needs), subscribed. */
async function participant(name: string, email: string) {
  const personId = await person(name, email);
  const events = [
    await createEvent(t, coordinator, { questions: { dietary: true, roleFrom: "catalogue" } }),
    await createEvent(t, coordinator),
  ];
  const first = await register(t, events[0].id, { name, email, roleKey: "larare", dietary: "Glutenfri" });
  expect(first.statusCode).toBe(201);
  const second = await register(t, events[1].id, { name, email, organisation: "Sala kommun" });
  expect(second.statusCode).toBe(201);
  // A fellow participant of the first event, so that the event's counts are more than the erased one.
  await register(t, events[0].id, { name: "Annan Deltagare", email: `annan.${email}` });
  const sub = await t.request({
    method: "POST",
    url: "/api/public/newsletter/subscriptions",
    payload: { email, name, themes: [] },
  });
  expect(sub.statusCode).toBe(202);
  return { personId, events: events.map((e) => e.id) };
}

const counts = async (eventId: string) => (await get(`/api/events/${eventId}`)).json().counts;

describe("GET /api/personal-data/extract", () => {
  it("finds every registration and subscription of a participant, by email and by personId", async () => {
    const p = await participant("Maja Extraktsson", "maja.extrakt@sala.se");
    const res = await get("/api/personal-data/extract?email=maja.extrakt@sala.se&format=json");
    expect(res.statusCode).toBe(200);
    const extract = res.json();
    const section = (key: string) => extract.sections.find((s: { category: string }) => s.category === key);
    expect(section("people").records[0].Namn).toBe("Maja Extraktsson");
    expect(section("event_registrations").records).toHaveLength(2);
    expect(section("event_dietary_needs").records[0].Kostbehov).toBe("Glutenfri");
    expect(section("newsletter_subscribers").records[0]["E-post"]).toBe("maja.extrakt@sala.se");
    for (const s of extract.sections) {
      expect(s.purpose).not.toBe("");
      expect(s.legalBasis).not.toBe("");
      expect(s.retention).not.toBe("");
    }
    expect(section("event_registrations").retention).toBe("24 månader efter evenemanget");

    const byId = (await get(`/api/personal-data/extract?personId=${p.personId}`)).json();
    expect(
      byId.sections.find((s: { category: string }) => s.category === "event_registrations").records,
    ).toHaveLength(2);

    // Audited, without the data.
    const logged = await db.select().from(auditLog).where(eq(auditLog.action, "personal_data.extract"));
    expect(logged.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(logged.map((l) => l.after))).not.toContain("maja.extrakt");
  });

  it("answers a PDF with each category's purpose, legal basis and retention", async () => {
    await participant("Pelle Pdfsson", "pelle.pdf@sala.se");
    const html = await get("/api/personal-data/extract?email=pelle.pdf@sala.se&format=html");
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain("Anmälningar till evenemang");
    expect(html.body).toContain("Rättslig grund");
    expect(html.body).toContain("24 månader efter evenemanget");
    const pdf = await get("/api/personal-data/extract?email=pelle.pdf@sala.se&format=pdf");
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toContain("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("refuses partners (403) and the public (401), and asks for an e-mail or personId (422)", async () => {
    expect((await get("/api/personal-data/extract?email=x@y.se", partner)).statusCode).toBe(403);
    expect(
      (await t.request({ method: "GET", url: "/api/personal-data/extract?email=x@y.se" })).statusCode,
    ).toBe(401);
    const bad = await get("/api/personal-data/extract");
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.email[0]).toContain("e-postadress");
    expect(
      (await get("/api/personal-data/extract?personId=00000000-0000-4000-8000-000000000000")).statusCode,
    ).toBe(404);
  });
});

describe("erasure", () => {
  it("lists the impact first, then erases: the name is gone, the participant counts unchanged", async () => {
    const p = await participant("Erika Raderas", "erika.raderas@sala.se");
    const before = await Promise.all(p.events.map(counts));
    const impact = await get("/api/personal-data/erasure/impact?email=erika.raderas@sala.se");
    expect(impact.statusCode).toBe(200);
    const items = impact.json().items as { category: string; action: string; count: number }[];
    expect(items).toContainEqual(
      expect.objectContaining({ category: "event_registrations", action: "anonymise", count: 2 }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ category: "event_dietary_needs", action: "remove", count: 1 }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ category: "newsletter_subscribers", action: "remove" }),
    );

    const res = await post("/api/personal-data/erasure", { email: "erika.raderas@sala.se" });
    expect(res.statusCode).toBe(200);
    expect(res.json().erased).toBe(true);

    expect(await Promise.all(p.events.map(counts))).toEqual(before);
    for (const id of p.events) {
      const list = (await get(`/api/events/${id}/participants`)).json().items as {
        name: string;
        email: string | null;
        roleKey: string | null;
      }[];
      expect(list.map((x) => x.name)).not.toContain("Erika Raderas");
      expect(list.map((x) => x.email)).not.toContain("erika.raderas@sala.se");
    }
    const first = (await get(`/api/events/${p.events[0]}/participants`)).json().items;
    expect(first.find((x: { name: string }) => x.name === "Raderad deltagare").roleKey).toBe("larare");
    expect((await get(`/api/people/${p.personId}`)).json().name).toBe("Raderad person");

    const after = (await get(`/api/personal-data/extract?personId=${p.personId}`)).json();
    expect(JSON.stringify(after)).not.toContain("erika.raderas@sala.se");
    expect(JSON.stringify(after)).not.toContain("Glutenfri");
    // Audit entries keep that a change happened, not the erased values; the erasure's own entry holds no data.
    const all = await db.select().from(auditLog);
    expect(JSON.stringify(all.map((a) => [a.before, a.after]))).not.toContain("erika.raderas@sala.se");
    expect(all.some((a) => a.action === "personal_data.erase" && a.entityId === p.personId)).toBe(true);
  });

  it("deactivates and anonymises a user account", async () => {
    await person("Ulla Användare", "ulla.anvandare@sala.se");
    await ensureUser(db, systemActor, {
      email: "ulla.anvandare@sala.se",
      name: "Ulla Användare",
      password: "ulla-losenord-2026",
      roles: [{ role: "coordinator", scopeType: null, scopeId: null }],
    });
    const ulla = await t.login("ulla.anvandare@sala.se", "ulla-losenord-2026");
    const made = await post("/api/auth/tokens", { name: "Ullas integration", expiresInDays: 30 }, ulla);
    expect(made.statusCode).toBe(201);
    const viaToken = () =>
      t.request({
        method: "GET",
        url: "/api/organisations",
        headers: { authorization: `Bearer ${made.json().token}` },
      });
    expect((await viaToken()).statusCode).toBe(200);
    const impact = (await get("/api/personal-data/erasure/impact?email=ulla.anvandare@sala.se")).json();
    expect(impact.items).toContainEqual(expect.objectContaining({ category: "users", action: "anonymise" }));
    expect((await post("/api/personal-data/erasure", { email: "ulla.anvandare@sala.se" })).statusCode).toBe(
      200,
    );
    const [row] = await db.select().from(users).where(eq(users.name, "Raderad användare"));
    expect(row.active).toBe(false);
    expect(row.email).not.toContain("ulla");
    const login = await t.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "ulla.anvandare@sala.se", password: "ulla-losenord-2026" },
    });
    expect(login.statusCode).toBe(401);
    // Her API token stops working with the account.
    expect((await viaToken()).statusCode).toBe(401);
  });

  it("refuses to erase the last administrator (409, in Swedish) and changes nothing", async () => {
    const res = await post("/api/personal-data/erasure", { email: demo.admin });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(
      "Personen är den sista administratören och kan inte raderas. Ge en annan användare rollen administratör först.",
    );
    expect((await get("/api/auth/me", admin)).statusCode).toBe(200);
  });

  it("keeps and lists a person an approved decision names, with the rule that keeps it", async () => {
    const personId = await person("Kerstin Beslutsdotter", "kerstin.beslut@sala.se");
    const org = await createOrganisation(db, systemActor, { name: "Beslutsorganisationen", type: "annan" });
    const body = await createBody(db, systemActor, {
      name: "Styrelsen för test",
      kind: "board",
      organisationId: org.id,
    });
    await addMember(db, systemActor, body.id, { personId, role: "member" });
    const meeting = await createMeeting(db, systemActor, {
      bodyId: body.id,
      startsAt: "2026-03-02T10:00:00+01:00",
    });
    await createDecision(db, systemActor, meeting.id, {
      title: "Ny samordnare",
      text: "Styrelsen utser Kerstin Beslutsdotter till samordnare.",
    });
    await saveMinutes(db, systemActor, meeting.id, {
      text: "Protokoll.",
      attendance: [personId],
      adjusters: [personId],
    });
    await approveMinutes(db, systemActor, meeting.id);

    const impact = (await get(`/api/personal-data/erasure/impact?personId=${personId}`)).json();
    const kept = impact.items.filter((i: { action: string }) => i.action === "keep");
    expect(kept.map((i: { description: string }) => i.description).join(" ")).toContain("Ny samordnare");
    expect(kept.every((i: { rule: string | null }) => i.rule?.includes("arkivlagen"))).toBe(true);

    expect((await post("/api/personal-data/erasure", { personId })).statusCode).toBe(200);
    const kept2 = (await get(`/api/people/${personId}`)).json();
    expect(kept2.name).toBe("Kerstin Beslutsdotter");
    expect(kept2.email).toBeNull();
  });

  it("answers 404 for nothing held, 422 without a subject, 403 to partners", async () => {
    expect((await post("/api/personal-data/erasure", { email: "ingen.alls@example.se" })).statusCode).toBe(
      404,
    );
    expect((await post("/api/personal-data/erasure", {})).statusCode).toBe(422);
    expect((await post("/api/personal-data/erasure", { email: "x@y.se" }, partner)).statusCode).toBe(403);
    expect((await get("/api/personal-data/erasure/impact?email=x@y.se", partner)).statusCode).toBe(403);
  });
});

describe("GET /api/admin/processing-record", () => {
  it("is generated from the category table, as JSON and as files", async () => {
    const res = await get("/api/admin/processing-record");
    expect(res.statusCode).toBe(200);
    const record = res.json();
    const keys = record.categories.map((c: { key: string }) => c.key);
    for (const k of [
      "people",
      "users",
      "memberships",
      "event_registrations",
      "event_dietary_needs",
      "newsletter_subscribers",
      "idea_submitters",
      "outbox_failed",
      "audit_entries",
    ])
      expect(keys).toContain(k);
    const newsletter = record.categories.find((c: { key: string }) => c.key === "newsletter_subscribers");
    expect(newsletter.retention).toBe(
      "tills avregistrering, obekräftade 24 månader (gallras automatiskt varje dygn; regel: 24 månader)",
    );
    expect(newsletter.security.length).toBeGreaterThan(0);
    const xlsx = await get("/api/admin/processing-record?format=xlsx", admin);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toContain("attachment");
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const docx = await get("/api/admin/processing-record?format=docx");
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect((await get("/api/admin/processing-record", partner)).statusCode).toBe(403);
  });

  it("states the retention rule an administrator has set, not only the default", async () => {
    const put = await t.request({
      method: "PUT",
      url: "/api/admin/retention/rules",
      as: admin,
      payload: { rules: [{ key: "outbox_failed", months: 0, days: 45, enabled: true }] },
    });
    expect(put.statusCode).toBe(200);
    const record = (await get("/api/admin/processing-record")).json();
    const failed = record.categories.find((c: { key: string }) => c.key === "outbox_failed");
    expect(failed.retention).toContain("regel: 45 dagar");
  });
});

describe("the person's own extract by e-mail link", () => {
  it("always answers 202, mails a one-time link that shows the extract once", async () => {
    await participant("Sara Själv", "sara.sjalv@sala.se");
    const res = await t.request({
      method: "POST",
      url: "/api/personal-data/extract-request",
      payload: { email: "sara.sjalv@sala.se" },
    });
    expect(res.statusCode).toBe(202);
    const unknown = await t.request({
      method: "POST",
      url: "/api/personal-data/extract-request",
      payload: { email: "okand@example.se" },
    });
    expect(unknown.statusCode).toBe(202);
    const mails = await mailsTo(t, "sara.sjalv@sala.se");
    const mail = mails.find((m) => m.subject === "Ditt registerutdrag från Samspel")!;
    const link = /\/api\/personal-data\/self-extract\/\S+/.exec(mail.text ?? "")![0];
    const page = await t.request({ method: "GET", url: `${link}?format=json` });
    expect(page.statusCode).toBe(200);
    expect(
      page.json().sections.find((s: { category: string }) => s.category === "event_registrations").records,
    ).toHaveLength(2);
    const again = await t.request({ method: "GET", url: link });
    expect(again.statusCode).toBe(410);
    expect(again.json().detail).toContain("15 minuter");
    expect(
      (await t.request({ method: "POST", url: "/api/personal-data/extract-request", payload: {} }))
        .statusCode,
    ).toBe(422);
  });
});
