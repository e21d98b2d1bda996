import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { createOrganisation, createOrganisations, OrganisationsRefused } from "./index.ts";

const t = await createTestApp();
const db = t.database.db;
const [user] = await queryRows<{ id: string; name: string; email: string }>(
  db,
  sql`select id, name, email from users where email = ${demo.coordinator}`,
);
const coordinator: Actor = {
  userId: user.id,
  name: user.name,
  email: user.email,
  roles: [{ role: "coordinator", scopeType: null, scopeId: null }],
};
const count = async () =>
  Number((await queryRows<{ n: string }>(db, sql`select count(*) as n from organisations`))[0].n);

describe("createOrganisations (the import's bulk write)", () => {
  it("refuses, with every refusal at once, a taken org number, a parent that is gone and a number given twice, and writes nothing", async () => {
    await createOrganisation(db, coordinator, {
      name: "Redan här AB",
      type: "foretag",
      orgNumber: "556036-0793",
    });
    const before = await count();
    const refused = await createOrganisations(db, coordinator, [
      { input: { name: "Ny AB", type: "foretag", orgNumber: "212000-2411" } },
      { input: { name: "Krock AB", type: "foretag", orgNumber: "556036-0793" } },
      { input: { name: "Föräldralös", type: "avdelning", parentId: "00000000-0000-4000-8000-000000000000" } },
      { input: { name: "", type: "foretag" } },
      { input: { name: "Tvilling AB", type: "foretag", orgNumber: "212000-2411" } },
    ]).catch((error) => error);
    expect(refused).toBeInstanceOf(OrganisationsRefused);
    expect(
      (refused as OrganisationsRefused).refusals.map((r) => [
        r.index,
        Object.keys(r.error.fieldErrors ?? {}),
      ]),
    ).toEqual([
      [1, ["orgNumber"]],
      [2, ["parentId"]],
      [3, ["name"]],
      [4, ["orgNumber"]],
    ]);
    expect((refused as OrganisationsRefused).refusals[0].error.fieldErrors?.orgNumber[0].key).toBe(
      "organisations.errors.orgNumberTaken",
    );
    expect(await count()).toBe(before);
  });

  it("writes units after their parent in the same call and audits each row as createOrganisation does", async () => {
    const one = await createOrganisation(db, coordinator, { name: "För hand AB", type: "foretag" });
    const ids = await createOrganisations(db, coordinator, [
      { input: { name: "Bulkuniversitetet", type: "larosate", website: "www.bulk.se" } },
      { input: { name: "Bulkfakulteten", type: "fakultet", tags: ["a"] }, parentIndex: 0 },
    ]);
    const rows = await queryRows<{ id: string; parent_id: string | null; website: string | null }>(
      db,
      sql`select id, parent_id, website from organisations where id = any(${`{${ids.join(",")}}`}::uuid[]) order by name`,
    );
    expect(rows).toEqual([
      { id: ids[1], parent_id: ids[0], website: null },
      { id: ids[0], parent_id: null, website: "https://www.bulk.se" },
    ]);
    const audit = await queryRows<{
      entity_id: string;
      actor_id: string;
      actor_label: string;
      after: Record<string, unknown>;
    }>(
      db,
      sql`select entity_id, actor_id, actor_label, after from audit_log where action = 'organisation.create'
          and entity_id in (${one.id}, ${ids[0]}, ${ids[1]}) order by id`,
    );
    expect(audit.map((a) => a.entity_id)).toEqual([one.id, ids[0], ids[1]]);
    const [byHand, ...bulk] = audit;
    for (const record of bulk) {
      expect(Object.keys(record.after).sort()).toEqual(Object.keys(byHand.after).sort());
      expect([record.actor_id, record.actor_label]).toEqual([byHand.actor_id, byHand.actor_label]);
    }
    expect(bulk[1].after).toMatchObject({ name: "Bulkfakulteten", parentId: ids[0], tags: ["a"] });
    // The record says when the row was created, as stored.
    const [stored] = await queryRows<{ created_at: string }>(
      db,
      sql`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at
          from organisations where id = ${ids[1]}`,
    );
    expect(bulk[1].after.createdAt).toBe(stored.created_at);
    expect(bulk[1].after.updatedAt).toBe(stored.created_at);
  });

  it("is for staff: a group member may not", async () => {
    const member: Actor = {
      ...coordinator,
      roles: [{ role: "group_member", scopeType: null, scopeId: null }],
    };
    await expect(
      createOrganisations(db, member, [{ input: { name: "X", type: "foretag" } }]),
    ).rejects.toMatchObject({
      status: 403,
    });
  });
});
