import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compiledServer } from "./test/compiled-server.ts";
import { TestAuthenticator } from "./test/totp-client.ts";

/** The compiled server, as `npm start` runs it (test/compiled-server.ts). */
const compiledMain = compiledServer("main");

// Starts Samspel as an operator would (tsx src/server/main.ts) on a temporary data directory.
const dataDir = mkdtempSync(path.join(tmpdir(), "samspel-main-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ["--enable-source-maps", compiledMain], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", SAMSPEL_LOG: "0", DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/lyssnar på (http:\/\/[^\s]+)/);
      if (match) resolve({ child, url: match[1], output: () => out });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(Object.assign(new Error(`exited ${code}: ${out}`), { code, out })));
  });
}

function stop(started: Started, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.on("exit", (code) => resolve(code));
    started.child.kill(signal);
  });
}

// Administrators give a TOTP code after the password; this test's authenticator app enrols them.
const authenticator = new TestAuthenticator();

async function loginCookie(url: string, email: string, password: string) {
  let res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status === 202) res = await authenticator.secondStep(url, email, await res.json());
  const cookie = res.headers.get("set-cookie")?.split(";")[0] ?? "";
  return {
    status: res.status,
    cookie,
    csrf: res.status === 200 ? ((await res.json()) as { csrfToken: string }).csrfToken : "",
  };
}

const demoPassword = (output: string) =>
  output.match(/Demoinloggning: admin@demo\.samspel\.se \/ (\S+)/)?.[1];

describe("starting Samspel", () => {
  it("starts on an empty data directory with the demo data and prints the demo login", async () => {
    const app = await start({});
    // The demo password is this installation's own, not the published one.
    const password = demoPassword(app.output())!;
    expect(password).toMatch(/^[\w-]{16}$/);
    expect(password).not.toBe("samspel-demo-2026");
    expect((await loginCookie(app.url, "admin@demo.samspel.se", "samspel-demo-2026")).status).toBe(401);
    // The login page's help answers this machine, not a request a proxy forwarded.
    expect(await (await fetch(`${app.url}/api/auth/demo-login`)).json()).toEqual({
      email: "admin@demo.samspel.se",
      password,
    });
    const forwarded = await fetch(`${app.url}/api/auth/demo-login`, {
      headers: { "x-forwarded-for": "127.0.0.1" },
    });
    expect(await forwarded.json()).toBeNull();
    const health = await (await fetch(`${app.url}/api/health`)).json();
    expect(health).toMatchObject({ status: "ok", database: "pglite" });

    // A second process on the same data directory refuses, and says why.
    const second = await start({}).catch((error) => error);
    expect(second.code).toBe(1);
    expect(second.out).toContain("används redan av en annan Samspel-process");

    // A write acknowledged before SIGTERM survives the restart.
    const admin = await loginCookie(app.url, "admin@demo.samspel.se", password);
    const invite = await fetch(`${app.url}/api/admin/invitations`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: admin.cookie, "x-csrf-token": admin.csrf },
      body: JSON.stringify({ email: "kvar-efter-omstart@kommun.se", name: "Kvar" }),
    });
    expect(invite.status).toBe(201);
    expect(await stop(app)).toBe(0);

    const again = await start({});
    expect(again.output()).not.toContain("demodata: users"); // loaded once, not twice
    expect(demoPassword(again.output())).toBe(password); // kept across restarts
    const admin2 = await loginCookie(again.url, "admin@demo.samspel.se", password);
    const audit = await fetch(`${again.url}/api/admin/audit?action=invitation.create`, {
      headers: { cookie: admin2.cookie },
    });
    const entries = (await audit.json()) as { items: { after: { email: string } }[] };
    expect(entries.items.map((e) => e.after.email)).toContain("kvar-efter-omstart@kommun.se");
    expect(await stop(again, "SIGINT")).toBe(0);
  }, 300_000); // three real start-ups with every module's migrations and the whole demo data

  it("bootstraps the administrator from the environment and starts empty in production", async () => {
    const emptyDir = mkdtempSync(path.join(tmpdir(), "samspel-empty-"));
    try {
      const app = await start({
        DATA_DIR: emptyDir,
        // NODE_ENV=production without SAMSPEL_DEMO=1 loads no demo (and so no demo users).
        NODE_ENV: "production",
        SAMSPEL_DEMO: "",
        SAMSPEL_ADMIN_EMAIL: "drift@universitet.se",
        SAMSPEL_ADMIN_PASSWORD: "ett-långt-driftlösenord",
        // The request log on, as in production: its lines are written in blocks (platform/logging.ts).
        SAMSPEL_LOG: "1",
      });
      expect(app.output()).not.toContain("Demoinloggning");
      expect((await loginCookie(app.url, "drift@universitet.se", "ett-långt-driftlösenord")).status).toBe(
        200,
      );
      expect((await loginCookie(app.url, "admin@demo.samspel.se", "samspel-demo-2026")).status).toBe(401);
      expect(await (await fetch(`${app.url}/api/auth/demo-login`)).json()).toBeNull();
      const organisations = await fetch(`${app.url}/api/organisations`, {
        headers: {
          cookie: (await loginCookie(app.url, "drift@universitet.se", "ett-långt-driftlösenord")).cookie,
        },
      });
      expect(((await organisations.json()) as { items: unknown[] }).items).toEqual([]);
      // The request log: a line per answer, each with its request id; the last one is written before the
      // process ends, not lost in its buffer.
      const last = await fetch(`${app.url}/api/health?sista=1`);
      const id = last.headers.get("x-request-id");
      expect(await stop(app)).toBe(0);
      const line = app
        .output()
        .split("\n")
        .find((l) => l.includes("sista=1"));
      expect(line && JSON.parse(line)).toMatchObject({ reqId: id, res: { statusCode: 200 } });
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
  }, 120_000);
});
