import { describe, expect, it } from "vitest";
import { templateTranslator, translator } from "./i18n.ts";

describe("templateTranslator", () => {
  it("writes what i18next writes, for any value, in both languages", () => {
    for (const locale of ["sv", "en"] as const) {
      const t = translator(locale);
      const fast = templateTranslator(locale);
      const odd = "Åsa $& {{title}} \uE000x\uE000 <b>";
      const cases: [string, Record<string, string | number>][] = [
        ["events.mail.greeting", { name: "Anna" }],
        ["events.mail.greeting", { name: odd }],
        ["events.mail.waitlisted", { title: "Vår konferens", position: 7 }],
        ["events.mail.waitlisted", { title: odd, position: 12 }],
        ["events.mail.calendar", {}],
        ["events.mail.signature", {}],
      ];
      for (const [key, values] of cases) expect(fast(key, values)).toBe(t(key, values));
    }
  });

  it("leaves plurals to i18next: the text depends on the count", () => {
    const t = translator("sv");
    const fast = templateTranslator("sv");
    const key = "activities.impact.organisationLinks";
    expect(fast(key, { count: 1 })).toBe(t(key, { count: 1 }));
    expect(fast(key, { count: 5 })).toBe(t(key, { count: 5 }));
    expect(fast(key, { count: 5 })).toMatch(/5 organisationer/);
  });
});
