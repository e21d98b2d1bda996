import type { MeView, UserView } from "../../../common/accounts.ts";
import type { Actor } from "../../platform/actor.ts";
import { globalAbilities } from "./accounts.policy.ts";

export function presentMe(actor: Actor, csrfToken: string): MeView {
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    roles: actor.roles,
    csrfToken,
    abilities: globalAbilities(actor),
  };
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  active: boolean;
  createdAt: Date;
  roles: { role: string; scopeType: string | null; scopeId: string | null }[];
}

export function presentUser(user: UserRow): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    active: user.active,
    roles: user.roles.map(({ role, scopeType, scopeId }) => ({ role, scopeType, scopeId })),
    createdAt: user.createdAt.toISOString(),
  };
}
