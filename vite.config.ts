import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The SPA is built into dist/web and served by the Fastify process (src/server/platform/static.ts).
export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: { outDir: "../../dist/web", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
