import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin, type Rolldown } from "vite";
import { resources, supportedLocales } from "./src/common/i18n/index.ts";

// The SPA is built into dist/web and served by the Fastify process (src/server/platform/static.ts).
export default defineConfig({
  root: "src/web",
  plugins: [react(), strings(), firstPage(), pageHtml(), precompress()],
  // Vite's own warning limit: pages are split per route (src/web/routes/lazy-page.ts), so only the
  // ECharts chunk comes near it; a bigger chunk means something heavy went eager.
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 500,
    // src/web/first-page.ts is an entry of its own, so it runs before the main bundle has arrived (firstPage()).
    rollupOptions: { input: { index: "src/web/index.html", "first-page": "src/web/first-page.ts" } },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});

/**
 * `virtual:samspel-strings/<sv|en>`: one language's strings (src/common/i18n) as a JSON string parsed at load,
 * so the first page carries Swedish only (English, ~30 KB compressed, loads when chosen: src/web/i18n) and
 * the browser parses JSON instead of compiling a 120 KB object literal. The strings come in with this config
 * (Vite restarts the dev server when they change; scripts/build-web.ts fingerprints src/common).
 */
function strings(): Plugin {
  const prefix = "virtual:samspel-strings/";
  return {
    name: "samspel-strings",
    resolveId: (id) => (id.startsWith(prefix) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return undefined;
      const locale = supportedLocales.find((l) => l === id.slice(prefix.length + 1));
      if (!locale) throw new Error(`no strings for ${id}`);
      const json = JSON.stringify(resources[locale].translation);
      return `export default JSON.parse(${JSON.stringify(json)});`;
    },
  };
}

/**
 * Puts the first-page entry (src/web/first-page.ts) in index.html ahead of the main bundle: a small module
 * script that starts the arriving page's chunk while the main bundle still loads. (Vite would merge a second
 * script of index.html into the main entry, which then waits for the whole bundle.)
 */
function firstPage(): Plugin {
  return {
    name: "samspel-first-page",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        const chunk = Object.values(context.bundle ?? {}).find(
          (output) => output.type === "chunk" && output.isEntry && output.name === "first-page",
        );
        if (!chunk) return [];
        return [
          {
            tag: "script",
            attrs: { type: "module", crossorigin: true, src: `/${chunk.fileName}` },
            injectTo: "head-prepend",
          },
        ];
      },
    },
  };
}

/**
 * The public first pages (issue 14, goal 6) and the module that draws each. For each, the build writes
 * `pages/<name>.html`: index.html with modulepreload links for the page's own chunks (and a stylesheet link
 * for their CSS), so the browser fetches them beside the main bundle straight from the HTML instead of after
 * the first-page script has run. The server sends it for the page's path (src/server/platform/static.ts).
 *
 * `drawn`: variants with the page already drawn (src/web/prerender.tsx, for an anonymous visitor in Swedish)
 * in place of the header-only shell of index.html, `pages/<name>.<variant>.html`, each with the answers its
 * queries find (by query key). The browser shows the page as soon as the HTML and the stylesheet are there;
 * main.tsx draws the same page in its place. The calendar is not drawn: its list is the server's to know.
 */
export const DEMO_EMAIL_SLOT = "__SAMSPEL_DEMO_EMAIL__";
export const DEMO_PASSWORD_SLOT = "__SAMSPEL_DEMO_PASSWORD__";
const firstPages: { name: string; module: string; drawn?: Record<string, [unknown[], unknown][]> }[] = [
  {
    name: "logga-in",
    module: "src/web/features/accounts/login-page.tsx",
    drawn: {
      sv: [[["demo-login"], null]],
      // The demo login's address and password are the server's; it fills them in (static.ts).
      "sv-demo": [[["demo-login"], { email: DEMO_EMAIL_SLOT, password: DEMO_PASSWORD_SLOT }]],
    },
  },
  { name: "evenemang", module: "src/web/features/events/calendar-page.tsx" },
];

/** What index.html holds between these comments is the first paint's shell; a drawn page replaces it. */
const SHELL = /<!--shell-->[\s\S]*?<!--\/shell-->/;

