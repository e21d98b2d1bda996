/**
 * `npm start`: builds the web app and the server only when their sources changed since the last build
 * (scripts/build-if-changed.mjs), then runs the compiled server (dist/server/main.js) in this process —
 * no TypeScript loader and no second Node process between the operator and Samspel.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildServer, buildWeb, root } from "./build-if-changed.mjs";

await buildWeb();
await buildServer();
// Stack traces name the TypeScript source lines, as `node --enable-source-maps` would.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(root, "dist/server/main.js")).href);
