import { defineConfig } from "vitest/config";
import { longestFirst } from "./src/server/test/longest-first.ts";

// The longest journey files, longest first (measured: --reporter=json): the small reflow files, each a minute or
// more, would otherwise come last.
const LongestJourneysFirst = longestFirst([
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
]);

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
