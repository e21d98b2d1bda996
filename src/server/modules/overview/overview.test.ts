import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { defaultQuestions } from "../../../common/events.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Database } from "../../db/client.ts";
import { systemActor } from "../../platform/actor.ts";
import { users } from "../../platform/platform.schema.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { ensureUser } from "../accounts/accounts.service.ts";
import { activities, activityOrganisations, activityProgrammes } from "../activities/activities.schema.ts";
import { agreementDialogues, agreementParties, agreements } from "../agreements/agreements.schema.ts";
import { compassWorkSteps } from "../compass/compass.schema.ts";
import { eventRegistrations, eventSessions, events } from "../events/events.schema.ts";
import {
  governanceAgendaItems,
  governanceBodies,
  governanceMeetings,
  governanceMembers,
} from "../governance/governance.schema.ts";
import { ideaCalls } from "../ideas/ideas.schema.ts";
import { indicators, indicatorValues } from "../indicators/indicators.schema.ts";
import { organisations } from "../organisations/organisations.schema.ts";
import { people } from "../people/people.schema.ts";
import { programmes } from "../programmes/programmes.schema.ts";
import { projects } from "../projects/projects.schema.ts";

/**
 * GET /api/overview for the four kinds of user: the office (the demo coordinator), a programme director,
 * a board member and a partner. Records of two organisations — the partner's own (Härnösand) and another
 * (Sundsvall) — so the partner's overview is checked to hold nothing of the other.
 */

const ids = {} as {
  own: string;
  other: string;
  programme: string;
  ownEvent: string;
  otherEvent: string;
  ownAgreement: string;
  otherAgreement: string;
  ownIndicator: string;
  otherIndicator: string;
  project: string;
  call: string;
  meeting: string;
};
const FUTURE = "2099-05-20";

