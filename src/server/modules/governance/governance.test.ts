import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, demo, type Session } from "../../test/harness.ts";
import { mailsTo, parseIcs } from "../events/test/events.fixture.ts";
import { boardSeats, fixture, partnerEmail, seedGovernance } from "./test/governance.fixture.ts";

/** Bodies, members, meetings and the notice, with exactly the contract's names (issue 17, item 7). */
const t = await createTestApp({ seed: seedGovernance });
const missing = "00000000-0000-4000-8000-000000000000";
let coordinator: Session;
let boardMember: Session;
let partner: Session;
let boardId: string;
let meetingId: string;

beforeAll(async () => {
  coordinator = await t.login(demo.coordinator);
  boardMember = await t.login(demo.groupMember);
  partner = await t.login(partnerEmail);
});

describe("bodies", () => {
  it("creates the board and lists it", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/bodies",
      as: coordinator,
      payload: { name: "Samhällskontraktets styrelse", kind: "board", organisationId: fixture.sk },
    });
    expect(res.statusCode).toBe(201);
    boardId = res.json().id;
    expect(res.json()).toMatchObject({ kind: "board", organisationId: fixture.sk, members: [] });
    const list = await t.request({ method: "GET", url: "/api/bodies", as: partner });
    expect(list.json().items.map((b: { id: string }) => b.id)).toContain(boardId);
  });

  it("adds two members per party and shows them with the contract's fields, warning while a party is short", async () => {
    let body: { members: unknown[]; warnings: string[] } = { members: [], warnings: [] };
    for (const [i, [personId, partyOrganisationId, role]] of boardSeats().entries()) {
      const res = await t.request({
        method: "POST",
        url: `/api/bodies/${boardId}/members`,
        as: coordinator,
        payload: { personId, partyOrganisationId, role, startDate: "2010-01-01", endDate: null },
      });
      expect(res.statusCode).toBe(201);
      body = res.json();
      if (i === 0)
        expect(body.warnings).toEqual(["Mälardalens högskola har 1 ledamöter; styrelsen ska ha 2 per part."]);
    }
    expect(body.warnings).toEqual([]);
    const res = await t.request({ method: "GET", url: `/api/bodies/${boardId}`, as: boardMember });
    expect(res.statusCode).toBe(200);
    expect(res.json().members).toHaveLength(6);
    expect(res.json().members[0]).toMatchObject({
      personId: expect.any(String),
      partyOrganisationId: expect.any(String),
      role: expect.any(String),
      startDate: "2010-01-01",
      endDate: null,
    });
    const perParty = new Map<string, number>();
    for (const m of res.json().members)
      perParty.set(m.partyOrganisationId, (perParty.get(m.partyOrganisationId) ?? 0) + 1);
    expect([...perParty.values()]).toEqual([2, 2, 2]);
  });

  it("answers bad input with Swedish errors naming the field", async () => {
    const kind = await t.request({
      method: "POST",
      url: "/api/bodies",
      as: coordinator,
      payload: { name: "X", kind: "council", organisationId: fixture.sk },
    });
    expect(kind.statusCode).toBe(422);
    expect(kind.json().errors.kind).toBeDefined();
    const twice = await t.request({
      method: "POST",
      url: `/api/bodies/${boardId}/members`,
      as: coordinator,
      payload: {
        personId: fixture.people[0],
        partyOrganisationId: fixture.parties.mdh,
        role: "member",
        startDate: "2011-01-01",
      },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors.personId).toEqual([
      "Personen är redan ledamot i organet under en överlappande period.",
    ]);
    const period = await t.request({
      method: "POST",
      url: `/api/bodies/${boardId}/members`,
      as: coordinator,
      payload: { personId: fixture.outsider, role: "member", startDate: "2011-01-01", endDate: "2010-01-01" },
    });
    expect(period.statusCode).toBe(422);
    expect(period.json().errors.endDate).toEqual(["Slutdatum kan inte ligga före startdatum."]);
  });

  it("answers 404 for an unknown body and refuses those who may not manage", async () => {
    expect(
      (await t.request({ method: "GET", url: `/api/bodies/${missing}`, as: coordinator })).statusCode,
    ).toBe(404);
    const add = { personId: fixture.outsider, role: "member" };
    expect(
      (
        await t.request({
          method: "POST",
          url: `/api/bodies/${missing}/members`,
          as: coordinator,
          payload: add,
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.request({ method: "GET", url: "/api/bodies" })).statusCode).toBe(401);
    const create = { name: "Egen grupp", kind: "working_group", organisationId: fixture.sk };
    expect(
      (await t.request({ method: "POST", url: "/api/bodies", as: partner, payload: create })).statusCode,
    ).toBe(403);
    // A board member sees the board but is not its secretary.
    expect(
      (
        await t.request({
          method: "POST",
          url: `/api/bodies/${boardId}/members`,
          as: boardMember,
          payload: add,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe("meetings", () => {
  it("creates a meeting with its agenda and lists it per body and year", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/meetings",
      as: coordinator,
      payload: {
        bodyId: boardId,
        startsAt: "2010-05-20T13:00:00+02:00",
        place: "Mälardalens högskola, Västerås",
        agenda: [
          { title: "Mötets öppnande", kind: "information" },
          { title: "MOPS-bidrag", kind: "decision" },
          { title: "Personalfrågor", kind: "discussion", public: false },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    meetingId = res.json().id;
    expect(res.json().agenda.map((a: { title: string }) => a.title)).toEqual([
      "Mötets öppnande",
      "MOPS-bidrag",
      "Personalfrågor",
    ]);
    const list = await t.request({
      method: "GET",
      url: `/api/meetings?bodyId=${boardId}&year=2010`,
      as: boardMember,
    });
    expect(list.json().items.map((m: { id: string }) => m.id)).toEqual([meetingId]);
    const other = await t.request({
      method: "GET",
      url: `/api/meetings?bodyId=${boardId}&year=2011`,
      as: boardMember,
    });
    expect(other.json().items).toEqual([]);
  });

  it("refuses a meeting that ends before it starts, or of an unknown body", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/meetings",
      as: coordinator,
      payload: {
        bodyId: boardId,
        startsAt: "2010-05-20T13:00:00+02:00",
        endsAt: "2010-05-20T12:00:00+02:00",
        place: "X",
        agenda: [],
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.endsAt).toEqual(["Mötet kan inte sluta innan det börjar."]);
    const unknown = await t.request({
      method: "POST",
      url: "/api/meetings",
      as: coordinator,
      payload: {
        bodyId: missing,
        startsAt: "2010-05-20T13:00:00+02:00",
        place: "X",
        agenda: [{ title: "A", kind: "vote" }],
      },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors["agenda.0.kind"]).toBeDefined();
  });

  it("shows members the whole meeting, hides a non-public one from partners and the public", async () => {
    const member = await t.request({ method: "GET", url: `/api/meetings/${meetingId}`, as: boardMember });
    expect(member.statusCode).toBe(200);
    expect(member.json().agenda).toHaveLength(3);
    expect(
      (await t.request({ method: "GET", url: `/api/meetings/${meetingId}`, as: partner })).statusCode,
    ).toBe(404);
    expect((await t.request({ method: "GET", url: `/api/meetings/${meetingId}` })).statusCode).toBe(404);
    expect(
      (await t.request({ method: "GET", url: `/api/meetings?bodyId=${boardId}`, as: partner })).json().items,
    ).toEqual([]);
    expect(
      (await t.request({ method: "GET", url: `/api/meetings/${missing}`, as: coordinator })).statusCode,
    ).toBe(404);
    const create = { bodyId: boardId, startsAt: "2010-06-01T10:00:00Z", place: "X", agenda: [] };
    expect(
      (await t.request({ method: "POST", url: "/api/meetings", as: partner, payload: create })).statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: "POST", url: "/api/meetings", as: boardMember, payload: create }))
        .statusCode,
    ).toBe(403);
  });

  it("a public meeting shows outsiders only its public agenda items", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/meetings",
      as: coordinator,
      payload: {
        bodyId: boardId,
        startsAt: "2010-09-20T13:00:00+02:00",
        place: "Eskilstuna",
        public: true,
        agenda: [
          { title: "Öppen punkt", kind: "information" },
          { title: "Sluten punkt", kind: "discussion", public: false },
        ],
      },
    });
    const seen = await t.request({ method: "GET", url: `/api/meetings/${res.json().id}`, as: partner });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().agenda.map((a: { title: string }) => a.title)).toEqual(["Öppen punkt"]);
    const anonymous = await t.request({ method: "GET", url: `/api/meetings/${res.json().id}` });
    expect(anonymous.json().agenda).toHaveLength(1);
  });
});

describe("the notice", () => {
  it("mails every member the agenda and a calendar file", async () => {
    const res = await t.request({
      method: "POST",
      url: `/api/meetings/${meetingId}/notice`,
      as: coordinator,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().recipients).toBe(6);
    const [mail] = await mailsTo(t, "styrelse@demo.samspel.se");
    expect(mail.subject).toContain("Kallelse: Möte i Samhällskontraktets styrelse");
    expect(mail.text).toContain("§ 2 MOPS-bidrag (beslut)");
    const ics = mail.attachments.find((a) => a.filename === "kallelse.ics")!;
    const [event] = parseIcs(ics.content.toString("utf8"));
    expect(event).toMatchObject({
      summary: "Möte i Samhällskontraktets styrelse",
      location: "Mälardalens högskola, Västerås",
      start: "2010-05-20T11:00:00.000Z",
    });
  });

  it("refuses the notice to those who may not manage, and for an unknown meeting", async () => {
    expect(
      (await t.request({ method: "POST", url: `/api/meetings/${meetingId}/notice`, as: boardMember }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: "POST", url: `/api/meetings/${meetingId}/notice`, as: partner })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: "POST", url: `/api/meetings/${missing}/notice`, as: coordinator }))
        .statusCode,
    ).toBe(404);
  });
});

describe("the OpenAPI document", () => {
  it("documents every governance path of the contract", async () => {
    const res = await t.request({ method: "GET", url: "/api/openapi.json" });
    const paths = res.json().paths;
    const expected: [string, string][] = [
      ["/api/bodies", "get"],
      ["/api/bodies", "post"],
      ["/api/bodies/{id}", "get"],
      ["/api/bodies/{id}/members", "post"],
      ["/api/meetings", "get"],
      ["/api/meetings", "post"],
      ["/api/meetings/{id}/notice", "post"],
      ["/api/meetings/{id}/minutes", "put"],
      ["/api/meetings/{id}/minutes/approve", "post"],
      ["/api/meetings/{id}/decisions", "post"],
      ["/api/decisions", "get"],
      ["/api/decisions/{id}", "patch"],
      ["/api/registry", "get"],
      ["/api/registry", "post"],
    ];
    for (const [path, method] of expected) expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });
});
