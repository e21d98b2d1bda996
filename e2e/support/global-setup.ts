import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildWeb, demoSnapshot } from "./prepare.ts";

declare module "vitest" {
  interface ProvidedContext {
    /** A tarball of a migrated PGlite data directory with the demo data loaded. */
    e2eSnapshot: string;
  }
}

/**
 * Once per run, side by side: the SPA is built into dist/e2e-web, and a database is migrated with the demo
 * data loaded (tens of seconds) and dumped; every journey file then starts its app from a copy of this
 * snapshot (still its own database). `npm test` has both made while the integration tests run and names the
 * snapshot in SAMSPEL_E2E_SNAPSHOT (scripts/test.mjs); the build is then found up to date by its fingerprint.
 */
export default async function setup(project: TestProject) {
  const prepared = process.env.SAMSPEL_E2E_SNAPSHOT;
  const file =
    prepared && existsSync(prepared) ? prepared : path.join(tmpdir(), `samspel-e2e-${process.pid}.tar`);
  await Promise.all([buildWeb(), file === prepared ? undefined : demoSnapshot(file)]);
  project.provide("e2eSnapshot", file);
  return () => rmSync(file, { force: true });
}
