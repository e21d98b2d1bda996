import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors.ts";
import { parseWith } from "./validation.ts";

/** The 422 a service throws for `input`, as its field → i18n keys. */
function refusal(schema: z.ZodType, input: unknown) {
  try {
    parseWith(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.status).toBe(422);
    return Object.fromEntries(
      Object.entries(e.fieldErrors ?? {}).map(([f, list]) => [f, list.map((x) => x.key)]),
    );
  }
  throw new Error("the input was accepted");
}

const event = z.strictObject({
  title: z.string().min(1, { error: "validation.required" }),
  sessions: z.array(z.strictObject({ startsAt: z.iso.datetime({ error: "validation.date" }) })),
});

describe("service input refused by its schema", () => {
  it("names a nested field by its full path and a top-level field by its plain name", () => {
    expect(
      refusal(event, { title: "", sessions: [{ startsAt: "2026-01-01T10:00:00Z" }, { startsAt: "igår" }] }),
    ).toEqual({ title: ["validation.required"], "sessions.1.startsAt": ["validation.date"] });
  });

  it("names unknown fields called like Object's own properties instead of failing with a 500", () => {
    expect(refusal(event, { title: "Möte", sessions: [], constructor: "x", toString: 1 })).toEqual({
      constructor: ["validation.unknownField"],
      toString: ["validation.unknownField"],
    });
  });

  it("names an unknown field by its own name, nested under its parent", () => {
    expect(refusal(event, { title: "Möte", sessions: [], colour: "grön", size: 3 })).toEqual({
      colour: ["validation.unknownField"],
      size: ["validation.unknownField"],
    });
    expect(
      refusal(event, { title: "Möte", sessions: [{ startsAt: "2026-01-01T10:00:00Z", room: "A1" }] }),
    ).toEqual({
      "sessions.0.room": ["validation.unknownField"],
    });
  });

  it("returns the parsed value when the input is valid", () => {
    expect(parseWith(event, { title: "Möte", sessions: [] })).toEqual({ title: "Möte", sessions: [] });
  });
});
