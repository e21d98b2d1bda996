import type { AnyRoute } from "@tanstack/react-router";

/** What a nav entry needs from the logged-in user; the server computes these (Me.abilities). */
export type Requirement = "login" | "administer" | "coordinate";

export interface NavItem {
  /** Path of the page, e.g. "/aktiviteter". An item with a place's path replaces that place's entry. */
  to: string;
  /** i18n key of the label, e.g. "nav.activities". */
  labelKey: string;
  /** Position in the menu; the built-in places use 10, 20, … 80 (see routes/places.ts). */
  order: number;
  /** Hidden unless the user has this; leave out for pages the public may see. */
  requires?: Requirement;
}

/** One module's pages: routes under the shared layout (rootRoute) and its menu entries. */
export interface Feature {
  name: string;
  routes: AnyRoute[];
  nav?: NavItem[];
}