function pageHtml(): Plugin {
  return {
    name: "samspel-page-html",
    apply: "build",
    enforce: "post",
    generateBundle: {
      order: "post",
      async handler(_options, bundle) {
        const index = bundle["index.html"];
        if (index?.type !== "asset") throw new Error("pageHtml: index.html is not in the bundle");
        const html = String(index.source);
        if (!SHELL.test(html)) throw new Error("pageHtml: index.html has no <!--shell--> … <!--/shell-->");
        const draw = await prerenderer();
        try {
          for (const { name, module, drawn } of firstPages) {
            const page = Object.values(bundle).find(
              (output) => output.type === "chunk" && output.facadeModuleId?.endsWith(module),
            );
            if (page?.type !== "chunk") throw new Error(`pageHtml: no chunk for ${module}`);
            const scripts = new Set<string>();
            const styles = new Set<string>();
            const visit = (fileName: string) => {
              const chunk = bundle[fileName];
              if (chunk?.type !== "chunk" || scripts.has(fileName)) return;
              scripts.add(fileName);
              for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
              for (const imported of chunk.imports) visit(imported);
            };
            visit(page.fileName);
            const links = [
              ...[...scripts].map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
              ...[...styles].map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
            ].filter((link) => !html.includes(link.match(/href="[^"]+"/)![0]));
            const pageHtml = html.replace("</head>", `  ${links.join("\n    ")}\n  </head>`);
            this.emitFile({ type: "asset", fileName: `pages/${name}.html`, source: pageHtml });
            for (const [variant, answers] of Object.entries(drawn ?? {})) {
              const markup = await draw(`/${name}`, answers);
              this.emitFile({
                type: "asset",
                fileName: `pages/${name}.${variant}.html`,
                source: afterFirstPaint(
                  pageHtml.replace(SHELL, () => markup),
                  bundle,
                ),
              });
            }
          }
        } finally {
          await draw.close();
        }
      },
    },
  };
}

/**
 * A drawn page needs only its HTML and stylesheets to show; the scripts make it work. Fetched at once, they
 * share the slow phone's few connections with the stylesheets and hold back that first paint. So the drawn
 * page fetches them once it has painted: the main bundle and the modules it would preload are named in
 * `<meta name="samspel-after-paint">` (the entry first) instead of loaded, and src/web/first-page.ts loads
 * them after the first frame (and the page's own chunk with them).
 */
function afterFirstPaint(html: string, bundle: Rolldown.OutputBundle) {
  const main = Object.values(bundle).find(
    (output) => output.type === "chunk" && output.isEntry && output.name === "index",
  );
  if (main?.type !== "chunk") throw new Error("pageHtml: no main entry");
  const entry = `<script type="module" crossorigin src="/${main.fileName}"></script>`;
  if (!html.includes(entry)) throw new Error("pageHtml: the main entry's script is not in index.html");
  const preloads: string[] = [];
  const rest = html
    .replace(entry, "")
    .replace(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g, (_link, href: string) => {
      preloads.push(href);
      return "";
    });
  const names = [`/${main.fileName}`, ...preloads].join(" ");
  return rest.replace("</head>", `  <meta name="samspel-after-paint" content="${names}" />\n  </head>`);
}

/**
 * Draws a page of the app in Node with Vite's SSR loader (src/web/prerender.tsx): the markup only — React's
 * Suspense markers and the router's inline scroll script (which the Content-Security-Policy would refuse) left
 * out, the submit buttons disabled.
 */
async function prerenderer() {
  const { createServer } = await import("vite");
  const server = await createServer({
    configFile: false,
    root: path.resolve(import.meta.dirname, "src/web"),
    plugins: [react(), strings()],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: "custom",
    logLevel: "warn",
  });
  const module = (await server.ssrLoadModule("/prerender.tsx")) as typeof import("./src/web/prerender.tsx");
  const draw = async (url: string, answers: [unknown[], unknown][]) =>
    (await module.prerender(url, answers))
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
      .replace(/<!--\/?\$-->/g, "")
      // Until the scripts have run a form has no handler, and the browser would send it as a GET (a password
      // in the address): a disabled submit button sends nothing, by click or Enter (the look is data-disabled's).
      .replace(/<button([^>]*type="submit")/g, "<button disabled$1");
  return Object.assign(draw, { close: () => server.close() });
}

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
