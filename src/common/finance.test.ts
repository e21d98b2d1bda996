import { describe, expect, it } from "vitest";
import { createSpendInput, kronorFromText } from "./finance.ts";

describe("kronorFromText: amounts typed the Swedish way", () => {
  it("reads thousands separated by spaces, no-break spaces and a trailing kr", () => {
    expect(kronorFromText("5 892 500")).toBe(5_892_500);
    expect(kronorFromText("5\u00a0892\u00a0500 kr")).toBe(5_892_500);
    expect(kronorFromText(" 12 500 KR ")).toBe(12_500);
    expect(kronorFromText("\u22121 200")).toBe(-1_200);
  });

  it("leaves what is not whole kronor for the schema to refuse in Swedish terms", () => {
    expect(kronorFromText("")).toBeUndefined();
    expect(kronorFromText("12,5")).toBe(12.5);
    expect(kronorFromText("tolv")).toBeNaN();
    const parsed = createSpendInput.safeParse({
      organisationId: "00000000-0000-4000-8000-000000000000",
      date: "2010-01-01",
      amount: kronorFromText("12,5"),
    });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["validation.finance.wholeKronor"]);
    const text = createSpendInput.safeParse({
      organisationId: "00000000-0000-4000-8000-000000000000",
      date: "2010-01-01",
      amount: kronorFromText("tolv"),
    });
    expect(text.error?.issues.map((i) => i.message)).toEqual(["validation.finance.wholeKronor"]);
  });
});
