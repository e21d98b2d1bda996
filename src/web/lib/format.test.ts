import { describe, expect, it } from "vitest";
import { formatCount, formatMonth, formatPeriod, periodText } from "./format.ts";

describe("periods and counts in sv-SE (issue 15)", () => {
  it("writes periods as months, not as 012012-122013", () => {
    expect(formatPeriod("2012-01-01", "2013-12-31")).toBe("jan 2012 – dec 2013");
    expect(formatPeriod("012012-122013")).toBe("jan 2012 – dec 2013");
    expect(formatPeriod("2012-06", "2014-06")).toBe("jun 2012 – jun 2014");
    expect(periodText("2013-01-01", "2015-12-31")).toBe("jan 2013 – dec 2015");
  });

  it("says which end is open instead of a dangling dash (Del-)", () => {
    expect(formatPeriod("2012-01-01", null)).toBe("från jan 2012");
    expect(formatPeriod(null, "2013-12-31")).toBe("till dec 2013");
    expect(formatPeriod("012012-")).toBe("från jan 2012");
    expect(formatPeriod(null, null)).toBe("–");
  });

  it("keeps the day when it matters", () => {
    expect(formatMonth("2012-03-15")).toBe("15 mar 2012");
    expect(formatPeriod("2012-03-15", "2012-05-20")).toBe("15 mar 2012 – 20 maj 2012");
  });

  it("groups thousands as Swedish does (Dagar sen 4 992)", () => {
    expect(formatCount(4992).replace(/\s/g, " ")).toBe("4 992");
    expect(formatCount(4992)).not.toBe("4992");
    expect(formatCount(null)).toBe("–");
    expect(formatCount(1234567, "en")).toBe("1,234,567");
  });
});
