import type { Actor } from "./actor.ts";
import { forbidden, notFound, unauthenticated } from "./errors.ts";

/**
 * One authorisation rule for every service function (reads included): a module declares its
 * policy as a table of pure predicates, one per action, and calls `authorize(actor, policy,
 * action, subject)` before it reads or writes. Routes do not check; the abilities sent to the
 * web are computed from the same table with `abilities(...)`.
 *
 * A refused read of one record answers 404, as if it did not exist, so that a partner cannot
 * learn which other organisations' records exist (Outline's rule); refused writes on a record
 * the actor may read answer 403. A missing actor on a non-public action answers 401.
 */
export type Predicate<S> = (actor: Actor | null, subject: S) => boolean;

export interface PolicyRule<S> {
  /** Who may. */
  allow: Predicate<S>;
  /** How a refusal answers: `hide` (404, the default for reads of one record) or `forbid` (403). */
  refuse?: "hide" | "forbid";
  /** The public may try (e.g. a public page); otherwise a missing actor answers 401. */
  public?: boolean;
}

export type Policy<Actions extends string, S = unknown> = {
  readonly [A in Actions]: PolicyRule<S> | Predicate<S>;
};

function ruleOf<S>(rule: PolicyRule<S> | Predicate<S>): PolicyRule<S> {
  return typeof rule === "function" ? { allow: rule, refuse: "forbid" } : rule;
}

/** Throws 401/403/404 unless `actor` may do `action` on `subject`; returns normally otherwise. */
export function authorize<Actions extends string, S>(
  actor: Actor | null,
  policy: Policy<Actions, S>,
  action: Actions,
  subject: S,
): void {
  const rule = ruleOf(policy[action]);
  if (!actor && !rule.public) throw unauthenticated();
  if (rule.allow(actor, subject)) return;
  throw rule.refuse === "hide" ? notFound() : forbidden();
}

/** The same predicates as booleans, for the `abilities` a response sends to the web. */
export function abilities<Actions extends string, S>(
  actor: Actor | null,
  policy: Policy<Actions, S>,
  subject: S,
  actions: readonly Actions[],
): Record<Actions, boolean> {
  const out = {} as Record<Actions, boolean>;
  for (const action of actions) out[action] = ruleOf(policy[action]).allow(actor, subject);
  return out;
}
