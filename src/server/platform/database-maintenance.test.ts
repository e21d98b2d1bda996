import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../db/client.ts";
import { pgliteMaintenanceTask } from "./database-maintenance.ts";

const database = await openDatabase({ kind: "pglite" });
afterAll(() => database.close());

const estimate = async (table: string) =>
  (
    await queryRows<{ rows: number }>(
      database.db,
      sql`select reltuples::int as rows from pg_class where relname = ${table}`,
    )
  )[0].rows;

describe("the embedded database's daily maintenance", () => {
  it("gives the planner statistics that PGlite, without autovacuum, never gathers itself", async () => {
    await database.db.execute(sql`create table maintenance_probe (id int primary key, name text)`);
    await database.db.execute(
      sql`insert into maintenance_probe select g, 'Organisation ' || g from generate_series(1, 2000) g`,
    );
    await database.db.execute(sql`delete from maintenance_probe where id > 1500`);
    expect(await estimate("maintenance_probe")).toBe(-1); // never analysed
    const logged: string[] = [];
    await pgliteMaintenanceTask((line) => logged.push(line)).run(database.db);
    expect(await estimate("maintenance_probe")).toBe(1500);
    expect(logged[0]).toMatch(/^databasunderhåll: vacuum och analyze på \d+ ms$/);
  });
});
