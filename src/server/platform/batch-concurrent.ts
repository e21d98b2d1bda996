/**
 * A group commit for calls that all go through one lock or one row: the calls with the same key that arrive while
 * one is being made wait in this process, and are made together, as one call with all their items, when it
 * returns. Nothing waits for a batch to fill: the first call is made at once, alone, and a batch is whatever
 * arrived meanwhile, so a quiet server answers as fast as before and a busy one makes fewer, larger calls.
 *
 * Used where every request of a rush would otherwise queue for the same lock and each pay a commit in turn:
 * the registrations to one event, the requests from one address counted against a rate limit, the anonymous
 * mail from one address counted against its cap (issue 14, goal 4). With several processes each batches its
 * own, and the database's lock still orders the batches.
 *
 * `run` answers an outcome per item, in order; an `Error` among them is that call's own failure. Should `run`
 * throw, every call of the batch fails with that error (a caller that wants them tried alone does it in `run`).
 * `scope` (a database) keeps the queues apart: the same key in two databases is two queues.
 */
export function batchConcurrent<S extends object, I, O>(
  run: (scope: S, key: string, items: I[]) => Promise<(O | Error)[]>,
  max = 200,
) {
  type Waiting = { item: I; resolve: (outcome: O) => void; reject: (error: unknown) => void };
  const queues = new WeakMap<S, Map<string, Waiting[]>>();

  async function drain(scope: S, key: string, queue: Waiting[], ofScope: Map<string, Waiting[]>) {
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, max);
        try {
          const outcomes = await run(
            scope,
            key,
            batch.map((one) => one.item),
          );
          batch.forEach((one, i) => {
            const outcome = outcomes[i];
            if (outcome instanceof Error) one.reject(outcome);
            else one.resolve(outcome);
          });
        } catch (error) {
          for (const one of batch) one.reject(error);
        }
      }
    } finally {
      ofScope.delete(key);
    }
  }

  return (scope: S, key: string, item: I) =>
    new Promise<O>((resolve, reject) => {
      const ofScope = queues.get(scope) ?? new Map<string, Waiting[]>();
      queues.set(scope, ofScope);
      const waiting = ofScope.get(key);
      if (waiting) {
        waiting.push({ item, resolve, reject });
        return;
      }
      const queue = [{ item, resolve, reject }];
      ofScope.set(key, queue);
      void drain(scope, key, queue, ofScope);
    });
}
