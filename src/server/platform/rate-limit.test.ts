import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { createTestApp } from "../test/harness.ts";
import { hitRateLimit } from "./rate-limit.ts";

// Two apps on one database stand for two app processes behind a load balancer.
const t = await createTestApp({ config: { loginRateLimit: 4 } });
const other = await buildApp({ database: t.database, webRoot: null, config: { loginRateLimit: 4 } });
afterAll(() => other.close());

const login = (app: typeof other, n: number, remoteAddress: string) =>
  app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: `okand-${n}@exempel.se`, password: "fel-lösenord" },
    remoteAddress,
  });

describe("request limits kept in the database", () => {
  it("counts one address's requests to a route across every process", async () => {
    const address = "198.51.100.7";
    const statuses = [];
    // Alternating between the two processes, as a round-robin load balancer would.
    for (let n = 0; n < 6; n++) statuses.push((await login(n % 2 ? other : t.app, n, address)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const refused = await login(other, 99, address);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json().title).toBe("För många förfrågningar. Vänta en stund och försök igen.");
    // Another address, and another route from the same address, have counts of their own.
    expect((await login(t.app, 100, "198.51.100.8")).statusCode).toBe(401);
    const link = await other.inject({
      method: "POST",
      url: "/api/auth/email-link",
      payload: { email: "okand@exempel.se" },
      remoteAddress: address,
    });
    expect(link.statusCode).toBe(202);
  });

  it("counts parallel hits one by one and starts a new window when the old one has passed", async () => {
    const db = t.database.db;
    const counts = await Promise.all(
      Array.from({ length: 8 }, () => hitRateLimit(db, "test:parallel", 60_000)),
    );
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(counts.every((c) => c.ttlMs > 0 && c.ttlMs <= 60_000)).toBe(true);
    await hitRateLimit(db, "test:short", 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await hitRateLimit(db, "test:short", 1)).count).toBe(1);
  });
});
