import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { longestFirst } from "./src/server/test/longest-first.ts";

// Integration tests run once on in-memory PGlite and, when TEST_DATABASE_URL points at a
// PostgreSQL server, once more on it (the "postgresql" project), so both dialect paths are exercised.
const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: "pglite",
      include: ["src/**/*.test.ts", "demo/**/*.test.ts"],
      // Several app processes on one PostgreSQL (issue 19), and the sessions kept in memory, which only
      // PostgreSQL has (they listen for changes on a connection of their own): the postgresql project only.
      exclude: ["src/server/multi-process.test.ts", "src/server/modules/accounts/session-cache.test.ts"],
      env: { TZ: "UTC", SAMSPEL_TEST_DB: "pglite" },
    },
  },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    extends: true,
    test: {
      name: "postgresql",
      include: ["src/**/*.test.ts", "demo/**/*.test.ts"],
      // main.test.ts starts real processes on the embedded database, and data-dir-lock.test.ts tests its
      // lock; the server variant is covered by the rest.
      exclude: [
        "src/server/main.test.ts",
        "src/server/platform/data-dir-lock.test.ts",
        // backup.ts is the embedded database's backup; PostgreSQL's is pg_dump (README).
        "src/server/backup.test.ts",
        // The embedded database's schema template, unpacked into a new data directory.
        "src/server/db/schema-template.test.ts",
        // The embedded database's way of keeping sessions; the server's has session-cache.test.ts.
        "src/server/modules/accounts/session-cache.embedded.test.ts",
      ],
      env: { TZ: "UTC", SAMSPEL_TEST_DB: "postgresql" },
    },
  });
}

export default defineConfig({
  test: {
    projects,
    globalSetup: ["src/server/test/global-setup.ts"],
    // Each worker imports the app once and runs its files one after another in that module graph; with
    // isolation every file paid seconds of module evaluation before its first test. file-setup.ts puts back
    // what a file may change in the process (environment, captured mail) before the next one.
    isolate: false,
    setupFiles: ["src/server/test/file-setup.ts"],
    // Two workers for two cores: the integration tests are CPU-bound (PGlite is WebAssembly).
    maxWorkers: 2,
    // The files of a minute or near it first (both projects' durations, --reporter=json): the security matrix
    // and fuzzing, then the tests that start real processes.
    sequence: { sequencer: longestFirst(["authz-matrix", "fuzz", "main", "multi-process", "data-dir-lock"]) },
    teardownTimeout: 20_000,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
