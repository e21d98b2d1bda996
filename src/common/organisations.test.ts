import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkOrgNumber,
  createOrganisationInput,
  luhnValid,
  normaliseOrganisationType,
  updateOrganisationInput,
} from "./organisations.ts";

/** Appends the Luhn check digit to nine digits. */
function withCheckDigit(nine: string) {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${nine}${d}`)) return `${nine}${d}`;
  throw new Error("unreachable");
}

describe("luhnValid", () => {
  it("accepts known organisation numbers and rejects a changed digit", () => {
    expect(luhnValid("2120002403")).toBe(true); // Härnösands kommun
    expect(luhnValid("5560360793")).toBe(true); // a limited company (55…)
    expect(luhnValid("2120002404")).toBe(false);
  });

  it("has exactly one check digit for any nine digits, and catches every single-digit typo", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{9}$/),
        fc.nat(9),
        fc.integer({ min: 1, max: 9 }),
        (nine, pos, add) => {
          const valid = [...Array(10).keys()].filter((d) => luhnValid(`${nine}${d}`));
          expect(valid).toHaveLength(1);
          const number = `${nine}${valid[0]}`;
          const typo = number.slice(0, pos) + ((Number(number[pos]) + add) % 10) + number.slice(pos + 1);
          expect(luhnValid(typo)).toBe(false);
        },
      ),
    );
  });
});

describe("checkOrgNumber", () => {
  it("accepts ten digits with or without the dash and returns it with the dash", () => {
    expect(checkOrgNumber("212000-2403")).toEqual({ ok: true, value: "212000-2403" });
    expect(checkOrgNumber(" 2120002403 ")).toEqual({ ok: true, value: "212000-2403" });
  });

  it("says what is wrong: the format, the check digit or digits 3–4", () => {
    expect(checkOrgNumber("21200-2403")).toEqual({ ok: false, reason: "format" });
    expect(checkOrgNumber("212000 2403")).toEqual({ ok: false, reason: "format" });
    expect(checkOrgNumber("212000-2404")).toEqual({ ok: false, reason: "checkDigit" });
    // 19… is a valid personal identity number shape: month 12, not an organisation.
    expect(checkOrgNumber(withCheckDigit("191212121"))).toEqual({ ok: false, reason: "thirdDigits" });
  });

  it("accepts every well-formed number whose digits 3–4 are at least 20 (property)", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{2}$/),
        fc.integer({ min: 20, max: 99 }),
        fc.stringMatching(/^\d{5}$/),
        fc.boolean(),
        (head, middle, tail, dash) => {
          const digits = withCheckDigit(`${head}${middle}${tail}`);
          const input = dash ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits;
          expect(checkOrgNumber(input)).toEqual({
            ok: true,
            value: `${digits.slice(0, 6)}-${digits.slice(6)}`,
          });
        },
      ),
    );
  });
});

describe("organisation type", () => {
  it("accepts the Swedish words with or without diacritics and returns the ASCII key", () => {
    expect(normaliseOrganisationType("Lärosäte")).toBe("larosate");
    expect(normaliseOrganisationType("larosate")).toBe("larosate");
    expect(normaliseOrganisationType(" KOMMUNALFÖRBUND ")).toBe("kommunalforbund");
    expect(normaliseOrganisationType("Länsstyrelse")).toBe("lansstyrelse");
    expect(normaliseOrganisationType("institution")).toBe("avdelning");
  });
});

describe("createOrganisationInput", () => {
  it("normalises the fields a form sends", () => {
    const parsed = createOrganisationInput.parse({
      name: "  Härnösands kommun ",
      type: "kommun",
      orgNumber: "2120002403",
      municipalityCode: "2280",
      county: "",
      website: "www.harnosand.se",
      tags: ["SKO", "SKO"],
    });
    expect(parsed).toMatchObject({
      name: "Härnösands kommun",
      type: "kommun",
      orgNumber: "212000-2403",
      municipalityCode: "2280",
      county: null,
      website: "https://www.harnosand.se",
      tags: ["SKO"],
    });
  });

  it("gives i18n keys as messages for wrong values", () => {
    const result = createOrganisationInput.safeParse({
      name: "",
      type: "kyrka",
      orgNumber: "212000-2404",
      municipalityCode: "382",
      website: "inte en adress",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      name: "validation.required",
      type: "validation.organisations.type",
      orgNumber: "validation.organisations.orgNumberCheckDigit",
      municipalityCode: "validation.organisations.municipalityCode",
      website: "validation.organisations.website",
    });
  });

  it("leaves missing fields out of an update so they stay unchanged", () => {
    expect(updateOrganisationInput.parse({ name: "Nytt namn" })).toEqual({ name: "Nytt namn" });
    expect(updateOrganisationInput.parse({ orgNumber: null, county: "" })).toEqual({
      orgNumber: null,
      county: null,
    });
  });
});
