import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findReferencingColumns } from "../../platform/merge-references.ts";
import { createTestApp, demo, type Session } from "../../test/harness.ts";
import { activities, activityOrganisations, activityTypes } from "../activities/activities.schema.ts";
import { courses, programmes } from "../programmes/programmes.schema.ts";

const t = await createTestApp();
const db = t.database.db;
const coordinator = await t.login(demo.coordinator);
const groupMember = await t.login(demo.groupMember);
const missing = "00000000-0000-4000-8000-000000000000";

async function createOrg(payload: Record<string, unknown>) {
  const res = await t.request({ method: "POST", url: "/api/organisations", payload, as: coordinator });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const merge = (sourceId: string, intoId: string, as: Session = coordinator) =>
  t.request({ method: "POST", url: `/api/organisations/${sourceId}/merge`, payload: { intoId }, as });

const detail = async (id: string) =>
  (await t.request({ method: "GET", url: `/api/organisations/${id}`, as: coordinator })).json();

async function activity(title: string, organisationIds: string[]) {
  await db
    .insert(activityTypes)
    .values({ key: "test_meeting", labelSv: "Möte", labelEn: "Meeting" })
    .onConflictDoNothing();
  const [row] = await db
    .insert(activities)
    .values({ title, sortKey: title.toLowerCase(), typeKey: "test_meeting" })
    .returning();
  await db
    .insert(activityOrganisations)
    .values(organisationIds.map((organisationId) => ({ activityId: row.id, organisationId })));
  return row.id;
}

describe("merge references", () => {
  it("finds every foreign key that points at organisations, including later modules'", async () => {
    const columns = (await findReferencingColumns(db, "organisations")).map((c) => `${c.table}.${c.column}`);
    expect(columns).toEqual(
      expect.arrayContaining([
        "organisations.parent_id",
        "memberships.organisation_id",
        "activity_organisations.organisation_id",
        "programmes.organisation_id",
        "courses.client_organisation_id",
      ]),
    );
  });
});

describe("POST /api/organisations/:id/merge", () => {
  it("moves memberships, activity links, units, programmes and contract courses to the target", async () => {
    const target = await createOrg({ name: "Härnösands kommun", type: "kommun", municipalityCode: "2280" });
    const source = await createOrg({
      name: "Harnosands kommun",
      type: "kommun",
      orgNumber: "212000-2403",
      website: "harnosand.se",
      tags: ["SKO-avtal"],
    });
    const unit = await createOrg({ name: "Socialtjänsten", type: "avdelning", parentId: source });
    const person = await t.request({
      method: "POST",
      url: "/api/people",
      payload: { name: "Hanna HR", memberships: [{ organisationId: source, role: "Personaldirektör" }] },
      as: coordinator,
    });
    const shared = await activity("Samverkansdialog", [source, target]);
    const onlySource = await activity("Behovsinventering", [source]);
    const [programme] = await db
      .insert(programmes)
      .values({ code: "TMERG", nameSv: "Testprogram", sortKey: "testprogram", organisationId: source })
      .returning();
    const [course] = await db
      .insert(courses)
      .values({
        code: "TMK01",
        nameSv: "Samtalsmetodik",
        sortKey: "samtalsmetodik",
        contract: true,
        clientOrganisationId: source,
      })
      .returning();

    const res = await merge(source, target);
    expect(res.statusCode).toBe(200);
    // The target keeps its own values and takes the details it lacked.
    expect(res.json()).toMatchObject({
      id: target,
      name: "Härnösands kommun",
      municipalityCode: "2280",
      orgNumber: "212000-2403",
      website: "https://harnosand.se",
      tags: ["SKO-avtal"],
    });
    expect(
      (await t.request({ method: "GET", url: `/api/organisations/${source}`, as: coordinator })).statusCode,
    ).toBe(404);

    const after = await detail(target);
    expect(after.children.map((c: { id: string }) => c.id)).toEqual([unit]);
    expect(after.people).toMatchObject([{ personId: person.json().id, role: "Personaldirektör" }]);
    expect(after.activities.map((a: { id: string }) => a.id).sort()).toEqual([shared, onlySource].sort());
    expect(after.programmes.map((p: { id: string }) => p.id)).toEqual([programme.id]);
    expect(after.contractCourses.map((c: { id: string }) => c.id)).toEqual([course.id]);
    // The activity that was linked to both is linked once, not twice.
    const links = await db
      .select()
      .from(activityOrganisations)
      .where(eq(activityOrganisations.activityId, shared));
    expect(links).toHaveLength(1);

    const admin = await t.login(demo.admin);
    const audit = await t.request({
      method: "GET",
      url: `/api/admin/audit?action=organisation.merge&entityId=${target}`,
      as: admin,
    });
    expect(audit.json().items[0].after.moved).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: "activity_organisations", moved: 1, dropped: 1 }),
      ]),
    );
  });

  it("lifts a target that sat below the source, so no unit becomes its own parent", async () => {
    const top = await createOrg({ name: "Universitetet", type: "lärosäte" });
    const source = await createOrg({ name: "Fakulteten (dubblett)", type: "fakultet", parentId: top });
    const target = await createOrg({ name: "Fakulteten", type: "fakultet", parentId: source });
    const sibling = await createOrg({ name: "Institutionen", type: "avdelning", parentId: source });
    expect((await merge(source, target)).statusCode).toBe(200);
    const after = await detail(target);
    expect(after.parentId).toBe(top);
    expect(after.children.map((c: { id: string }) => c.id)).toEqual([sibling]);
  });

  it("refuses to merge into itself or into an organisation that does not exist", async () => {
    const id = await createOrg({ name: "Ensam", type: "annan" });
    const self = await merge(id, id);
    expect(self.statusCode).toBe(422);
    expect(self.json().errors.intoId).toEqual(["Välj en annan organisation att slå samman med."]);
    const unknown = await merge(id, missing);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors.intoId).toEqual(["Organisationen att slå samman med finns inte."]);
    expect((await merge(missing, id)).statusCode).toBe(404);
  });

  it("is for staff only", async () => {
    const a = await createOrg({ name: "A-dubblett", type: "annan" });
    const b = await createOrg({ name: "B-original", type: "annan" });
    expect((await merge(a, b, groupMember)).statusCode).toBe(403);
    expect(
      (await t.request({ method: "POST", url: `/api/organisations/${a}/merge`, payload: { intoId: b } }))
        .statusCode,
    ).toBe(401);
  });
});
