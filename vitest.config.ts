import { defineConfig } from "vitest/config";

// Integration tests run once on in-memory PGlite and, when TEST_DATABASE_URL points at a
// PostgreSQL server, once more on it (the "postgresql" project), so both dialect paths are exercised.
const projects = [
  {
    test: {
      name: "pglite",
      include: ["src/**/*.test.ts", "demo/**/*.test.ts"],
      env: { TZ: "UTC", SAMSPEL_TEST_DB: "pglite" },
    },
  },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    test: {
      name: "postgresql",
      include: ["src/**/*.test.ts", "demo/**/*.test.ts"],
      env: { TZ: "UTC", SAMSPEL_TEST_DB: "postgresql" },
    },
  });
}

export default defineConfig({
  test: {
    projects,
    globalSetup: ["src/server/test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
