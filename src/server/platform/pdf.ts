import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { AppError } from "./errors.ts";

/**
 * Prints self-contained HTML to an accessible PDF with Debian's Chromium (docs/design.md: Chromium's
 * `page.pdf({ tagged: true })` gives tagged PDFs with a structure tree that screen readers follow).
 * Any module that needs a PDF (compass, reports, agreements) renders HTML and calls htmlToPdf.
 */

const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

/**
 * The browser to print with: SAMSPEL_CHROMIUM, else Debian's headless build of Chromium when installed
 * (`chromium-headless-shell`: the same Chromium release without the browser's window layer, lighter to keep
 * running), else Debian's `chromium`. Read at each print so an operator's (or a test's) setting takes effect.
 */
export const chromiumExecutable = () =>
  process.env.SAMSPEL_CHROMIUM || (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");
export const chromiumPath = chromiumExecutable();
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface PdfOptions {
  landscape?: boolean;
  /** Shown in the PDF's footer beside the page number. */
  footer?: string;
  /** Entries of the PDF's document properties (Info dictionary), e.g. a content hash as Keywords. */
  info?: { subject?: string; keywords?: string };
  /** Where a missing renderer is logged: the request's logger, so the line carries the request id. */
  log?: PdfLog;
}

export interface PdfLog {
  error(details: Record<string, unknown>, message: string): void;
}

/** Without a request's logger: one JSON line on stderr, as the request log writes them. */
const stderrLog: PdfLog = {
  error: (details, message) =>
    void process.stderr.write(
      `${JSON.stringify({ level: 50, time: Date.now(), ...details, msg: message })}\n`,
    ),
};

/**
 * No browser to print with (issue 15, item 5): a Swedish 503 saying what to install, never a bare 500,
 * and a log line naming the path that was tried, for the operator.
 */
function rendererMissing(executable: string, reason: string, log: PdfLog = stderrLog): AppError {
  log.error(
    { chromium: executable, reason },
    "PDF kan inte skapas: Chromium saknas eller startar inte. Installera Debians paket chromium eller ange webbläsarens sökväg i SAMSPEL_CHROMIUM.",
  );
  return new AppError("pdfRendererMissing");
}

// One print at a time: the machines have two cores shared by the whole app.
let queue: Promise<unknown> = Promise.resolve();

export function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const run = queue.then(() => print(html, options));
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The browser is kept between prints and closed after a minute without one: launching Chromium costs about a
 * second of CPU and printing a page a tenth of that, and reports, compasses and appendices are asked for in
 * runs (a board's documents, an export round). It is launched again when it went away (crashed, killed) or
 * when the configured executable changed, and never keeps the process alive.
 */
const IDLE_CLOSE_MS = 60_000;
let warm: { executable: string; browser: Browser; idle?: NodeJS.Timeout } | undefined;

async function browserFor(executable: string, log?: PdfLog): Promise<Browser> {
  if (warm && (warm.executable !== executable || !warm.browser.isConnected())) await closePdfRenderer();
  if (warm) {
    clearTimeout(warm.idle);
    return warm.browser;
  }
  try {
    // Loaded at the first PDF, not at start-up: playwright-core alone costs ~1 s of CPU to import.
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: executable,
      args: chromiumArgs,
      timeout: 30_000,
    });
    warm = { executable, browser };
    return browser;
  } catch (error) {
    throw rendererMissing(executable, (error as Error).message.split("\n")[0], log);
  }
}

/** Closes the kept browser (at shutdown, or after a minute without prints). */
export async function closePdfRenderer(): Promise<void> {
  const kept = warm;
  warm = undefined;
  if (!kept) return;
  clearTimeout(kept.idle);
  await kept.browser.close().catch(() => undefined);
}

