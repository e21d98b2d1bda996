import { describe, expect, it } from "vitest";
import { columnWidths, TEXT_WIDTH, TWIPS_PER_CHAR } from "./render-docx.ts";

// Issue 15, item 3: a Word table's columns fit their content; no word is broken in the middle.
const longestWord = (texts: string[]) =>
  Math.max(...texts.flatMap((t) => t.split(" ").map((w) => [...w].length)));

describe("columnWidths", () => {
  it("gives the goals table's long texts room and keeps every word whole at 10.5 pt", () => {
    const columns = [
      ["Mål", "7. Öka kompetensen hos personal i kommunalt finansierad verksamhet"],
      ["Indikator", "Uppskattat antal deltagare i mötesplatser"],
      ["Målvärde", "minst 1 000 personer"],
      ["Utfall", "490"],
      ["Status", "Inte uppnått"],
    ];
    const { widths, size } = columnWidths(columns, [false, false, false, true, false]);
    expect(size).toBe(21);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    for (const [i, texts] of columns.entries())
      expect(widths[i]).toBeGreaterThan(longestWord(texts) * TWIPS_PER_CHAR);
    expect(widths[0]).toBeGreaterThan(widths[1]);
    expect(widths[1]).toBeGreaterThan(widths[3]);
  });

  it("sets a wide table smaller rather than break its headers' words", () => {
    const columns = [
      ["Datum", "2010-11-09, 2010-11-10"],
      ["Rubrik", "Bemötande av varandra och andra"],
      ["Typ", "Konferens"],
      ["Plats", "Eskilstuna; Västerås"],
      ["Medarrangörer", "Motala kommun"],
      ["Anmälda", "2"],
      ["Närvarande", "1"],
      ["Uppskattade", "400"],
    ];
    const { widths, size } = columnWidths(columns, [false, false, false, false, false, true, true, true]);
    expect(size).toBeLessThan(21);
    expect(size).toBeGreaterThanOrEqual(16);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    for (const [i, texts] of columns.entries())
      expect(widths[i]).toBeGreaterThan((longestWord(texts) * TWIPS_PER_CHAR * size) / 21);
  });
});
