import { describe, expect, it } from "vitest";
import { toIcs } from "./ics.ts";
import { stockholmInstant, stockholmParts } from "./local-time.ts";
import { parseIcs } from "./test/events.fixture.ts";

describe("iCalendar output", () => {
  it("escapes text, folds long lines at 75 octets without splitting å ä ö, and parses back", () => {
    const title = `Seminarium; "Bemötande", av varandra\\och andra – ${"åäö".repeat(30)}`;
    const text = toIcs([
      {
        uid: "abc@samspel",
        title,
        location: "Eskilstuna, MDH",
        start: new Date("2027-11-09T08:00:00Z"),
        end: new Date("2027-11-09T15:00:00Z"),
      },
    ]);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain('SUMMARY:Seminarium\\; "Bemötande"\\, av varandra\\\\och');
    const [event] = parseIcs(text);
    expect(event).toMatchObject({
      summary: title,
      location: "Eskilstuna, MDH",
      start: "2027-11-09T08:00:00.000Z",
    });
  });
});

describe("Stockholm local time", () => {
  it("converts wall-clock times in winter and summer, also next to the switch", () => {
    expect(stockholmInstant("2027-01-15", "09:00").toISOString()).toBe("2027-01-15T08:00:00.000Z");
    expect(stockholmInstant("2027-06-15", "09:00").toISOString()).toBe("2027-06-15T07:00:00.000Z");
    // Summer time starts 2027-03-28 at 02:00 → 03:00.
    expect(stockholmInstant("2027-03-28", "10:00").toISOString()).toBe("2027-03-28T08:00:00.000Z");
    expect(stockholmParts(new Date("2027-10-31T00:30:00Z"))).toEqual({ date: "2027-10-31", time: "02:30" });
  });
});
