import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { swedishSortKey } from "../../../common/sort-key.ts";
import { queryRows } from "../../db/client.ts";
import { parseCsv } from "../../platform/spreadsheet-import.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { importFile } from "./test/transfer.fixture.ts";

/** A few registers to link to: Härnösand, a faculty, a programme and a course. */
const t = await createTestApp({
  seed: async ({ db }) => {
    const org = (name: string, type: string, orgNumber: string | null) =>
      db.execute(sql`insert into organisations (name, sort_key, type, org_number)
        values (${name}, ${swedishSortKey(name)}, ${type}, ${orgNumber})`);
    await org("Härnösands kommun", "kommun", "212000-2411");
    await org("Fakulteten för humanvetenskap (HUV)", "fakultet", null);
    await org("=cmd|' /C calc'!A0", "foretag", null);
    await db.execute(
      sql`insert into people (name, sort_key, email) values ('Per Programansvarig', ${swedishSortKey("Per Programansvarig")}, 'per@miun.se')`,
    );
    await db.execute(
      sql`insert into programmes (code, name_sv, sort_key, credits) values ('HSOCG', 'Socionomprogrammet', ${swedishSortKey("Socionomprogrammet")}, 210)`,
    );
    await db.execute(
      sql`insert into courses (code, name_sv, sort_key, credits) values ('SA001G', 'Socialt arbete', ${swedishSortKey("Socialt arbete")}, 7.5)`,
    );
  },
});
const coordinator = await t.login(demo.coordinator);
const groupMember = await t.login(demo.groupMember);
const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(t.database.db, query))[0];

