import { describe, expect, it } from "vitest";
import type { Actor } from "./actor.ts";
import { abilities, authorize, type Policy } from "./authorize.ts";

const partnerOf = (organisationId: string): Actor => ({
  userId: "u1",
  name: "Partner",
  email: "p@example.se",
  roles: [{ role: "partner", scopeType: "organisation", scopeId: organisationId }],
});

type Record_ = { organisationId: string };
const policy: Policy<"read" | "update" | "list", Record_> = {
  read: {
    allow: (actor, r) => !!actor?.roles.some((x) => x.role === "partner" && x.scopeId === r.organisationId),
    refuse: "hide",
  },
  update: () => false,
  list: { allow: () => true, public: true },
};

describe("authorize", () => {
  it("lets an actor through when the predicate allows", () => {
    expect(() => authorize(partnerOf("a"), policy, "read", { organisationId: "a" })).not.toThrow();
  });
  it("hides another organisation's record as 404", () => {
    expect(() => authorize(partnerOf("a"), policy, "read", { organisationId: "b" })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });
  it("answers 403 for a refused write and 401 for the public on a non-public action", () => {
    expect(() => authorize(partnerOf("a"), policy, "update", { organisationId: "a" })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => authorize(null, policy, "read", { organisationId: "a" })).toThrow(
      expect.objectContaining({ status: 401 }),
    );
    expect(() => authorize(null, policy, "list", { organisationId: "a" })).not.toThrow();
  });
  it("gives the web the same answers as booleans", () => {
    expect(abilities(partnerOf("a"), policy, { organisationId: "a" }, ["read", "update"])).toEqual({
      read: true,
      update: false,
    });
  });
});
