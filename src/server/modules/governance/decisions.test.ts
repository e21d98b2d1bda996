import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, demo, type Session } from "../../test/harness.ts";
import { boardSeats, fixture, partnerEmail, seedGovernance } from "./test/governance.fixture.ts";

/** Minutes, approval, decisions and the registry, with exactly the contract's names (issue 17, item 7). */
const t = await createTestApp({ seed: seedGovernance });
const missing = "00000000-0000-4000-8000-000000000000";
let coordinator: Session;
let boardMember: Session;
let partner: Session;
let boardId: string;
let meeting: { id: string; agenda: { id: string }[] };

beforeAll(async () => {
  coordinator = await t.login(demo.coordinator);
  boardMember = await t.login(demo.groupMember);
  partner = await t.login(partnerEmail);
  const body = await t.request({
    method: "POST",
    url: "/api/bodies",
    as: coordinator,
    payload: { name: "Samhällskontraktets styrelse", kind: "board", organisationId: fixture.sk },
  });
  boardId = body.json().id;
  for (const [personId, partyOrganisationId, role] of boardSeats())
    await t.request({
      method: "POST",
      url: `/api/bodies/${boardId}/members`,
      as: coordinator,
      payload: { personId, partyOrganisationId, role, startDate: "2010-01-01" },
    });
  const created = await t.request({
    method: "POST",
    url: "/api/meetings",
    as: coordinator,
    payload: {
      bodyId: boardId,
      startsAt: "2010-05-20T13:00:00+02:00",
      place: "Västerås",
      public: true,
      agenda: [
        { title: "MOPS-bidrag", kind: "decision" },
        { title: "Personalfrågor", kind: "discussion", public: false },
      ],
    },
  });
  meeting = created.json();
});

