import type { Tx } from "../../db/client.ts";

/**
 * Rules other modules add to spend booked on their records without finance importing them: the
 * agreements module registers one that refuses spend on an unknown or ended agreement (a 422 on
 * `agreementId`). Guards run inside the spend write's transaction.
 */
export type SpendGuard = (tx: Tx, spend: { agreementId: string; date: string }) => Promise<void>;

const guards: SpendGuard[] = [];

export function registerSpendGuard(guard: SpendGuard) {
  if (!guards.includes(guard)) guards.push(guard);
}

export async function checkSpendGuards(tx: Tx, spend: { agreementId?: string | null; date: string }) {
  if (!spend.agreementId) return;
  for (const guard of guards) await guard(tx, { agreementId: spend.agreementId, date: spend.date });
}
