import type { RoleAssignment } from "../src/common/roles.ts";
import type { Db } from "../src/server/db/client.ts";
import { ensureUser } from "../src/server/modules/accounts/accounts.service.ts";
import { systemActor } from "../src/server/platform/actor.ts";

export const DEMO_PASSWORD = "samspel-demo-2026";

/** One user per role of DOMAIN.md. Scoped roles get their scope when the registers exist (see registers demo). */
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

export async function loadDemoUsers(db: Db) {
  for (const user of demoUsers) await ensureUser(db, systemActor, { ...user, password: DEMO_PASSWORD });
}