describe("import into the other registers", () => {
  it("people: the organisation becomes a membership with the role; unknown ones and taken e-mail are row errors", async () => {
    const csv = [
      "Namn;E-post;Titel;Organisation;Roll;Rättslig grund",
      "Hanna Berg;Hanna.Berg@Harnosand.se;Personaldirektör;212000-2411;HR-direktör;Samtycke",
      "Olle Okänd;olle@example.se;;Okända AB;;",
    ].join("\n");
    const mapping = {
      Namn: "name",
      "E-post": "email",
      Titel: "title",
      Organisation: "organisation",
      Roll: "role",
      "Rättslig grund": "lawfulBasis",
    };
    const failed = await importFile(t, coordinator, "people", { name: "p.csv", content: csv }, mapping);
    expect(failed.errors).toEqual([
      {
        row: 3,
        field: "organisation",
        column: "Organisation",
        message: "Organisationen ”Okända AB” finns inte i registret.",
      },
    ]);
    const done = await importFile(
      t,
      coordinator,
      "people",
      { name: "p.csv", content: csv.replace("Okända AB", "Härnösands kommun") },
      mapping,
    );
    expect(done.createdCount).toBe(2);
    const hanna = await one<{ email: string; lawful_basis: string; org: string; role: string }>(sql`
      select p.email, p.lawful_basis, o.name as org, m.role from people p
      join memberships m on m.person_id = p.id join organisations o on o.id = m.organisation_id
      where p.name = 'Hanna Berg'`);
    expect(hanna).toEqual({
      email: "hanna.berg@harnosand.se",
      lawful_basis: "consent",
      org: "Härnösands kommun",
      role: "HR-direktör",
    });
    const again = await importFile(t, coordinator, "people", { name: "p.csv", content: csv }, mapping);
    expect(again.errors[0].message).toBe(
      "Det finns redan en person med e-postadressen hanna.berg@harnosand.se.",
    );
  });

  it("courses: decimal comma, contract courses with their client, programme codes", async () => {
    const csv = [
      "Kurskod;Namn;Högskolepoäng;Nivå;Program;Uppdragsgivare;Kursansvarig",
      "ps021u;Psykologi för arbetslivskonsulenter;3;Grundnivå;;Härnösands kommun;per@miun.se",
      "JU010U;Förvaltningsrätt för enhetschefer;7,5;grundniva;HSOCG;;Per Programansvarig",
      "JU011U;Socialrätt;sju;Mellannivå;XX999;;",
    ].join("\r\n");
    const mapping = {
      Kurskod: "code",
      Namn: "nameSv",
      Högskolepoäng: "credits",
      Nivå: "level",
      Program: "programmes",
      Uppdragsgivare: "client",
      Kursansvarig: "responsible",
    };
    const failed = await importFile(t, coordinator, "courses", { name: "k.csv", content: csv }, mapping);
    expect(failed.errors).toEqual([
      {
        row: 4,
        field: "credits",
        column: "Högskolepoäng",
        message: "”sju” är inget tal. Skriv till exempel 7,5.",
      },
      {
        row: 4,
        field: "level",
        column: "Nivå",
        message: "”Mellannivå” är inget giltigt värde för Nivå. Grundnivå, Avancerad nivå eller Forskarnivå.",
      },
      { row: 4, field: "programmes", column: "Program", message: "Programkoden finns inte: XX999." },
    ]);
    const done = await importFile(
      t,
      coordinator,
      "courses",
      { name: "k.csv", content: csv.split("\r\n").slice(0, 3).join("\r\n") },
      mapping,
    );
    expect(done.status, JSON.stringify(done.errors)).toBe("done");
    const psy = await one<{
      code: string;
      credits: number;
      contract: boolean;
      client: string;
      person: string;
    }>(sql`
      select c.code, c.credits::float8 as credits, c.contract, o.name as client, p.name as person from courses c
      join organisations o on o.id = c.client_organisation_id join people p on p.id = c.responsible_person_id
      where c.code = 'PS021U'`);
    expect(psy).toEqual({
      code: "PS021U",
      credits: 3,
      contract: true,
      client: "Härnösands kommun",
      person: "Per Programansvarig",
    });
    const law = await one<{ credits: number; programme: string }>(sql`
      select c.credits::float8 as credits, p.code as programme from courses c
      join programme_courses pc on pc.course_id = c.id join programmes p on p.id = pc.programme_id where c.code = 'JU010U'`);
    expect(law).toEqual({ credits: 7.5, programme: "HSOCG" });
  });

  it("programmes: an existing code and an unknown unit are row errors", async () => {
    const csv =
      "Programkod;Namn;Högskolepoäng;Ansvarig enhet;Kurser\nHSOCG;Socionomprogrammet;210;;\nHPSYA;Psykologprogrammet;300;Fakulteten för humanvetenskap (HUV);SA001G\nHXXXG;X;10;Finns inte;\n";
    const mapping = {
      Programkod: "code",
      Namn: "nameSv",
      Högskolepoäng: "credits",
      "Ansvarig enhet": "organisation",
      Kurser: "courses",
    };
    const failed = await importFile(t, coordinator, "programmes", { name: "p.csv", content: csv }, mapping);
    expect(failed.errors.map((e) => [e.row, e.message])).toEqual([
      [2, "Det finns redan ett program med koden HSOCG."],
      [4, "Organisationen ”Finns inte” finns inte i registret."],
    ]);
    const done = await importFile(
      t,
      coordinator,
      "programmes",
      { name: "p.csv", content: `${csv.split("\n")[0]}\n${csv.split("\n")[2]}` },
      mapping,
    );
    expect(done.createdCount).toBe(1);
  });

  it("activities: type and status by their Swedish labels, dates, participants, partners and courses", async () => {
    const csv = [
      "Rubrik;Typ;Startdatum;Status;Partnerorganisationer;Kurser;Antal deltagare;Utvärderad",
      "Gästföreläsning om socialtjänsten;Gästföreläsning;2026-03-12;Genomförd;Härnösands kommun;SA001G;45;Ja",
      "Studiebesök;Studiebesöket;12/3;Klar;;;4,5;kanske",
    ].join("\n");
    const mapping = {
      Rubrik: "title",
      Typ: "typeKey",
      Startdatum: "startDate",
      Status: "status",
      Partnerorganisationer: "partners",
      Kurser: "courses",
      "Antal deltagare": "participants",
      Utvärderad: "evaluated",
    };
    const failed = await importFile(t, coordinator, "activities", { name: "a.csv", content: csv }, mapping);
    expect(failed.errors.map((e) => [e.row, e.field])).toEqual([
      [3, "typeKey"],
      [3, "startDate"],
      [3, "status"],
      [3, "participants"],
      [3, "evaluated"],
    ]);
    expect(failed.errors[1].message).toBe("”12/3” är inget datum. Skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-12.");
    const done = await importFile(
      t,
      coordinator,
      "activities",
      { name: "a.csv", content: csv.split("\n").slice(0, 2).join("\n") },
      mapping,
    );
    expect(done.status, JSON.stringify(done.errors)).toBe("done");
    const act = await one<{
      type_key: string;
      status: string;
      start_date: string;
      participants: number;
      evaluated: boolean;
      partner: string;
    }>(sql`
      select a.type_key, a.status, a.start_date::text, a.participants, a.evaluated, o.name as partner from activities a
      join activity_organisations ao on ao.activity_id = a.id join organisations o on o.id = ao.organisation_id
      where a.title = 'Gästföreläsning om socialtjänsten'`);
    expect(act).toEqual({
      type_key: "gastforelasning",
      status: "done",
      start_date: "2026-03-12",
      participants: 45,
      evaluated: true,
      partner: "Härnösands kommun",
    });
  });
});

