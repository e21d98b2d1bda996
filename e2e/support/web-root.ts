import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The journeys' own build of the SPA (global-setup.ts builds it each run), apart from dist/web: a `vite build`
 * for `npm start` during a journey run cannot replace the files under the running journeys.
 */
export const e2eWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/e2e-web");
