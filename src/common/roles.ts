import { z } from "zod";

/** The roles of docs/domain.md. The public is the absence of a login, not a role. */
export const roleKeys = ["admin", "coordinator", "programme_director", "group_member", "partner"] as const;
export const roleKey = z.enum(roleKeys);
export type RoleKey = z.infer<typeof roleKey>;

/** Roles that only make sense with a scope: a programme director of which programmes, a partner of which organisation. */
export const scopeTypes = ["organisation", "programme"] as const;
export const scopeType = z.enum(scopeTypes);
export type ScopeType = z.infer<typeof scopeType>;

export const roleAssignment = z.object({
  role: roleKey,
  scopeType: scopeType.nullable().default(null),
  scopeId: z.uuid({ error: "validation.uuid" }).nullable().default(null),
});
export type RoleAssignment = z.infer<typeof roleAssignment>;
