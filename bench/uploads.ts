import { DEMO_PASSWORD, loadDemoUsers } from "../demo/users.ts";
import { buildApp } from "../src/server/app.ts";
import { openDatabase } from "../src/server/db/client.ts";
import { toXlsx } from "../src/server/platform/spreadsheet-export.ts";
import { xlsxBomb } from "../src/server/test/zip-bombs.ts";
import { multipart } from "./multipart.ts";

/**
 * Issue 11, finding 2: peak RSS of this process while XLSX zip bombs are posted for import (the
 * probe saw 2.9 GB for one 1.5 MB file that unpacks to 1.5 GB, and a crash for three at once), and
 * for a legitimate 50 000-row XLSX for comparison. `npx tsx bench/run.ts uploads`.
 */
export async function benchUploads(): Promise<string[]> {
  const database = await openDatabase({ kind: "pglite" });
  await loadDemoUsers(database.db);
  const app = await buildApp({ database, webRoot: null, config: { loginRateLimit: 1_000_000 } });
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: "samordnare@demo.samspel.se", password: DEMO_PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === "samspel_session")!;
  const headers = { cookie: `samspel_session=${cookie.value}`, "x-csrf-token": login.json().csrfToken };
  const post = (content: Buffer) => {
    const form = multipart([{ name: "file", file: { name: "lista.xlsx", content } }]);
    return app.inject({
      method: "POST",
      url: "/api/organisations/import/preview",
      payload: form.payload,
      headers: { ...headers, ...form.headers },
    });
  };
  const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
  /** Peak RSS while `work` runs, sampled every 5 ms. */
  const peak = async (work: () => Promise<{ statusCode: number }[]>) => {
    global.gc?.();
    const start = process.memoryUsage().rss;
    let top = start;
    const timer = setInterval(() => {
      top = Math.max(top, process.memoryUsage().rss);
    }, 5);
    const began = performance.now();
    const answers = await work();
    clearInterval(timer);
    top = Math.max(top, process.memoryUsage().rss);
    const ms = Math.round(performance.now() - began);
    return `start ${mb(start)}, peak ${mb(top)} (+${mb(top - start)}), ${ms} ms, answers ${answers.map((a) => a.statusCode).join(" ")}`;
  };

  const bomb = await xlsxBomb(1536);
  const bombs = await Promise.all([xlsxBomb(1536), xlsxBomb(1536, { lie: true }), xlsxBomb(1536)]);
  const rows = Array.from({ length: 50_000 }, (_, i) => i);
  const legit = await toXlsx([
    {
      name: "Organisationer",
      columns: ["Namn", "Typ", "Organisationsnummer", "Kommunkod", "Län", "Webbplats"].map((header, k) => ({
        header,
        value: (i: number) => (k === 0 ? `Företaget ${i} AB` : k === 3 ? "0382" : `värde ${k} ${i % 97}`),
      })),
      rows,
    },
  ]);
  const lines = [
    `one bomb (${mb(bomb.length)} file → 1.5 GB sheet XML): ${await peak(async () => [await post(bomb)])}`,
    `three bombs at once (one lying about its size): ${await peak(() => Promise.all(bombs.map(post)))}`,
    `legitimate 50 000-row XLSX (${mb(legit.length)}): ${await peak(async () => [await post(legit)])}`,
  ];
  await app.close();
  await database.close();
  return lines;
}
