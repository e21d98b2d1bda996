import { z } from "zod";
import { roleAssignment } from "./roles.ts";
import { email, password, requiredText } from "./validation.ts";

export const loginInput = z.object({
  email,
  password: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).max(200),
  /** The one-time link a locked account's owner was mailed: logs in despite the lock. */
  unlockToken: z.string().max(200).optional(),
});
export type LoginInput = z.infer<typeof loginInput>;

export const changePasswordInput = z.object({
  currentPassword: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }),
  newPassword: password,
});

export const inviteInput = z.object({
  email,
  name: requiredText(200),
  roles: z.array(roleAssignment).max(50).default([]),
});
export type InviteInput = z.infer<typeof inviteInput>;

export const acceptInvitationInput = z.object({ password });

export const setRolesInput = z.object({ roles: z.array(roleAssignment).max(50) });
export const updateUserInput = z.object({ active: z.boolean() });

export const roleView = z.object({
  role: z.string(),
  scopeType: z.string().nullable(),
  scopeId: z.string().nullable(),
});

export const meView = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(roleView),
    csrfToken: z.string(),
    abilities: z.object({ administer: z.boolean(), coordinate: z.boolean() }),
  })
  .meta({ id: "Me" });
export type MeView = z.infer<typeof meView>;

export const userView = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    active: z.boolean(),
    roles: z.array(roleView),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
export type UserView = z.infer<typeof userView>;

export const auditEntryView = z
  .object({
    id: z.number(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    /** The personal API token the change was made through, if any (issue 19). */
    apiTokenId: z.string().nullable(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const auditQuery = z.object({
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid({ error: "validation.uuid" }).optional(),
  action: z.string().max(100).optional(),
  from: z.iso.date({ error: "validation.date" }).optional(),
  to: z.iso.date({ error: "validation.date" }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
