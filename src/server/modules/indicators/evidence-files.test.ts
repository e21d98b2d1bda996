import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { followUpFixture } from "./test/follow-up.fixture.ts";

/**
 * Issue 11, finding 13: evidence files are stored under SAMSPEL_FILES_DIR as the README says (not in
 * DATA_DIR/evidence), files stored there before the fix stay readable, names are cleaned.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), "samspel-data-"));
const filesDir = mkdtempSync(path.join(tmpdir(), "samspel-files-"));
process.env.DATA_DIR = dataDir;
process.env.SAMSPEL_FILES_DIR = filesDir;

const fixture = followUpFixture();
const t = await createTestApp({ seed: fixture.seed });
const { ids } = fixture;
const coordinator = await t.login(demo.coordinator);

const indicator = (
  await t.request({
    method: "POST",
    url: "/api/indicators",
    as: coordinator,
    payload: {
      name: "Organisationer med underlag",
      unit: "organisationer",
      projectId: ids.lcKomp,
      organisationId: ids.sala,
      target: 11,
    },
  })
).json();

const addValue = (date: string, name: string, content: Buffer, contentType = "text/plain") =>
  t.request({
    method: "POST",
    url: `/api/indicators/${indicator.id}/values`,
    as: coordinator,
    payload: { date, value: 1, evidenceFile: { name, contentType, data: content.toString("base64") } },
  });

const keyOf = async (date: string) =>
  (
    await queryRows<{ evidence_file_key: string; evidence_file_name: string }>(
      t.database.db,
      sql`select evidence_file_key, evidence_file_name from indicator_values
          where indicator_id = ${indicator.id}::uuid and date = ${date}::date`,
    )
  )[0];

describe("indicator evidence files", () => {
  it("are stored under SAMSPEL_FILES_DIR/evidence, never under DATA_DIR, with a cleaned name", async () => {
    const res = await addValue("2011-06-30", "../../etc/enkät\r\nX-Evil: 1.txt", Buffer.from("svar"));
    expect(res.statusCode).toBe(201);
    const row = await keyOf("2011-06-30");
    expect(readdirSync(path.join(filesDir, "evidence"))).toEqual([row.evidence_file_key]);
    expect(existsSync(path.join(dataDir, "evidence"))).toBe(false);
    expect(row.evidence_file_name).toBe("enkätX-Evil: 1.txt");
    const file = await t.request({ method: "GET", url: res.json().evidenceFile.url, as: coordinator });
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe("svar");
  });

  it("still serves a file stored in DATA_DIR/evidence before the move", async () => {
    const res = await addValue("2010-06-30", "gammal.txt", Buffer.from("ny plats"));
    const { evidence_file_key: key } = await keyOf("2010-06-30");
    // As an older version left it: the file in DATA_DIR/evidence only.
    mkdirSync(path.join(dataDir, "evidence"), { recursive: true });
    writeFileSync(path.join(dataDir, "evidence", key), "gammal plats");
    rmSync(path.join(filesDir, "evidence", key));
    const file = await t.request({ method: "GET", url: res.json().evidenceFile.url, as: coordinator });
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe("gammal plats");
    // Gone from both places: 404 in Swedish, not a crash.
    rmSync(path.join(dataDir, "evidence", key));
    const gone = await t.request({ method: "GET", url: res.json().evidenceFile.url, as: coordinator });
    expect(gone.statusCode).toBe(404);
    expect(gone.headers["content-type"]).toContain("application/problem+json");
  });

  it("is checked by content, not by the type it claims", async () => {
    const res = await addValue(
      "2009-06-30",
      "rapport.pdf",
      Buffer.from("MZ\u0090\u0000binary"),
      "application/pdf",
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.evidenceFile).toHaveLength(1);
    expect(readdirSync(path.join(filesDir, "evidence"))).toHaveLength(1);
  });
});
