import { buildApp } from "../src/server/app.ts";
import type { Database } from "../src/server/db/client.ts";

/**
 * The app of a bench section with the demo coordinator signed in: `get` answers the response of a GET
 * as the coordinator (or as the public) and throws on anything but 200, so a figure never times an error.
 */
export async function signedInApp(database: Database, email = "samordnare@demo.samspel.se") {
  const app = await buildApp({ database, webRoot: null, config: { loginRateLimit: 1_000_000 } });
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password: "samspel-demo-2026" },
  });
  const cookie = `samspel_session=${login.cookies.find((c) => c.name === "samspel_session")!.value}`;
  const get = async (url: string, as: "coordinator" | "public" = "coordinator") => {
    const res = await app.inject({ method: "GET", url, headers: as === "coordinator" ? { cookie } : {} });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  return { app, cookie, get };
}
