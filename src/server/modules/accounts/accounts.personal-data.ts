import { and, count, eq, inArray, ne, or } from "drizzle-orm";
import type { ErasureImpactItem } from "../../../common/privacy.ts";
import type { Db, Tx } from "../../db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { ErasureContext, HeldData, PersonalDataSubject } from "../../platform/personal-data.ts";
import {
  invitations,
  loginUnlocks,
  roleAssignments,
  sessions,
  users,
} from "../../platform/platform.schema.ts";
import { apiTokens, emailLinkTokens, loginChallenges } from "./accounts.schema.ts";

/**
 * User accounts in a register extract and an erasure (issue 20). An erased account is deactivated and
 * anonymised, never deleted: the audit log's actor ids keep pointing at a row. The last active
 * administrator cannot be erased (409), or no one could run the installation.
 */

/** The account of the subject: linked to the person, or with one of the person's addresses. */
export async function findUserForPrivacy(db: Db | Tx, by: { personId: string | null; emails: string[] }) {
  const conditions = [
    ...(by.personId ? [eq(users.personId, by.personId)] : []),
    ...(by.emails.length ? [inArray(users.email, by.emails)] : []),
  ];
  if (!conditions.length) return null;
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(or(...conditions));
  return row ?? null;
}

export async function personalDataFor(db: Db, s: PersonalDataSubject): Promise<HeldData[]> {
  if (!s.userId) return [];
  const [user] = await db.select().from(users).where(eq(users.id, s.userId));
  if (!user) return [];
  const roles = await db
    .select({ role: roleAssignments.role, scopeType: roleAssignments.scopeType })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, s.userId));
  const [{ open }] = await db.select({ open: count() }).from(sessions).where(eq(sessions.userId, s.userId));
  return [
    {
      category: "users",
      ids: [user.id],
      records: [
        {
          Namn: user.name,
          "E-post": user.email,
          Språk: user.locale,
          Aktivt: user.active,
          Roller: roles.map((r) => (r.scopeType ? `${r.role} (${r.scopeType})` : r.role)).join(", "),
          "Öppna inloggningar": open,
          Skapat: user.createdAt.toISOString(),
        },
      ],
    },
  ];
}

export async function erasureImpactFor(_db: Db | Tx, s: PersonalDataSubject): Promise<ErasureImpactItem[]> {
  if (!s.userId) return [];
  return [
    {
      category: "users",
      action: "anonymise",
      count: 1,
      description:
        "Användarkontot inaktiveras och anonymiseras: namn och e-post tas bort, roller och inloggningar upphör.",
      rule: null,
    },
  ];
}

/** Whether erasing this user would leave no active administrator. */
export async function isLastAdmin(db: Db | Tx, userId: string): Promise<boolean> {
  const mine = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(eq(roleAssignments.userId, userId), eq(roleAssignments.role, "admin"), eq(users.active, true)),
    );
  if (!mine.length) return false;
  const [{ others }] = await db
    .select({ others: count() })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.role, "admin"), eq(users.active, true), ne(users.id, userId)));
  return others === 0;
}

export async function eraseFor(tx: Tx, s: PersonalDataSubject, _ctx: ErasureContext) {
  if (!s.userId) return;
  // Locked first: two erasures of the last two administrators cannot both pass the check below.
  await tx.select({ id: users.id }).from(users).where(eq(users.active, true)).for("update");
  if (await isLastAdmin(tx, s.userId)) throw new AppError("lastAdmin", "privacy.errors.lastAdmin");
  const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, s.userId));
  await tx.delete(sessions).where(eq(sessions.userId, s.userId));
  // API tokens, unused sign-in links and half-done sign-ins stop working with the account.
  await tx.delete(apiTokens).where(eq(apiTokens.userId, s.userId));
  await tx.delete(emailLinkTokens).where(eq(emailLinkTokens.userId, s.userId));
  await tx.delete(loginChallenges).where(eq(loginChallenges.userId, s.userId));
  await tx.delete(loginUnlocks).where(eq(loginUnlocks.userId, s.userId));
  await tx.delete(roleAssignments).where(eq(roleAssignments.userId, s.userId));
  if (user) await tx.delete(invitations).where(eq(invitations.email, user.email));
  await tx
    .update(users)
    .set({
      name: "Raderad användare",
      email: `raderad-${s.userId}@raderad.invalid`,
      passwordHash: null,
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      active: false,
      personId: null,
      updatedAt: new Date(),
    })
    .where(eq(users.id, s.userId));
}
