/**
 * Builds the web app only when its sources changed since the last build (issue 14 item 7); the logic is
 * shared with `npm start` in scripts/build-if-changed.mjs (plain JavaScript: no TypeScript loader at start).
 *
 * `tsx scripts/build-web.ts [outDir]` — outDir defaults to dist/web (vite.config.ts); e2e builds elsewhere.
 */
import path from "node:path";
import { buildWeb, root } from "./build-if-changed.mjs";

await buildWeb({ outDir: path.resolve(root, process.argv[2] ?? "dist/web") });
