import { describe, expect, it } from "vitest";
import { formatCount, formatPeriod, formatPeriodText } from "./period.ts";
import { formatPeriod as projectPeriod } from "./projects.ts";

describe("one period formatter for server and web (issue 15)", () => {
  it("writes a project's months as Swedish abbreviations with a spaced en dash", () => {
    expect(projectPeriod("2012-06", "2014-06")).toBe("jun 2012 – jun 2014");
    expect(projectPeriod("2013-04", "2013-12")).toBe("apr 2013 – dec 2013");
    expect(projectPeriod("2012-06", "2014-06")).not.toMatch(/\d{6}/);
  });

  it("names the open end instead of a dangling dash", () => {
    expect(projectPeriod("2012-06", null)).toBe("från jun 2012");
    expect(projectPeriod(null, "2014-06")).toBe("till jun 2014");
    expect(projectPeriod(null, null)).toBe("");
    expect(formatPeriod(null, null)).toBe("–");
  });

  it("reads a raw label written as text, and keeps words people wrote", () => {
    expect(projectPeriod(null, null, "062012-062014")).toBe("jun 2012 – jun 2014");
    expect(formatPeriodText("012012-")).toBe("från jan 2012");
    expect(projectPeriod("2011-01", null, "2011-? (2015?)")).toBe("2011-? (2015?)");
    expect(projectPeriod("2010-01", null, "Från våren 2010")).toBe("Från våren 2010");
  });

  it("speaks English when asked", () => {
    expect(formatPeriod("2012-05", "2014-10", "en")).toBe("May 2012 – Oct 2014");
    expect(formatPeriod("2012-05", null, "en")).toBe("from May 2012");
  });

  it("groups counts as Swedish does", () => {
    expect(formatCount(4992).replace(/\s/g, " ")).toBe("4 992");
    expect(formatCount(4992)).not.toBe("4992");
  });
});