async function seed({ db }: Database) {
  const org = async (name: string) =>
    (
      await db
        .insert(organisations)
        .values({ name, sortKey: swedishSortKey(name), type: "kommun" })
        .returning()
    )[0].id;
  ids.own = await org("Härnösands kommun");
  ids.other = await org("Sundsvalls kommun");
  const [programme] = await db
    .insert(programmes)
    .values({
      code: "VGSJK",
      nameSv: "Sjuksköterskeprogrammet",
      sortKey: swedishSortKey("Sjuksköterskeprogrammet"),
    })
    .returning();
  ids.programme = programme.id;
  await ensureUser(db, systemActor, {
    email: demo.partner,
    name: "Hanna Personaldirektör",
    password: "samspel-demo-2026",
    roles: [{ role: "partner", scopeType: "organisation", scopeId: ids.own }],
  });
  await ensureUser(db, systemActor, {
    email: demo.programmeDirector,
    name: "Per Programansvarig",
    password: "samspel-demo-2026",
    roles: [{ role: "programme_director", scopeType: "programme", scopeId: ids.programme }],
  });

  // Two coming events, one linked to each organisation; the partner's has two confirmed registrations.
  const event = async (title: string, organisationId: string, capacity: number) => {
    const [a] = await db
      .insert(activities)
      .values({ title, sortKey: swedishSortKey(title), typeKey: "seminarium", startDate: FUTURE })
      .returning();
    await db.insert(activityOrganisations).values({ activityId: a.id, organisationId });
    await db.insert(events).values({ activityId: a.id, capacity, questions: defaultQuestions });
    await db.insert(eventSessions).values({
      eventId: a.id,
      startsAt: new Date(`${FUTURE}T09:00:00Z`),
      endsAt: new Date(`${FUTURE}T12:00:00Z`),
      place: "Härnösand",
    });
    return a.id;
  };
  ids.ownEvent = await event("Kompetensdag i Härnösand", ids.own, 40);
  ids.otherEvent = await event("Frukostmöte i Sundsvall", ids.other, 25);
  for (const n of [1, 2])
    await db.insert(eventRegistrations).values({
      eventId: ids.ownEvent,
      name: `Deltagare ${n}`,
      email: `deltagare${n}@test.samspel.se`,
      status: "confirmed",
      tokenHash: `hash-${n}`,
      checkinCode: `KOD${n}`,
    });

  // An agreement with each organisation, both with a dialogue whose next one is overdue.
  const agreement = async (title: string, organisationId: string) => {
    const [a] = await db
      .insert(agreements)
      .values({ title, startDate: "2024-01-01", endDate: "2099-12-31", budget: 100_000, status: "active" })
      .returning();
    await db.insert(agreementParties).values({ agreementId: a.id, organisationId, role: "partner" });
    await db
      .insert(agreementDialogues)
      .values({ agreementId: a.id, date: "2024-03-01", nextDate: "2024-09-01" });
    return a.id;
  };
  ids.ownAgreement = await agreement("SKO-avtal Härnösands kommun", ids.own);
  ids.otherAgreement = await agreement("SKO-avtal Sundsvalls kommun", ids.other);

  // An indicator of each organisation whose deadline passed without a value reaching the target.
  const indicator = async (name: string, organisationId: string) => {
    const [row] = await db
      .insert(indicators)
      .values({
        name,
        sortKey: swedishSortKey(name),
        unit: "deltagare",
        target: 100,
        kind: "manual",
        organisationId,
        startDate: "2020-01-01",
        deadline: "2021-12-31",
      })
      .returning();
    await db
      .insert(indicatorValues)
      .values({ indicatorId: row.id, date: "2021-06-30", value: 10, enteredByName: "Test" });
    return row.id;
  };
  ids.ownIndicator = await indicator("Deltagare från Härnösand", ids.own);
  ids.otherIndicator = await indicator("Deltagare från Sundsvall", ids.other);

  ids.project = (
    await db
      .insert(projects)
      .values({
        name: "Vård i samverkan",
        sortKey: swedishSortKey("Vård i samverkan"),
        ownerOrganisationId: ids.other,
        reportDueDate: "2021-03-01",
      })
      .returning()
  )[0].id;
  ids.call = (
    await db
      .insert(ideaCalls)
      .values({
        title: "Idéer för vård och omsorg",
        organisationId: ids.other,
        opensAt: new Date("2020-01-01T00:00:00Z"),
        closesAt: new Date(`${FUTURE}T00:00:00Z`),
        template: [],
        criteria: [],
      })
      .returning()
  )[0].id;

  // The programme: an activity of one compass type this year, and the first work step done.
  const year = new Date().getUTCFullYear();
  const [placement] = await db
    .insert(activities)
    .values({
      title: "VFU vecka 12",
      sortKey: swedishSortKey("VFU vecka 12"),
      typeKey: "vfu",
      startDate: `${year}-03-20`,
    })
    .returning();
  await db.insert(activityProgrammes).values({ activityId: placement.id, programmeId: ids.programme });
  await db
    .insert(compassWorkSteps)
    .values({ programmeId: ids.programme, year, step: "goals", status: "done" });

  // The board: the demo group member sits on it; a coming meeting with two documents on its agenda.
  const [member] = await db.select({ id: users.id }).from(users).where(eq(users.email, demo.groupMember));
  const [person] = await db
    .insert(people)
    .values({
      name: "Greta Styrelseledamot",
      sortKey: swedishSortKey("Greta Styrelseledamot"),
      userId: member.id,
    })
    .returning();
  const [board] = await db
    .insert(governanceBodies)
    .values({
      name: "Styrelsen",
      sortKey: swedishSortKey("Styrelsen"),
      kind: "board",
      organisationId: ids.other,
    })
    .returning();
  await db.insert(governanceMembers).values({ bodyId: board.id, personId: person.id, role: "member" });
  const [meeting] = await db
    .insert(governanceMeetings)
    .values({ bodyId: board.id, title: "Styrelsemöte i maj", startsAt: new Date(`${FUTURE}T11:00:00Z`) })
    .returning();
  ids.meeting = meeting.id;
  await db.insert(governanceAgendaItems).values({
    meetingId: meeting.id,
    position: 1,
    title: "Verksamhetsplan",
    kind: "decision",
    documents: ["Verksamhetsplan.docx", "Budget.xlsx"],
  });
}

const t = await createTestApp({ seed });
const overview = async (email?: string) =>
  t.request({ method: "GET", url: "/api/overview", as: email ? await t.login(email) : undefined });

