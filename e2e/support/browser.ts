import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/**
 * Debian's Chromium, never a downloaded one: its headless build (`chromium-headless-shell`, the same Chromium
 * release and Blink without the browser's window layer — what Playwright itself runs headless) when installed,
 * else the browser (`chromium`). The same four journey files took 98 core-seconds in the browser and 67 in the
 * headless build (issue 12, docs/decisions/005-testing.md); CHROMIUM_PATH chooses another.
 */
export const journeyBrowserPath =
  process.env.CHROMIUM_PATH ??
  (existsSync("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : "/usr/bin/chromium");

/** Flags keep it quiet and working in containers. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: journeyBrowserPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * One Chromium per worker, shared by the journey files it runs one after another (the e2e run has
 * `isolate: false`): a launch costs a second or two, and each file still gets fresh contexts (own cookies,
 * own storage). Relaunched if it went away; the worker's exit ends it.
 */
const state = globalThis as { __samspelBrowser?: Promise<Browser> };
export async function sharedBrowser(): Promise<Browser> {
  const running = state.__samspelBrowser && (await state.__samspelBrowser.catch(() => undefined));
  if (running?.isConnected()) return running;
  state.__samspelBrowser = launchBrowser();
  return state.__samspelBrowser;
}
