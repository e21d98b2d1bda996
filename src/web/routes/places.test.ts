import { describe, expect, it } from "vitest";
import { mergeNav, places } from "./places.ts";

describe("main navigation", () => {
  it("lists the places in order when no feature adds anything", () => {
    expect(mergeNav([]).map((item) => item.to)).toEqual(places.map((p) => p.to));
  });

  it("lets a feature's item replace a place's entry and adds new ones by order", () => {
    const nav = mergeNav([
      { to: "/aktiviteter", labelKey: "activities.nav", order: 30, requires: "login" },
      { to: "/grupper", labelKey: "groups.nav", order: 65 },
    ]);
    expect(nav.filter((item) => item.to === "/aktiviteter")).toEqual([
      { to: "/aktiviteter", labelKey: "activities.nav", order: 30, requires: "login" },
    ]);
    expect(nav.map((item) => item.to)).toEqual([
      "/",
      "/register",
      "/aktiviteter",
      "/kompassen",
      "/planer",
      "/evenemang",
      "/grupper",
      "/uppfoljning",
      "/admin",
    ]);
  });
});