describe("GET /api/overview", () => {
  it("answers 401 in Swedish to the public", async () => {
    const res = await overview();
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toMatch(/problem\+json/);
    expect(res.json().detail).toMatch(/logga in/i);
  });

  it("gives the coordinator the office's sections: events with registrations against capacity, reports, indicators, dialogues, calls, changes", async () => {
    const coordinator = await t.login(demo.coordinator);
    // A change made by the coordinator, to appear among the recent changes in her name.
    const created = await t.request({
      method: "POST",
      url: "/api/organisations",
      as: coordinator,
      payload: { name: "Kramfors kommun", type: "kommun" },
    });
    expect(created.statusCode).toBe(201);

    const res = await t.request({ method: "GET", url: "/api/overview", as: coordinator });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(
      [
        "dialoguesDue",
        "indicatorsOffTarget",
        "openCalls",
        "overdueReports",
        "recentChanges",
        "upcomingEvents",
      ].sort(),
    );
    expect(body.upcomingEvents.count).toBe(2);
    expect(body.upcomingEvents.items).toEqual([
      expect.objectContaining({
        id: ids.otherEvent,
        title: "Frukostmöte i Sundsvall",
        registered: 0,
        capacity: 25,
      }),
      expect.objectContaining({
        id: ids.ownEvent,
        title: "Kompetensdag i Härnösand",
        registered: 2,
        capacity: 40,
      }),
    ]);
    expect(body.overdueReports.items).toEqual([
      expect.objectContaining({ id: ids.project, name: "Vård i samverkan" }),
    ]);
    expect(body.indicatorsOffTarget.items.map((i: { id: string }) => i.id).sort()).toEqual(
      [ids.ownIndicator, ids.otherIndicator].sort(),
    );
    expect(body.indicatorsOffTarget.items[0]).toMatchObject({ status: "off_track", target: 100, actual: 10 });
    expect(body.dialoguesDue.items.map((a: { title: string }) => a.title)).toEqual([
      "SKO-avtal Härnösands kommun",
      "SKO-avtal Sundsvalls kommun",
    ]);
    expect(body.openCalls.items).toEqual([
      expect.objectContaining({ id: ids.call, title: "Idéer för vård och omsorg", ideas: 0 }),
    ]);
    expect(body.recentChanges.items[0]).toMatchObject({
      actorName: "Sara Samordnare",
      verb: "created",
      kind: "organisation",
      recordName: "Kramfors kommun",
      target: { kind: "organisation", id: created.json().id },
    });
    // No e-mail address or code in the words shown.
    for (const change of body.recentChanges.items) expect(change.actorName).not.toMatch(/[<@]/);
  });

  it("gives a programme director their programme's compass gaps and the year's work steps not done", async () => {
    const res = await overview(demo.programmeDirector);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(["compassGaps", "workStepsDue"]);
    const [gap] = body.compassGaps.items;
    expect(gap).toMatchObject({ programmeId: ids.programme, programmeName: "Sjuksköterskeprogrammet" });
    const keys = gap.dimensions.map((d: { key: string }) => d.key);
    // The placement this year fills "Praktik och VFU"; the other seven dimensions are gaps.
    expect(keys).not.toContain("placement");
    expect(keys).toHaveLength(7);
    expect(gap.dimensions[0].label).toMatch(/[a-zåäö]/);
    expect(body.workStepsDue.items.map((s: { step: string }) => s.step)).toEqual([
      "inventory",
      "analysis",
      "recommendations",
      "workPlan",
    ]);
  });

  it("gives a board member the next meetings of their bodies and the documents to read", async () => {
    const res = await overview(demo.groupMember);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(["documentsToRead", "nextMeetings"]);
    expect(body.nextMeetings.items).toEqual([
      expect.objectContaining({ id: ids.meeting, bodyName: "Styrelsen", title: "Styrelsemöte i maj" }),
    ]);
    expect(
      body.documentsToRead.items.map((d: { name: string; meetingId: string }) => [d.name, d.meetingId]),
    ).toEqual([
      ["Verksamhetsplan.docx", ids.meeting],
      ["Budget.xlsx", ids.meeting],
    ]);
  });

  it("gives a partner their organisation's agreements, events and indicators, and nothing of another organisation", async () => {
    const res = await overview(demo.partner);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual([
      "organisationAgreements",
      "organisationEvents",
      "organisationIndicators",
    ]);
    expect(body.organisationAgreements).toEqual({
      count: 1,
      items: [expect.objectContaining({ id: ids.ownAgreement, nextDialogueDate: "2024-09-01" })],
    });
    expect(body.organisationEvents).toEqual({
      count: 1,
      items: [expect.objectContaining({ id: ids.ownEvent, registered: 2, capacity: 40 })],
    });
    expect(body.organisationIndicators).toEqual({
      count: 1,
      items: [
        expect.objectContaining({
          id: ids.ownIndicator,
          belongsTo: "Härnösands kommun",
          status: "off_track",
        }),
      ],
    });
    const text = res.body;
    for (const other of [
      ids.other,
      ids.otherEvent,
      ids.otherAgreement,
      ids.otherIndicator,
      ids.project,
      ids.call,
    ])
      expect(text).not.toContain(other);
    expect(text).not.toMatch(/Sundsvall/);
  });
});
