import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { demoLogin, loadDemoData } from "../../demo/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { openDatabase, pgliteStartParams } from "../../src/server/db/client.ts";
import type { AppConfig } from "../../src/server/platform/context.ts";
import { e2eWebRoot as webRoot } from "./web-root.ts";

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/**
 * The real app as users get it: the built SPA (dist/e2e-web), the API, in-memory PGlite with the demo data, on a
 * free port. `publicUrl` is that address, so invitation links in the UI open in the test browser.
 * With `snapshot` (global-setup.ts) the database starts from a copy of it instead of migrating
 * and loading the demo data again.
 */
export async function startApp(
  snapshot?: string,
  /** `hostname` names the app in its public URL (e.g. "localhost", a site apart from 127.0.0.1); `config` adds to it. */
  options: { hostname?: string; config?: (url: string) => Partial<AppConfig> } = {},
): Promise<RunningApp> {
  if (!existsSync(path.join(webRoot, "index.html"))) {
    throw new Error(
      `No built web app in ${webRoot}: run the journeys with "npm run test:e2e" (global-setup.ts builds it).`,
    );
  }
  const client = await PGlite.create({
    loadDataDir: snapshot ? snapshotBlob(snapshot) : undefined,
    extensions: { pg_trgm },
    startParams: pgliteStartParams, // the memory settings `npm start` uses (32 MB of shared buffers, not 128)
  });
  const database = await openDatabase({ kind: "pglite-loaded", client }); // migrates only what is new
  await loadDemoData(database.db); // a no-op on the snapshot: it has the demo marker

  const port = await freePort();
  const url = `http://${options.hostname ?? "127.0.0.1"}:${port}`;
  const app = await buildApp({
    database,
    webRoot,
    // Journeys log in many times from one address; the lock-out per e-mail stays as in production.
    config: {
      publicUrl: url,
      demoLogin,
      loginRateLimit: 10_000,
      maxFailedLoginsPerSource: 10_000,
      ...options.config?.(url),
    },
  });
  await app.listen({ port, host: "127.0.0.1" });
  return {
    url,
    async close() {
      await app.close();
      // Not database.close(): its checkpoint makes a data directory consistent on disk, and this one is
      // in memory and thrown away.
      await client.close();
    },
  };
}

/**
 * The snapshot's bytes, read once per worker (the journey files share its module graph): 70 MB, the
 * same for each file, which gets its own database unpacked from them.
 */
const cache = globalThis as { __samspelSnapshot?: { file: string; blob: Blob } };
function snapshotBlob(file: string): Blob {
  if (cache.__samspelSnapshot?.file !== file)
    cache.__samspelSnapshot = { file, blob: new Blob([readFileSync(file)]) };
  return cache.__samspelSnapshot.blob;
}

/** A port the OS says is free now (the app is built before it listens, so it cannot bind port 0 itself). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}
