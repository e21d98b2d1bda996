import * as activities from "./activities.ts";
import * as agreements from "./agreements.ts";
import * as communication from "./communication.ts";
import * as compass from "./compass.ts";
import * as events from "./events.ts";
import * as finance from "./finance.ts";
import * as goalMatrix from "./goal-matrix.ts";
import * as goals from "./goals.ts";
import * as governance from "./governance.ts";
import * as ideas from "./ideas.ts";
import * as identity from "./identity.ts";
import * as indicators from "./indicators.ts";
import * as learning from "./learning.ts";
import * as localwork from "./localwork.ts";
import * as operations from "./operations.ts";
import * as organisations from "./organisations.ts";
import * as overview from "./overview.ts";
import * as people from "./people.ts";
import * as plans from "./plans.ts";
import * as platform from "./platform.ts";
import * as privacy from "./privacy.ts";
import * as programmes from "./programmes.ts";
import * as projects from "./projects.ts";
import * as reports from "./reports.ts";
import * as retention from "./retention.ts";
import * as search from "./search.ts";
import * as signIn from "./sign-in.ts";
import * as site from "./site.ts";
import * as tables from "./tables.ts";
import * as transfer from "./transfer.ts";
import * as uploads from "./uploads.ts";

/**
 * All translations, one file per module (each exports `sv` and `en`), merged under one namespace.
 * A module adds its strings by adding its file here: keys are prefixed by the module's name.
 */
const modules = [
  platform,
  programmes,
  activities,
  organisations,
  people,
  search,
  compass,
  goals,
  plans,
  projects,
  finance,
  transfer,
  events,
  indicators,
  communication,
  reports,
  learning,
  uploads,
  ideas,
  agreements,
  governance,
  site,
  localwork,
  goalMatrix,
  retention,
  privacy,
  signIn,
  identity,
  operations,
  overview,
  tables,
];

type Tree = { [key: string]: string | Tree };
function merge(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === "string") target[key] = value;
    else target[key] = merge((target[key] as Tree) ?? {}, value);
  }
  return target;
}

export const resources = {
  sv: { translation: modules.reduce<Tree>((acc, m) => merge(acc, m.sv as unknown as Tree), {}) },
  en: { translation: modules.reduce<Tree>((acc, m) => merge(acc, m.en as unknown as Tree), {}) },
};
export const supportedLocales = ["sv", "en"] as const;
export type SupportedLocale = (typeof supportedLocales)[number];
