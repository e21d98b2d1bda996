import { randomBytes } from "node:crypto";
import { verify } from "@node-rs/argon2";
import { eq, inArray } from "drizzle-orm";
import type { RoleAssignment } from "../src/common/roles.ts";
import type { Db } from "../src/server/db/client.ts";
import { ensureUser, hashPassword } from "../src/server/modules/accounts/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { appMeta, users } from "../src/server/platform/platform.schema.ts";

/**
 * The password the tests, e2e journeys and benches give the demo users explicitly (they pass it,
 * or take it as `loadDemoData`'s default). An installation started with `npm start` never uses it:
 * it generates its own (`installationDemoPassword`). Published, so never a real installation's.
 */
export const DEMO_PASSWORD = "samspel-demo-2026";

/** One user per role of docs/domain.md. Scoped roles get their scope when the registers exist (see registers demo). */
export const demoUsers: { email: string; name: string; roles: RoleAssignment[] }[] = [
  {
    email: "admin@demo.samspel.se",
    name: "Anna Processledare",
    roles: [{ role: "admin", scopeType: null, scopeId: null }],
  },
  {
    email: "samordnare@demo.samspel.se",
    name: "Sara Samordnare",
    roles: [{ role: "coordinator", scopeType: null, scopeId: null }],
  },
  { email: "programansvarig@demo.samspel.se", name: "Per Programansvarig", roles: [] },
  {
    email: "styrelse@demo.samspel.se",
    name: "Greta Styrelseledamot",
    roles: [{ role: "group_member", scopeType: null, scopeId: null }],
  },
  { email: "partner@demo.samspel.se", name: "Hanna Personaldirektör", roles: [] },
];

export async function loadDemoUsers(db: Db, password = DEMO_PASSWORD) {
  for (const user of demoUsers) await ensureUser(db, systemActor, { ...user, password });
}

const PASSWORD_KEY = "demo_password";

/**
 * The demo users' password of this installation: `SAMSPEL_DEMO_PASSWORD` when set, else generated at
 * the first start and kept in the database (`app_meta`), so it survives restarts and is the same for
 * every process on one database. An installation whose demo data was loaded with the published
 * password before passwords were generated gets a generated one for the demo users still using it.
 */
export async function installationDemoPassword(db: Db, explicit?: string): Promise<string> {
  if (explicit) return explicit;
  const [stored] = await db.select().from(appMeta).where(eq(appMeta.key, PASSWORD_KEY));
  if (stored) return (stored.value as { password: string }).password;
  const password = randomBytes(12).toString("base64url");
  // Two processes starting at once on one database: the first to insert wins, the other reads it.
  await db.insert(appMeta).values({ key: PASSWORD_KEY, value: { password } }).onConflictDoNothing();
  const [kept] = await db.select().from(appMeta).where(eq(appMeta.key, PASSWORD_KEY));
  const chosen = (kept.value as { password: string }).password;
  if (chosen === password) await replacePublishedPassword(db, chosen);
  return chosen;
}

async function replacePublishedPassword(db: Db, password: string) {
  const rows = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(
      inArray(
        users.email,
        demoUsers.map((u) => u.email),
      ),
    );
  const stale = [];
  for (const row of rows) {
    if (row.passwordHash && (await verify(row.passwordHash, DEMO_PASSWORD))) stale.push(row.id);
  }
  if (!stale.length) return;
  const passwordHash = await hashPassword(password);
  await db.update(users).set({ passwordHash }).where(inArray(users.id, stale));
}
