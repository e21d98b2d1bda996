import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { swedishSortKey } from "../../../common/sort-key.ts";
import { queryRows } from "../../db/client.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { importFile, multipart, orgNumberFor, waitForJob } from "./test/transfer.fixture.ts";

const t = await createTestApp({
  seed: async ({ db }) => {
    await db.execute(sql`insert into organisations (name, sort_key, type, org_number, county)
      values ('Härnösands kommun', ${swedishSortKey("Härnösands kommun")}, 'kommun', '212000-2411', 'Västernorrlands län'),
             ('Mittuniversitetet', ${swedishSortKey("Mittuniversitetet")}, 'larosate', '202100-2783', null)`);
  },
});
const coordinator = await t.login(demo.coordinator);
const groupMember = await t.login(demo.groupMember);
const admin = await t.login(demo.admin);

const countOrganisations = async () =>
  Number((await queryRows<{ n: string }>(t.database.db, sql`select count(*) as n from organisations`))[0].n);

const mapping = {
  Namn: "name",
  Typ: "type",
  Organisationsnummer: "orgNumber",
  Kommunkod: "municipalityCode",
  Län: "county",
};

/** A thousand municipalities-and-companies in Swedish Excel CSV, with `bad` rows replaced. */
function thousandRows(bad: Record<number, string> = {}) {
  const lines = ["Namn;Typ;Organisationsnummer;Kommunkod;Län"];
  for (let i = 1; i <= 1000; i++) {
    const row = i + 1; // as Excel numbers it: the heading is row 1
    lines.push(
      bad[row] ??
        `Importföretaget ${i} AB;Företag;${orgNumberFor(i)};${i % 2 ? "0382" : "2280"};Västernorrlands län`,
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

describe("POST /api/organisations/import/preview", () => {
  it("reads the headings, suggests a mapping from Swedish and English names, and shows the first rows", async () => {
    const csv =
      "Org.nr,Organisation,TYP,County,Okänd kolumn\n212000-2411,Härnösands kommun,Kommun,Västernorrlands län,x\n";
    const form = multipart([{ name: "file", file: { name: "lista.csv", content: csv } }]);
    const res = await t.request({
      method: "POST",
      url: "/api/organisations/import/preview",
      as: coordinator,
      ...form,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      fileName: "lista.csv",
      format: "csv",
      headers: ["Org.nr", "Organisation", "TYP", "County", "Okänd kolumn"],
      mapping: {
        "Org.nr": "orgNumber",
        Organisation: "name",
        TYP: "type",
        County: "county",
        "Okänd kolumn": null,
      },
      sampleRows: [["212000-2411", "Härnösands kommun", "Kommun", "Västernorrlands län", "x"]],
      rowCount: 1,
    });
    expect(res.json().fields).toContainEqual(
      expect.objectContaining({ key: "name", label: "Namn", required: true }),
    );
  });

  it("refuses a file over 10 MB with 413 and says the limit", async () => {
    const form = multipart([
      { name: "file", file: { name: "stor.csv", content: Buffer.alloc(10 * 1024 * 1024 + 10, "a") } },
    ]);
    const res = await t.request({
      method: "POST",
      url: "/api/organisations/import/preview",
      as: coordinator,
      ...form,
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().detail).toBe("Filen är för stor. Högst 10 MB går att importera.");
  });

  it("answers 422 in Swedish without a file or with an unreadable one", async () => {
    const none = multipart([{ name: "mapping", value: "{}" }]);
    const res = await t.request({
      method: "POST",
      url: "/api/organisations/import/preview",
      as: coordinator,
      ...none,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.file).toEqual(["Välj en fil att importera."]);
    const broken = multipart([
      { name: "file", file: { name: "x.xlsx", content: Buffer.from("PK\u0003\u0004trasig") } },
    ]);
    const res2 = await t.request({
      method: "POST",
      url: "/api/organisations/import/preview",
      as: coordinator,
      ...broken,
    });
    expect(res2.statusCode).toBe(422);
    expect(res2.json().errors.file[0]).toMatch(/går inte att läsa/);
  });

  it("is for staff only: 403 for a group member, 401 for the public", async () => {
    const form = multipart([{ name: "file", file: { name: "a.csv", content: "Namn\nX\n" } }]);
    const res = await t.request({
      method: "POST",
      url: "/api/organisations/import/preview",
      as: groupMember,
      ...form,
    });
    expect(res.statusCode).toBe(403);
    const pub = await t.request({ method: "POST", url: "/api/organisations/import/preview", ...form });
    expect(pub.statusCode).toBe(401);
  });
});

describe("POST /api/organisations/import", () => {
  it("finds three bad rows among a thousand, names them in Swedish, and writes nothing", async () => {
    const before = await countOrganisations();
    const csv = thousandRows({
      11: `Felnummer AB;Företag;556000-0011;2280;Västernorrlands län`,
      501: `;Kommun;${orgNumberFor(500)};2281;Västernorrlands län`,
      1001: `Typfel AB;Kommunn;${orgNumberFor(1000)};2282;Västernorrlands län`,
    });
    const job = await importFile(
      t,
      coordinator,
      "organisations",
      { name: "orgs.csv", content: csv },
      mapping,
    );
    expect(job.status).toBe("failed");
    expect(job.total).toBe(1000);
    expect(job.createdCount).toBe(0);
    expect(job.errorCount).toBe(3);
    expect(job.errors).toEqual([
      {
        row: 11,
        field: "orgNumber",
        column: "Organisationsnummer",
        message: "Kontrollsiffran stämmer inte – organisationsnumret är felskrivet.",
      },
      { row: 501, field: "name", column: "Namn", message: "Fältet måste fyllas i." },
      {
        row: 1001,
        field: "type",
        column: "Typ",
        message: expect.stringMatching(
          /^”Kommunn” är inget giltigt värde för Typ\. En av: Lärosäte, Fakultet/,
        ),
      },
    ]);
    expect(await countOrganisations()).toBe(before);
  }, 180_000);

  it("imports all thousand once they are fixed, in one go, with audit entries", async () => {
    const before = await countOrganisations();
    const job = await importFile(
      t,
      coordinator,
      "organisations",
      { name: "orgs.csv", content: thousandRows() },
      mapping,
    );
    expect(job).toMatchObject({
      status: "done",
      total: 1000,
      processed: 1000,
      createdCount: 1000,
      errors: [],
    });
    expect(await countOrganisations()).toBe(before + 1000);
    const [org] = await queryRows<{ org_number: string; municipality_code: string; type: string }>(
      t.database.db,
      sql`select org_number, municipality_code, type from organisations where name = 'Importföretaget 7 AB'`,
    );
    expect(org).toEqual({ org_number: orgNumberFor(7), municipality_code: "0382", type: "foretag" });
    const audit = await queryRows<{ action: string; n: string }>(
      t.database.db,
      sql`select action, count(*) as n from audit_log where action in ('organisation.create', 'import.run') group by action order by action`,
    );
    expect(audit.map((a) => [a.action, Number(a.n)])).toEqual([
      ["import.run", 1],
      ["organisation.create", 1000],
    ]);
  }, 300_000);

  it("refuses org numbers that repeat within the file or already exist in the register", async () => {
    const csv = [
      "Namn;Typ;Organisationsnummer",
      `Dubblett B;Företag;${orgNumberFor(90001)}`,
      `Dubblett C;Företag;${orgNumberFor(90001)}`,
      "Härnösand igen;Kommun;212000-2411",
    ].join("\n");
    const job = await importFile(
      t,
      coordinator,
      "organisations",
      { name: "d.csv", content: csv },
      {
        Namn: "name",
        Typ: "type",
        Organisationsnummer: "orgNumber",
      },
    );
    expect(job.status).toBe("failed");
    expect(job.errors.map((e) => [e.row, e.message])).toEqual([
      [3, `Organisationsnummer ${orgNumberFor(90001)} finns redan på rad 2 i filen.`],
      [4, "Det finns redan en organisation med organisationsnumret 212000-2411."],
    ]);
  });

  it("builds a hierarchy from one file: parents named in the register or on other rows, in any order", async () => {
    const csv = [
      "Namn;Typ;Ingår i",
      "Institutionen för testning;Avdelning/institution;Fakulteten för prov",
      "Fakulteten för prov;Fakultet;Mittuniversitetet",
    ].join("\r\n");
    const job = await importFile(
      t,
      coordinator,
      "organisations",
      { name: "h.csv", content: csv },
      {
        Namn: "name",
        Typ: "type",
        "Ingår i": "parent",
      },
    );
    expect(job.status, JSON.stringify(job.errors)).toBe("done");
    const rows = await queryRows<{ name: string; parent: string }>(
      t.database.db,
      sql`select o.name, p.name as parent from organisations o join organisations p on p.id = o.parent_id
          where o.name in ('Institutionen för testning', 'Fakulteten för prov') order by o.name`,
    );
    expect(rows).toEqual([
      { name: "Fakulteten för prov", parent: "Mittuniversitetet" },
      { name: "Institutionen för testning", parent: "Fakulteten för prov" },
    ]);
    const unknown = await importFile(
      t,
      coordinator,
      "organisations",
      {
        name: "u.csv",
        content: "Namn;Typ;Ingår i\nX;Annan;Finns inte-universitetet\n",
      },
      { Namn: "name", Typ: "type", "Ingår i": "parent" },
    );
    expect(unknown.errors[0]).toMatchObject({
      row: 2,
      column: "Ingår i",
      message: "Organisationen ”Finns inte-universitetet” finns inte i registret.",
    });
  });

  it("reads XLSX: numbers that lost their leading zero, org numbers without dash, a title row above the headings", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Blad1");
    ws.addRow(["Våra kommuner"]);
    ws.addRow(["Namn", "Typ", "Organisationsnummer", "Kommunkod"]);
    ws.addRow(["Ånge kommun (test)", "Kommun", 2120002411 + 0, 2260]);
    ws.addRow(["Ale kommun (test)", "kommun", orgNumberFor(42424), 1440]);
    ws.addRow(["Bollebygds kommun (test)", "KOMMUN", null, 1443]);
    ws.getCell("D5").value = 382; // Excel shows 0382 as 382
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = await importFile(
      t,
      coordinator,
      "organisations",
      { name: "k.xlsx", content: buffer },
      {
        Namn: "name",
        Typ: "type",
        Organisationsnummer: "orgNumber",
        Kommunkod: "municipalityCode",
      },
    );
    // Row 3's number is Härnösands kommun's: already in the register; the row numbers are Excel's.
    expect(job.errors.map((e) => [e.row, e.field])).toEqual([[3, "orgNumber"]]);
    const fixed = await importFile(
      t,
      coordinator,
      "organisations",
      { name: "k.xlsx", content: buffer },
      { Namn: "name", Typ: "type", Kommunkod: "municipalityCode" },
    );
    expect(fixed.status).toBe("done");
    const codes = await queryRows<{ municipality_code: string }>(
      t.database.db,
      sql`select municipality_code from organisations where name like '%(test)' order by name`,
    );
    expect(codes.map((c) => c.municipality_code)).toEqual(["1440", "0382", "2260"]);
  });

  it("fails a job whose mapping leaves out a required column, before reading any row", async () => {
    const job = await importFile(
      t,
      coordinator,
      "organisations",
      { name: "a.csv", content: "Namn;Typ\nA;Kommun\n" },
      {
        Namn: "name",
        Typ: null,
      },
    );
    expect(job.status).toBe("failed");
    expect(job.errors).toEqual([
      {
        row: null,
        field: "type",
        column: null,
        message: "Ingen kolumn är vald för Typ, som måste fyllas i. Välj kolumnen i mappningen.",
      },
    ]);
  });

  it("answers 422 for a mapping that is not JSON or names a column the file lacks", async () => {
    for (const [value, message] of [
      ["{inte json", "Kolumnmappningen går inte att tolka."],
      [JSON.stringify({ Namn: "name", Saknas: "type" }), "Kolumnen ”Saknas” finns inte i filen."],
      [JSON.stringify({ Namn: "hittepå" }), "Kolumnmappningen går inte att tolka."],
      [JSON.stringify({ Namn: null, Typ: null }), "Välj vilka kolumner som ska importeras."],
    ]) {
      const form = multipart([
        { name: "mapping", value },
        { name: "file", file: { name: "a.csv", content: "Namn;Typ\nA;Kommun\n" } },
      ]);
      const res = await t.request({
        method: "POST",
        url: "/api/organisations/import",
        as: coordinator,
        ...form,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors.mapping).toEqual([message]);
    }
  });

  it("is for staff only", async () => {
    const form = multipart([
      { name: "mapping", value: JSON.stringify({ Namn: "name" }) },
      { name: "file", file: { name: "a.csv", content: "Namn\nA\n" } },
    ]);
    const res = await t.request({
      method: "POST",
      url: "/api/organisations/import",
      as: groupMember,
      ...form,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("GET /api/imports/{id}", () => {
  it("shows a job to the one who started it and to administrators, 404 to others and for unknown ids", async () => {
    const job = await importFile(
      t,
      coordinator,
      "organisations",
      { name: "a.csv", content: "Namn;Typ\nJobbtest AB;Företag\n" },
      {
        Namn: "name",
        Typ: "type",
      },
    );
    expect((await waitForJob(t, admin, job.id)).createdCount).toBe(1);
    const other = await t.request({ method: "GET", url: `/api/imports/${job.id}`, as: groupMember });
    expect(other.statusCode).toBe(404);
    const unknown = await t.request({
      method: "GET",
      url: "/api/imports/00000000-0000-4000-8000-000000000000",
      as: coordinator,
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await t.request({ method: "GET", url: "/api/imports/inte-ett-id", as: coordinator });
    expect(bad.statusCode).toBe(422);
  });

  it("answers in English when asked", async () => {
    const job = await importFile(
      t,
      coordinator,
      "organisations",
      { name: "a.csv", content: "Namn;Typ\n;Företag\n" },
      {
        Namn: "name",
        Typ: "type",
      },
    );
    const res = await t.request({
      method: "GET",
      url: `/api/imports/${job.id}`,
      as: coordinator,
      headers: { "accept-language": "en" },
    });
    expect(res.json().errors[0].message).toBe("This field is required.");
  });
});

describe("GET /api/organisations/import/template", () => {
  it("gives an XLSX with the Swedish headings, one example row and an instructions sheet", async () => {
    const res = await t.request({
      method: "GET",
      url: "/api/organisations/import/template?format=xlsx",
      as: coordinator,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe(
      "attachment; filename=\"organisationer-mall.xlsx\"; filename*=UTF-8''organisationer-mall.xlsx",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [data, help] = workbook.worksheets;
    expect(data.getRow(1).values).toEqual([
      undefined,
      "Namn",
      "Typ",
      "Organisationsnummer",
      "Ingår i",
      "Kommunkod",
      "Län",
      "Webbplats",
      "Taggar",
      "Beskrivning",
    ]);
    expect(data.getCell("A2").value).toBe("Härnösands kommun");
    expect(help.name).toBe("Instruktioner");
    expect(help.getCell("A2").value).toBe("Namn");
  });

  it("gives a CSV in Swedish Excel style that the import reads back with the suggested mapping", async () => {
    const res = await t.request({
      method: "GET",
      url: "/api/courses/import/template?format=csv",
      as: groupMember,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body.startsWith("\uFEFFKurskod;Namn;Engelskt namn;Högskolepoäng;Nivå")).toBe(true);
    expect(res.body).toContain(";3;");
    const form = multipart([{ name: "file", file: { name: "mall.csv", content: res.rawPayload } }]);
    const preview = await t.request({
      method: "POST",
      url: "/api/courses/import/preview",
      as: coordinator,
      ...form,
    });
    expect(Object.values(preview.json().mapping).every((field) => field !== null)).toBe(true);
  });

  it("answers 422 for an unknown format and 401 for the public", async () => {
    const bad = await t.request({
      method: "GET",
      url: "/api/people/import/template?format=pdf",
      as: coordinator,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.format).toEqual(["Välj xlsx eller csv."]);
    const pub = await t.request({ method: "GET", url: "/api/people/import/template" });
    expect(pub.statusCode).toBe(401);
  });
});

describe("POST /api/organisations/import, files larger than one write batch (issue 14)", () => {
  /** 2 500 rows; row 3 is a unit whose faculty is row 2 003, 2 000 rows further down. */
  function bigFile(bad: Record<number, string> = {}) {
    const lines = ["Namn;Typ;Organisationsnummer;Ingår i"];
    for (let i = 1; i <= 2500; i++) {
      const row = i + 1;
      const line =
        row === 3
          ? `Massinstitutionen;Avdelning/institution;${orgNumberFor(60000 + i)};Massfakulteten`
          : row === 2003
            ? `Massfakulteten;Fakultet;${orgNumberFor(60000 + i)};Mittuniversitetet`
            : `Massrad ${i} AB;Företag;${orgNumberFor(60000 + i)};`;
      lines.push(bad[row] ?? line);
    }
    return lines.join("\r\n");
  }
  const bigMapping = { Namn: "name", Typ: "type", Organisationsnummer: "orgNumber", "Ingår i": "parent" };

  it("names the one bad row in the middle of 2 500 and writes nothing; fixed, the file lands whole, linked and audited row by row", async () => {
    const before = await countOrganisations();
    const failed = await importFile(
      t,
      coordinator,
      "organisations",
      { name: "stor.csv", content: bigFile({ 1251: `Massrad 1250 AB;Företag;${orgNumberFor(60040)};` }) },
      bigMapping,
    );
    expect(failed.status).toBe("failed");
    expect(failed.errors).toEqual([
      {
        row: 1251,
        field: "orgNumber",
        column: "Organisationsnummer",
        message: `Organisationsnummer ${orgNumberFor(60040)} finns redan på rad 41 i filen.`,
      },
    ]);
    expect(await countOrganisations()).toBe(before);

    const job = await importFile(
      t,
      coordinator,
      "organisations",
      { name: "stor.csv", content: bigFile() },
      bigMapping,
    );
    expect(job).toMatchObject({
      status: "done",
      total: 2500,
      processed: 2500,
      createdCount: 2500,
      errors: [],
    });
    expect(await countOrganisations()).toBe(before + 2500);
    const links = await queryRows<{ name: string; parent: string }>(
      t.database.db,
      sql`select o.name, p.name as parent from organisations o join organisations p on p.id = o.parent_id
          where o.name in ('Massinstitutionen', 'Massfakulteten') order by o.name`,
    );
    expect(links).toEqual([
      { name: "Massfakulteten", parent: "Mittuniversitetet" },
      { name: "Massinstitutionen", parent: "Massfakulteten" },
    ]);
    // Every written row has its own creation record holding what was written, as when created by hand.
    const [audited] = await queryRows<{ n: string }>(
      t.database.db,
      sql`select count(*) as n from organisations o join audit_log a
            on a.entity_type = 'organisation' and a.entity_id = o.id::text and a.action = 'organisation.create'
          where o.org_number in (select org_number from organisations where name like 'Mass%')
            and a.after->>'name' = o.name and a.after->>'orgNumber' = o.org_number
            and a.actor_label like 'Sara Samordnare%'`,
    );
    expect(Number(audited.n)).toBe(2500);
  }, 300_000);
});
