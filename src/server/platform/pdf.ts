import { chromium } from "playwright-core";

/**
 * Prints self-contained HTML to an accessible PDF with Debian's Chromium (docs/design.md: Chromium's
 * `page.pdf({ tagged: true })` gives tagged PDFs with a structure tree that screen readers follow).
 * Any module that needs a PDF (compass, reports, agreements) renders HTML and calls htmlToPdf.
 */

export const chromiumPath = process.env.SAMSPEL_CHROMIUM ?? "/usr/bin/chromium";
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
}

// One Chromium at a time: the machines have two cores shared by the whole app.
let queue: Promise<unknown> = Promise.resolve();

export function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const run = queue.then(() => print(html, options));
  queue = run.catch(() => undefined);
  return run;
}

async function print(html: string, options: PdfOptions): Promise<Buffer> {
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 30_000 });
    const context = await browser.newContext({ javaScriptEnabled: false });
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
    return Buffer.from(pdf);
  } finally {
    await browser?.close().catch(() => undefined);
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
