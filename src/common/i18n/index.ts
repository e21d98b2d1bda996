import * as platform from "./platform.ts";

/**
 * All translations, one file per module (each exports `sv` and `en`), merged under one namespace.
 * A module adds its strings by adding its file here: keys are prefixed by the module's name.
 */
const modules = [platform];

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
