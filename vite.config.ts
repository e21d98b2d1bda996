import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The SPA is built into dist/web and served by the Fastify process (src/server/platform/static.ts).
export default defineConfig({
  root: "src/web",
  plugins: [react()],
  // Vite's own warning limit: pages are split per route (src/web/routes/lazy-page.ts), so only the
  // ECharts chunk comes near it; a bigger chunk means something heavy went eager.
  build: { outDir: "../../dist/web", emptyOutDir: true, chunkSizeWarningLimit: 500 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