describe("GET /api/{register}/export", () => {
  const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

  it("exports the filtered organisation list as XLSX with dates as dates and a dated file name", async () => {
    const res = await t.request({
      method: "GET",
      url: "/api/organisations/export?format=xlsx&type=kommun",
      as: groupMember,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="organisationer-${today}.xlsx"; filename*=UTF-8''organisationer-${today}.xlsx`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe("Namn");
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.actualRowCount).toBe(2);
    expect(ws.getCell("A2").value).toBe("Härnösands kommun");
    expect(ws.getCell("B2").value).toBe("Kommun");
    expect(ws.getCell("C2").value).toBe("212000-2411");
    expect(ws.getCell("J2").value).toBeInstanceOf(Date);
  });

  it("exports CSV in Swedish Excel style with formula injection neutralised", async () => {
    const res = await t.request({
      method: "GET",
      url: "/api/organisations/export?format=csv&q=cmd",
      as: coordinator,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="organisationer-${today}.csv"; filename*=UTF-8''organisationer-${today}.csv`,
    );
    expect(res.body.startsWith("\uFEFFNamn;Typ;Organisationsnummer;")).toBe(true);
    expect(res.body).toContain("\r\n'=cmd|' /C calc'!A0;Företag;");
  });

  it("exports courses with credits as numbers (7.5 in XLSX, 7,5 in CSV)", async () => {
    const xlsx = await t.request({ method: "GET", url: "/api/courses/export?format=xlsx", as: coordinator });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0];
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const law = rows.find((r) => r[1] === "JU010U")!;
    expect(law[4]).toBe(7.5);
    const csv = await t.request({
      method: "GET",
      url: "/api/courses/export?format=csv&contract=false",
      as: coordinator,
    });
    const records = parseCsv(csv.body.slice(1));
    expect(records.find((r) => r.cells[0] === "JU010U")?.cells[3]).toBe("7,5");
    expect(records.some((r) => r.cells[0] === "PS021U")).toBe(false);
  });

  it("exports activities with their date as a date cell and participants as a number", async () => {
    const res = await t.request({ method: "GET", url: "/api/activities/export", as: coordinator });
    expect(res.headers["content-disposition"]).toContain(".xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0];
    expect(ws.getCell("A2").value).toBe("Gästföreläsning om socialtjänsten");
    expect((ws.getCell("C2").value as Date).toISOString().slice(0, 10)).toBe("2026-03-12");
    expect(ws.getCell("N2").value).toBe(45);
  });

  it("answers 422 for a bad filter or format, 401 for the public", async () => {
    const badType = await t.request({
      method: "GET",
      url: "/api/organisations/export?type=planet",
      as: coordinator,
    });
    expect(badType.statusCode).toBe(422);
    expect(badType.json().errors.type).toEqual(["Välj en av organisationstyperna."]);
    const badFormat = await t.request({
      method: "GET",
      url: "/api/people/export?format=ods",
      as: coordinator,
    });
    expect(badFormat.json().errors.format).toEqual(["Välj xlsx eller csv."]);
    const pub = await t.request({ method: "GET", url: "/api/people/export" });
    expect(pub.statusCode).toBe(401);
  });
});
