import { readdirSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { closePdfRenderer, htmlToPdf } from "./pdf.ts";

/** Every process on the machine: its parent and its name. */
function processes(): Map<number, { ppid: number; comm: string }> {
  const all = new Map<number, { ppid: number; comm: string }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The name sits in parentheses and may hold spaces; the parent pid is the second field after it.
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      all.set(Number(name), { ppid: Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]), comm });
    } catch {
      // gone between the listing and the read
    }
  }
  return all;
}

/** This process's Chromium processes (a wrapper script such as Debian's counts as one of them). */
function chromiumProcesses() {
  const all = processes();
  const mine = (pid: number): boolean => {
    for (let p = all.get(pid)?.ppid; p && p > 1; p = all.get(p)?.ppid) if (p === process.pid) return true;
    return false;
  };
  const chromium = [...all].filter(([pid, { comm }]) => /chrom/i.test(comm) && mine(pid));
  const isChromium = new Set(chromium.map(([pid]) => pid));
  return {
    all: chromium.map(([pid]) => pid),
    /** The browsers' first processes: those whose parent is not Chromium itself. */
    roots: chromium.filter(([, { ppid }]) => !isChromium.has(ppid)).map(([pid]) => pid),
  };
}

const page = (title: string) =>
  `<!doctype html><html lang="sv"><title>${title}</title><h1>${title}</h1></html>`;
const isPdf = (pdf: Buffer) => pdf.subarray(0, 5).toString("latin1") === "%PDF-";

afterAll(() => closePdfRenderer());

describe("htmlToPdf keeps one browser between prints", () => {
  it("prints the second document in the browser that printed the first", async () => {
    await closePdfRenderer();
    expect(isPdf(await htmlToPdf(page("Verksamhetsberättelse 2025")))).toBe(true);
    const browser = chromiumProcesses().roots;
    expect(browser).toHaveLength(1);
    expect(isPdf(await htmlToPdf(page("ALA-kompassen")))).toBe(true);
    expect(chromiumProcesses().roots).toEqual(browser);
  });

  it("still prints after the kept browser crashed, in a new one", async () => {
    await htmlToPdf(page("Före kraschen"));
    const crashed = chromiumProcesses();
    for (const pid of crashed.all) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone with the browser's first process
      }
    }
    // At once: the print may find the browser still counted as connected, and must not fail for it.
    const pdf = await htmlToPdf(page("Efter kraschen"));
    expect(isPdf(pdf)).toBe(true);
    const now = chromiumProcesses().roots;
    expect(now).toHaveLength(1);
    expect(crashed.all).not.toContain(now[0]);
  });

  it("closes the kept browser on request (shutdown)", async () => {
    await htmlToPdf(page("Sista utskriften"));
    await closePdfRenderer();
    expect(chromiumProcesses().all).toEqual([]);
  });
});
