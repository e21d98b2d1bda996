import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Scans the page as it is now against WCAG 2.1 A and AA; fails listing every violation and where.
 * One `axe.run` in the page (AxeBuilder's "legacy" mode), the same rules and results: the default mode
 * runs axe per frame and then opens a blank tab, injects axe into it again and finishes there — for
 * frames from other origins, which Samspel's pages have none of — and that tab cost more than the scan.
 */
export async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(tags).setLegacyMode().analyze();
  if (violations.length === 0) return;
  const report = violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\n/g, " ")}`);
      return `  ${v.id} (${v.impact}): ${v.help}\n${nodes.join("\n")}`;
    })
    .join("\n");
  throw new Error(`axe found ${violations.length} WCAG violation(s) on ${page.url()}:\n${report}`);
}
