import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// The axe-core that @axe-core/playwright ships with (the same rules as its AxeBuilder).
const fromAxePlaywright = createRequire(createRequire(import.meta.url).resolve("@axe-core/playwright"));
const axeSource = readFileSync(fromAxePlaywright.resolve("axe-core/axe.min.js"), "utf8");

// Strings, not functions: the test runner's transform would add helpers the page does not have.
const hasAxe = "typeof window.axe?.run === 'function'";
const run = `window.axe.run(document, {
  runOnly: { type: "tag", values: ${JSON.stringify(tags)} },
  resultTypes: ["violations"],
}).then((r) => r.violations)`;

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Scans the page as it is now against WCAG 2.1 A and AA; fails listing every violation and where.
 * axe-core is put into a document once and scans it again after each step in the app (AxeBuilder put it in
 * anew for every scan and finished each in a blank tab it opened — for frames from other origins, which
 * Samspel's pages have none of — which took longer than the scan). `resultTypes` spares axe the details
 * of what passed; the violations are the same.
 */
export async function expectNoAxeViolations(page: Page) {
  if (!(await page.evaluate(hasAxe))) await page.evaluate(axeSource);
  const violations = await page.evaluate<Violation[]>(run);
  if (violations.length === 0) return;
  const report = violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\n/g, " ")}`);
      return `  ${v.id} (${v.impact}): ${v.help}\n${nodes.join("\n")}`;
    })
    .join("\n");
  throw new Error(`axe found ${violations.length} WCAG violation(s) on ${page.url()}:\n${report}`);
}
