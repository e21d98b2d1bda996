import { isStaff } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";

/**
 * Who may do what with the public face. Everyone, the public included, reads published news, the
 * page texts and the public start page; coordinators and administrators write news (drafts are
 * theirs alone: anyone else asking for a draft gets 404) and edit the page texts.
 */
export type SiteAction =
  | "readPublic"
  | "listNews"
  | "readNews"
  | "createNews"
  | "updateNews"
  | "deleteNews"
  | "updatePage";

/** A news item as the rules see it (null for a list or a new item). */
export interface NewsSubject {
  published: boolean;
}

const staff = (actor: Parameters<typeof isStaff>[0]) => isStaff(actor);

export const sitePolicy: Policy<SiteAction, NewsSubject | null> = {
  readPublic: { allow: () => true, public: true },
  listNews: staff,
  readNews: { allow: (actor, s) => isStaff(actor) || !!s?.published, refuse: "hide", public: true },
  createNews: staff,
  updateNews: staff,
  deleteNews: staff,
  updatePage: staff,
};
