import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The longest journey files, longest first (measured: --reporter=json). Two workers take files from one queue,
 * so a long file started last keeps one worker busy while the other has finished: these start first, the
 * rest follow in Vitest's order (longest first by the last run's durations, else larger files first — which
 * would put the small reflow files, each a minute or more, at the end).
 */
const longestFirst = [
  "reflow-coordinator-even",
  "reflow-coordinator-odd",
  "reflow-visitor",
  "reflow-admin",
  "events",
  "governance",
  "auth",
  "reports",
  "compass",
  "portfolio",
  "agreements",
  "ideas",
];

class LongestJourneysFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const rank = (spec: TestSpecification) => {
      const name = spec.moduleId.replace(/^.*\//, "").replace(/\.e2e\.ts$/, "");
      const i = longestFirst.indexOf(name);
      return i < 0 ? longestFirst.length : i;
    };
    const ordered = await super.sort(files);
    return ordered
      .map((spec, i) => ({ spec, i }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i)
      .map(({ spec }) => spec);
  }
}

// Browser journeys in Debian's Chromium, two files at a time: a journey waits on its browser and its app in
// turn, so one at a time left a core idle. The global setup migrates and loads the demo data once; each file
// starts its own app from a copy of it, on a free port, with its own browser contexts.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/support/global-setup.ts"],
    env: { TZ: "UTC" },
    testTimeout: 90_000, // a journey is several pages, each scanned by axe
    hookTimeout: 120_000,
    maxWorkers: 2,
    // One module graph and one Chromium for all journey files (support/browser.ts): importing the app and
    // launching a browser per file cost seconds each. The file set-up puts back what a file may change in
    // the process (environment, captured mail), as the integration run does.
    isolate: false,
    setupFiles: ["src/server/test/file-setup.ts"],
    sequence: { sequencer: LongestJourneysFirst },
  },
});