describe("minutes and decisions", () => {
  let decisionId: string;

  it("writes the minutes as a whole and per agenda item", async () => {
    const res = await t.request({
      method: "PUT",
      url: `/api/meetings/${meeting.id}/minutes`,
      as: coordinator,
      payload: {
        text: "Styrelsen sammanträdde. Närvarande: samtliga ledamöter.",
        items: [{ agendaItemId: meeting.agenda[0].id, notes: "Fyra ansökningar har kommit in." }],
        attendance: fixture.people,
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().minutesText).toBe("Styrelsen sammanträdde. Närvarande: samtliga ledamöter.");
    expect(res.json().agenda[0].notes).toBe("Fyra ansökningar har kommit in.");
    const bad = await t.request({
      method: "PUT",
      url: `/api/meetings/${meeting.id}/minutes`,
      as: coordinator,
      payload: { text: "x", items: [{ agendaItemId: missing, notes: "?" }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.items).toBeDefined();
    expect(
      (
        await t.request({
          method: "PUT",
          url: `/api/meetings/${missing}/minutes`,
          as: coordinator,
          payload: { text: "x" },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: "PUT",
          url: `/api/meetings/${meeting.id}/minutes`,
          as: partner,
          payload: { text: "x" },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("records decisions with § per meeting and a registry number in the series", async () => {
    const first = await t.request({
      method: "POST",
      url: `/api/meetings/${meeting.id}/decisions`,
      as: coordinator,
      payload: { title: "Bidrag till MOPS-projekt", text: "Styrelsen beviljar 400 000 kr.", amount: 400000 },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      paragraph: 1,
      kind: "grant",
      amount: 400000,
      registryNumber: "SK 2010/1",
    });
    decisionId = first.json().id;
    const second = await t.request({
      method: "POST",
      url: `/api/meetings/${meeting.id}/decisions`,
      as: coordinator,
      payload: {
        title: "Kommunikationsplan 2011",
        text: "Styrelsen fastställer planen.",
        amount: null,
        public: false,
      },
    });
    expect(second.json()).toMatchObject({ paragraph: 2, kind: "other", registryNumber: "SK 2010/2" });
    const changed = await t.request({
      method: "PATCH",
      url: `/api/decisions/${decisionId}`,
      as: coordinator,
      payload: { amount: 450000 },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().amount).toBe(450000);
  });

  it("refuses bad decisions, unknown meetings and outsiders", async () => {
    const bad = await t.request({
      method: "POST",
      url: `/api/meetings/${meeting.id}/decisions`,
      as: coordinator,
      payload: { title: "", text: "x", amount: -5 },
    });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().errors).sort()).toEqual(["amount", "title"]);
    const grant = await t.request({
      method: "POST",
      url: `/api/meetings/${meeting.id}/decisions`,
      as: coordinator,
      payload: { title: "Bidrag", text: "x", kind: "grant" },
    });
    expect(grant.json().errors.amount).toEqual(["Ett bidragsbeslut behöver ett belopp i kronor."]);
    const payload = { title: "B", text: "x", amount: null };
    expect(
      (
        await t.request({
          method: "POST",
          url: `/api/meetings/${missing}/decisions`,
          as: coordinator,
          payload,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: "POST",
          url: `/api/meetings/${meeting.id}/decisions`,
          as: boardMember,
          payload,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request({
          method: "PATCH",
          url: `/api/decisions/${missing}`,
          as: coordinator,
          payload: { text: "y" },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: "PATCH",
          url: `/api/decisions/${decisionId}`,
          as: partner,
          payload: { text: "y" },
        })
      ).statusCode,
    ).toBe(404);
  });

  it("a grant decision linked to a project funds it with a line linked to the decision", async () => {
    const project = await t.request({
      method: "POST",
      url: "/api/projects",
      as: coordinator,
      payload: { name: "Grön omsorg" },
    });
    const other = await t.request({
      method: "POST",
      url: "/api/projects",
      as: coordinator,
      payload: { name: "Hundar i demensvården" },
    });
    const projectId = project.json().id;
    const res = await t.request({
      method: "POST",
      url: `/api/meetings/${meeting.id}/decisions`,
      as: coordinator,
      payload: {
        title: "Bidrag till Grön omsorg",
        text: "Styrelsen beviljar 300 000 kr.",
        amount: 300000,
        links: [{ type: "project", id: projectId }],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().fundedProjects).toEqual([{ projectId, projectName: "Grön omsorg", amount: 300000 }]);
    const funded = await t.request({ method: "GET", url: `/api/projects/${projectId}`, as: coordinator });
    expect(funded.json().funding).toEqual([
      expect.objectContaining({ kind: "own", amount: 300000, year: 2010, decisionId: res.json().id }),
    ]);
    const two = await t.request({
      method: "POST",
      url: `/api/meetings/${meeting.id}/decisions`,
      as: coordinator,
      payload: {
        title: "Bidrag",
        text: "x",
        amount: 100,
        links: [
          { type: "project", id: projectId },
          { type: "project", id: other.json().id },
        ],
      },
    });
    expect(two.statusCode).toBe(422);
    expect(two.json().errors.links).toBeDefined();
    const unknown = await t.request({
      method: "POST",
      url: `/api/meetings/${meeting.id}/decisions`,
      as: coordinator,
      payload: { title: "Bidrag", text: "x", amount: 100, links: [{ type: "project", id: missing }] },
    });
    expect(unknown.json().errors.links).toEqual(["Projektet finns inte i portföljen."]);
  });

  it("approves the minutes after adjusters are named, then locks minutes and decisions", async () => {
    const early = await t.request({
      method: "POST",
      url: `/api/meetings/${meeting.id}/minutes/approve`,
      as: coordinator,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors.adjusters).toEqual(["Ange minst en justerare innan protokollet justeras."]);
    await t.request({
      method: "PUT",
      url: `/api/meetings/${meeting.id}/minutes`,
      as: coordinator,
      payload: { text: "Styrelsen sammanträdde.", adjusters: [fixture.people[2]] },
    });
    expect(
      (
        await t.request({
          method: "POST",
          url: `/api/meetings/${meeting.id}/minutes/approve`,
          as: boardMember,
        })
      ).statusCode,
    ).toBe(403);
    const approved = await t.request({
      method: "POST",
      url: `/api/meetings/${meeting.id}/minutes/approve`,
      as: coordinator,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().approvedAt).toEqual(expect.any(String));
    expect(approved.json().decisions.every((d: { locked: boolean }) => d.locked)).toBe(true);

    const patch = await t.request({
      method: "PATCH",
      url: `/api/decisions/${decisionId}`,
      as: coordinator,
      payload: { amount: 1 },
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().detail).toBe(
      "Protokollet är justerat och låst. En rättelse görs som ett nytt beslut.",
    );
    const add = await t.request({
      method: "POST",
      url: `/api/meetings/${meeting.id}/decisions`,
      as: coordinator,
      payload: { title: "Sent", text: "x", amount: null },
    });
    expect(add.statusCode).toBe(409);
    expect(add.json().errors.minutes).toBeDefined();
    const edit = await t.request({
      method: "PUT",
      url: `/api/meetings/${meeting.id}/minutes`,
      as: coordinator,
      payload: { text: "y" },
    });
    expect(edit.statusCode).toBe(409);
    const again = await t.request({
      method: "POST",
      url: `/api/meetings/${missing}/minutes/approve`,
      as: coordinator,
    });
    expect(again.statusCode).toBe(404);
  });

  it("lists the decision register per body and year with search; partners see public minutes only", async () => {
    const member = await t.request({
      method: "GET",
      url: `/api/decisions?bodyId=${boardId}&year=2010`,
      as: boardMember,
    });
    expect(member.json().items.map((d: { registryNumber: string }) => d.registryNumber)).toEqual([
      "SK 2010/3",
      "SK 2010/2",
      "SK 2010/1",
    ]);
    const search = await t.request({
      method: "GET",
      url: `/api/decisions?bodyId=${boardId}&year=2010&q=mops`,
      as: coordinator,
    });
    expect(search.json().items.map((d: { title: string }) => d.title)).toEqual(["Bidrag till MOPS-projekt"]);
    const partnerView = await t.request({
      method: "GET",
      url: `/api/decisions?bodyId=${boardId}&year=2010`,
      as: partner,
    });
    expect(partnerView.json().items.map((d: { title: string }) => d.title)).toEqual([
      "Bidrag till Grön omsorg",
      "Bidrag till MOPS-projekt",
    ]);
    expect(
      (await t.request({ method: "GET", url: `/api/decisions?year=2009`, as: coordinator })).json().items,
    ).toEqual([]);
    expect((await t.request({ method: "GET", url: "/api/decisions?year=abc" })).statusCode).toBe(422);
    const minutes = await t.request({ method: "GET", url: `/api/meetings/${meeting.id}`, as: partner });
    expect(minutes.json().minutesText).toBe("Styrelsen sammanträdde.");
    expect(minutes.json().agenda.map((a: { title: string }) => a.title)).toEqual(["MOPS-bidrag"]);
  });
});

describe("the registry", () => {
  const entry = (over: Record<string, unknown> = {}) => ({
    organisationId: fixture.sk,
    title: "Ansökan om MOPS-medel",
    date: "2010-03-02",
    direction: "incoming",
    ...over,
  });

  it("registers an entry with the next number in the organisation's series for the year", async () => {
    const res = await t.request({ method: "POST", url: "/api/registry", as: coordinator, payload: entry() });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      registryNumber: "SK 2010/4",
      direction: "incoming",
      retentionClass: "purge_when_obsolete",
    });
    const nextYear = await t.request({
      method: "POST",
      url: "/api/registry",
      as: coordinator,
      payload: entry({ date: "2011-01-10" }),
    });
    expect(nextYear.json().registryNumber).toBe("SK 2011/1");
    const external = await t.request({
      method: "POST",
      url: "/api/registry",
      as: coordinator,
      payload: entry({ externalNumber: "MDH 2010/123", direction: "outgoing", documentType: "letter" }),
    });
    expect(external.json()).toMatchObject({ registryNumber: "MDH 2010/123", retentionClass: "keep" });
  });

  it("refuses an entry without a date, a confidential one without its ground, and outsiders", async () => {
    const noDate = await t.request({
      method: "POST",
      url: "/api/registry",
      as: coordinator,
      payload: entry({ date: undefined }),
    });
    expect(noDate.statusCode).toBe(422);
    expect(noDate.json().errors.date).toEqual(["Ange ett datum som ÅÅÅÅ-MM-DD."]);
    const noGround = await t.request({
      method: "POST",
      url: "/api/registry",
      as: coordinator,
      payload: entry({ confidential: true }),
    });
    expect(noGround.json().errors.confidentialityGround).toEqual([
      "Ange sekretessgrunden (paragraf i OSL) för en sekretessmarkerad handling.",
    ]);
    const direction = await t.request({
      method: "POST",
      url: "/api/registry",
      as: coordinator,
      payload: entry({ direction: "sideways" }),
    });
    expect(direction.json().errors.direction).toBeDefined();
    const unknown = await t.request({
      method: "POST",
      url: "/api/registry",
      as: coordinator,
      payload: entry({ organisationId: missing }),
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors.organisationId).toBeDefined();
    expect(
      (await t.request({ method: "POST", url: "/api/registry", as: partner, payload: entry() })).statusCode,
    ).toBe(403);
    expect((await t.request({ method: "POST", url: "/api/registry", payload: entry() })).statusCode).toBe(
      401,
    );
  });

  it("shows a confidential entry's content to the body's members only; its existence is public", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/registry",
      as: coordinator,
      payload: entry({
        title: "Offert från leverantör",
        bodyId: boardId,
        confidential: true,
        confidentialityGround: "OSL 31 kap. 16 §",
      }),
    });
    const number = res.json().registryNumber;
    const find = async (as?: Session) =>
      (await t.request({ method: "GET", url: `/api/registry?organisationId=${fixture.sk}&year=2010`, as }))
        .json()
        .items.find((e: { registryNumber: string }) => e.registryNumber === number);
    expect((await find(boardMember)).title).toBe("Offert från leverantör");
    expect(await find(partner)).toMatchObject({
      title: null,
      confidential: true,
      confidentialityGround: "OSL 31 kap. 16 §",
    });
    expect((await find()).title).toBeNull();
    const search = await t.request({ method: "GET", url: "/api/registry?q=offert", as: partner });
    expect(search.json().items).toEqual([]);
    expect(
      (await t.request({ method: "GET", url: "/api/registry?q=offert", as: boardMember })).json().items,
    ).toHaveLength(1);
  });

  it("gives 50 concurrent entries 50 distinct, consecutive numbers", async () => {
    const before = await t.request({
      method: "GET",
      url: `/api/registry?organisationId=${fixture.sk}&year=2012`,
      as: coordinator,
    });
    expect(before.json().items).toEqual([]);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.request({
          method: "POST",
          url: "/api/registry",
          as: coordinator,
          payload: entry({ title: `Handling ${i}`, date: "2012-02-01" }),
        }),
      ),
    );
    expect(answers.every((a) => a.statusCode === 201)).toBe(true);
    const numbers = answers
      .map((a) => Number(a.json().registryNumber.replace("SK 2012/", "")))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});
