/** One language's strings, built from src/common/i18n by vite.config.ts (plugin "samspel-strings"). */
declare module "virtual:samspel-strings/*" {
  type Tree = { [key: string]: string | Tree };
  const strings: Tree;
  export default strings;
}
