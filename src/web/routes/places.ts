import type { NavItem } from "../features/types.ts";

/**
 * The places of the main navigation (the modules of docs/domain.md, grouped as people look for them).
 * Until a feature registers a route at a place's path, the place shows an honest "being built" page.
 */
export const places: NavItem[] = [
  { to: "/", labelKey: "nav.start", order: 10 },
  { to: "/register", labelKey: "nav.registers", order: 20 },
  { to: "/aktiviteter", labelKey: "nav.activities", order: 30 },
  { to: "/kompassen", labelKey: "nav.compass", order: 40 },
  { to: "/planer", labelKey: "nav.plans", order: 50 },
  { to: "/evenemang", labelKey: "nav.events", order: 60 },
  { to: "/uppfoljning", labelKey: "nav.followUp", order: 70 },
  { to: "/admin", labelKey: "nav.admin", order: 80, requires: "administer" },
];

/** Places first, a feature's item with the same path replacing the place's, then new items by order. */
export function mergeNav(featureItems: NavItem[]): NavItem[] {
  const byPath = new Map(places.map((p) => [p.to, p]));
  for (const item of featureItems) byPath.set(item.to, item);
  return [...byPath.values()].sort((a, b) => a.order - b.order);
}