async function print(html: string, options: PdfOptions): Promise<Buffer> {
  const executable = chromiumExecutable();
  if (!existsSync(executable)) throw rendererMissing(executable, "no such file", options.log);
  const browser = await browserFor(executable, options.log);
  try {
    return await printIn(browser, html, options);
  } catch (error) {
    // The kept browser went away under the print (crashed, killed, before its connection told us): once more in
    // a new one, so that the user's PDF does not fail for the browser's sake.
    if (browser.isConnected()) throw error;
    await closePdfRenderer();
    return printIn(await browserFor(executable, options.log), html, options);
  } finally {
    const kept = warm;
    if (kept) {
      clearTimeout(kept.idle);
      kept.idle = setTimeout(() => void (warm === kept && closePdfRenderer()), IDLE_CLOSE_MS);
      kept.idle.unref();
    }
  }
}

async function printIn(browser: Browser, html: string, options: PdfOptions): Promise<Buffer> {
  // A context per print: nothing of one document (cookies, cache) is seen by the next.
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    // The document is self-contained: nothing it names may be fetched (no SSRF through user text).
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load", timeout: 30_000 });
    const footer = escapeHtml(options.footer ?? "");
    const pdf = await page.pdf({
      format: "A4",
      landscape: options.landscape ?? false,
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-size:8px;width:100%;padding:0 12mm;display:flex;justify-content:space-between;font-family:sans-serif"><span>${footer}</span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`,
      margin: { top: "14mm", bottom: "16mm", left: "12mm", right: "12mm" },
    });
    return options.info ? withInfo(Buffer.from(pdf), options.info) : Buffer.from(pdf);
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Text as a PDF string: UTF-16BE hex with a byte order mark, so å/ä/ö survive. */
function pdfText(text: string): string {
  const utf16 = Buffer.from(`\uFEFF${text}`, "utf16le").swap16();
  return `<${utf16.toString("hex").toUpperCase()}>`;
}

/**
 * Adds entries to a PDF's document properties by an incremental update (ISO 32000-1, 7.5.6): the Info
 * dictionary is written again with the new entries, followed by a cross-reference section for it and a
 * trailer pointing back at the original one. The printed pages are untouched. A PDF whose trailer is
 * not the plain kind Chromium writes is returned as it was.
 */
export function withInfo(pdf: Buffer, info: { subject?: string; keywords?: string }): Buffer {
  const text = pdf.toString("latin1");
  const trailerAt = text.lastIndexOf("trailer");
  const startxrefAt = text.lastIndexOf("startxref");
  if (trailerAt < 0 || startxrefAt < trailerAt) return pdf;
  const trailer = text.slice(trailerAt, startxrefAt);
  const infoRef = /\/Info (\d+) (\d+) R/.exec(trailer);
  const size = /\/Size (\d+)/.exec(trailer);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer);
  const prev = /startxref\s+(\d+)/.exec(text.slice(startxrefAt));
  if (!infoRef || !size || !root || !prev) return pdf;
  const objectAt = text.lastIndexOf(`\n${infoRef[1]} ${infoRef[2]} obj`, trailerAt);
  const dictStart = text.indexOf("<<", objectAt);
  const dictEnd = text.indexOf(">>\nendobj", dictStart);
  if (objectAt < 0 || dictStart < 0 || dictEnd < 0) return pdf;
  const entries = [
    info.subject === undefined ? "" : `\n/Subject ${pdfText(info.subject)}`,
    info.keywords === undefined ? "" : `\n/Keywords ${pdfText(info.keywords)}`,
  ].join("");
  const body = text
    .slice(dictStart + 2, dictEnd)
    .replace(/\n?\/(Subject|Keywords) (<[0-9A-Fa-f]*>|\((?:\\.|[^\\)])*\))/g, "");
  const object = `${infoRef[1]} ${infoRef[2]} obj\n<<${body}${entries}>>\nendobj\n`;
  const objectOffset = pdf.length + 1;
  const xrefOffset = objectOffset + Buffer.byteLength(object, "latin1");
  const update =
    `\n${object}xref\n${infoRef[1]} 1\n${String(objectOffset).padStart(10, "0")} ${infoRef[2].padStart(5, "0")} n \n` +
    `trailer\n<</Size ${size[1]}\n/Root ${root[1]}\n/Info ${infoRef[1]} ${infoRef[2]} R\n/Prev ${prev[1]}>>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, "latin1")]);
}
