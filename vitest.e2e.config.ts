import { defineConfig } from "vitest/config";

// Browser journeys in Debian's Chromium, run one file at a time: two cores cannot carry parallel browsers.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    env: { TZ: "UTC" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
