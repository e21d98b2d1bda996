import { describe, expect, it } from "vitest";
import { databaseError, escapeLike, isForeignKeyViolation, isUniqueViolation, likePattern } from "./sql.ts";

describe("LIKE patterns from user text", () => {
  it("takes %, _ and \\ literally", () => {
    expect(likePattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
    expect(escapeLike("ab")).toBe("ab");
  });
});

describe("database refusals", () => {
  const unique = Object.assign(new Error("duplicate key"), { code: "23505", constraint: "people_email_uq" });
  it("recognises a unique violation raised directly or wrapped by Drizzle, by constraint when asked", () => {
    expect(isUniqueViolation(unique)).toBe(true);
    expect(isUniqueViolation(new Error("query failed", { cause: unique }))).toBe(true);
    expect(isUniqueViolation(unique, "people_email_uq")).toBe(true);
    expect(isUniqueViolation(unique, "people_user_uq")).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error("fk"), { code: "23503" }))).toBe(false);
    expect(isUniqueViolation(new Error("plain"))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
  it("reads a foreign key violation and ignores non-SQLSTATE codes", () => {
    expect(isForeignKeyViolation(new Error("wrapped", { cause: { code: "23503" } }))).toBe(true);
    expect(databaseError(Object.assign(new Error("io"), { code: "ENOENT" }))).toEqual({});
  });
});
