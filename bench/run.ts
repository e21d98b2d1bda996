import { existsSync } from "node:fs";

/**
 * `npm run bench`: prints figures, asserts nothing. Each section is a module exporting
 * `async function bench<Name>(): Promise<string[]>`; sections whose file is absent are skipped.
 */
const sections: { title: string; file: string; fn: string }[] = [
  {
    title: "Platform: start-up and request latency (20 connections, 5 s each)",
    file: "./platform.ts",
    fn: "benchPlatform",
  },
  {
    title: "Registers: search over 100 000 organisations, import of 10 000 rows",
    file: "./registers.ts",
    fn: "benchRegisters",
  },
  {
    title: "ALA-kompassen: one programme, and a university of 300 programmes / 200 000 activities",
    file: "./compass.ts",
    fn: "benchCompass",
  },
  {
    title: "Project portfolio: list and dashboard over 10 000 projects",
    file: "./portfolio.ts",
    fn: "benchPortfolio",
  },
  {
    title: "Events: concurrent registrations, participant table over 1 000 000 registrations",
    file: "./events.ts",
    fn: "benchEvents",
  },
  {
    title: "Follow-up: 1 000 indicators over 1 000 000 registrations, the annual report",
    file: "./follow-up.ts",
    fn: "benchFollowUp",
  },
  {
    title: "Uploads: peak RSS for XLSX zip bombs (one, three at once) and a legitimate 50 000-row file",
    file: "./uploads.ts",
    fn: "benchUploads",
  },
  {
    title: "SKO agreements: list and detail over 2 000 agreements with 40 000 appendix rows",
    file: "./agreements.ts",
    fn: "benchAgreements",
  },
  {
    title: "Calls for ideas: list and funnel of one call with 10 000 ideas and 20 000 reviews",
    file: "./ideas.ts",
    fn: "benchIdeas",
  },
  {
    title: "Governance: decision register and registry search over 100 000 entries each",
    file: "./governance.ts",
    fn: "benchGovernance",
  },
  {
    title: "Request path: Samspel beside node:http and a thin node:http + pg handler (issue 14, goal 1)",
    file: "./request-path.ts",
    fn: "benchRequestPath",
  },
  {
    title:
      "Search: GET /api/search at 20 connections over 100 000 organisations and the other registers (PGlite, PostgreSQL)",
    file: "./search-load.ts",
    fn: "benchSearch",
  },
  {
    title:
      "Bulk import: 100 000 organisations through the import, beside a bare multi-row INSERT (goal ≤ 10 ×)",
    file: "./bulk-import.ts",
    fn: "benchBulkImport",
  },
  {
    title:
      "National scale on PostgreSQL (BENCH_SCALE=national): 40 universities, 8 M activities, 40 M registrations",
    file: "./national.ts",
    fn: "benchNational",
  },
  {
    title: "The first page: Lighthouse 12 (mobile) on the login page and the public calendar",
    file: "./lighthouse.ts",
    fn: "benchLighthouse",
  },
];

const only = process.argv[2];
console.log(
  `Samspel bench — ${new Date().toISOString()} — Node ${process.version}, ${(await import("node:os")).cpus().length} cores`,
);
for (const section of sections) {
  if (only && !section.file.includes(only)) continue;
  if (!existsSync(new URL(section.file, import.meta.url))) continue;
  console.log(`\n## ${section.title}`);
  const mod = await import(section.file);
  for (const line of await mod[section.fn]()) console.log(`  ${line}`);
}
