import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

// The SPA is built into dist/web and served by the Fastify process (src/server/platform/static.ts).
export default defineConfig({
  root: "src/web",
  plugins: [react(), precompress()],
  // Vite's own warning limit: pages are split per route (src/web/routes/lazy-page.ts), so only the
  // ECharts chunk comes near it; a bigger chunk means something heavy went eager.
  build: { outDir: "../../dist/web", emptyOutDir: true, chunkSizeWarningLimit: 500 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});

/**
 * Writes `.br` (best quality) and `.gz` beside every compressible file of the build, once, so the server
 * sends them without compressing per request (@fastify/static's `preCompressed`).
 */
function precompress(): Plugin {
  let outDir = "";
  return {
    name: "samspel-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of filesUnder(outDir)) {
        if (!/\.(js|css|html|svg|json|txt|webmanifest)$/.test(file)) continue;
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}
