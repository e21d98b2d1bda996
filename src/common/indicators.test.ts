import { describe, expect, it } from "vitest";
import { createIndicatorInput, updateIndicatorInput } from "./indicators.ts";

const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("indicator numbers typed in the form", () => {
  const base = { name: "Deltagare", unit: "personer", projectId: "00000000-0000-4000-8000-000000000000" };

  it("asks for a target left empty, and for a whole number when what was typed is not one", () => {
    expect(messages(createIndicatorInput.safeParse({ ...base, target: null }))).toEqual({
      target: "validation.required",
    });
    // The form turns "tolv" into NaN: something was typed, so "required" would be wrong.
    expect(messages(createIndicatorInput.safeParse({ ...base, target: Number.NaN, baseline: 1.5 }))).toEqual({
      target: "validation.indicators.wholeNumber",
      baseline: "validation.indicators.wholeNumber",
    });
    expect(messages(updateIndicatorInput.safeParse({ baseline: Number.NaN }))).toEqual({
      baseline: "validation.indicators.wholeNumber",
    });
  });
});
