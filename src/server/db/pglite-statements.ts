import {
  type PGlite,
  parse,
  protocol,
  type QueryOptions,
  type Results,
  type Transaction,
} from "@electric-sql/pglite";

/**
 * Named prepared statements for the embedded database (issue 14, goal 1). PGlite's `query` parses, analyses and
 * plans every statement anew (an unnamed statement, five protocol round trips into the WebAssembly backend per
 * query); PostgreSQL keeps a named statement's parse tree and, after a few executions, its generic plan. So a
 * statement text seen before is prepared once per database (PGlite is one connection) under a name and then only
 * bound and executed, in one round trip.
 *
 * - Only plain DML (`select`, `insert`, `update`, `delete`, `with`, `values`) is cached; everything else (DDL,
 *   `begin`, savepoints, `set`) goes through PGlite's own `query` as before.
 * - Results are parsed by PGlite's own `parseResults` with the client's parsers: the same rows, the same types.
 * - PostgreSQL re-plans a named statement itself after DDL on the tables it reads. A statement whose result columns
 *   changed (`select *` after `alter table … add column`) fails with "cached plan must not change result type": its
 *   name is dropped and, outside a transaction, it is prepared again and run once more; inside one the error stands
 *   (the transaction is aborted) and the next use prepares it anew. DDL sent through this client also drops every
 *   name first, so the application's own migrations never meet a stale statement.
 * - At most `capacity` names (least recently used first out); an evicted name is closed (`Close` message) with the
 *   next statement sent, so the backend's memory stays bounded too.
 * - A statement that fails to parse is not kept; one that fails at execution (a constraint) stays valid and is kept.
 */

/** Statement texts worth a name: plain DML. */
const cacheable = /^\s*(select|insert|update|delete|with|values)\b/i;
/** Statements that can change what a cached statement returns: every name is dropped before one runs. */
const schemaChange = /^\s*(create|alter|drop|import|discard)\b/i;
/** Bulk statements (generated multi-row inserts) are one-offs: not worth a plan kept in memory. */
const maxCachedText = 32_000;

interface Prepared {
  name: string;
  /** Parameter types from `Describe`, to serialise the values as PGlite's own `query` does. */
  paramTypes: number[];
  /** The row description (`null` for a statement without rows): the same for every execution of the name. */
  rowDescription: PgliteMessage | null;
}

type BackendMessage = { name: string } & Record<string, unknown>;
/** PGlite's own type of a backend message (what `parseResults` reads). */
type PgliteMessage = Parameters<typeof parse.parseResults>[0][number];
type DatabaseError = Error & { code?: string; query?: string; params?: unknown[]; queryOptions?: unknown };

/** The parts of PGlite's base class this module uses beyond the public query surface (all present in 0.5). */
interface PGliteInternals {
  _checkReady(): Promise<void>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  serializers: Record<number | string, (value: unknown) => string>;
  parsers: Record<number | string, (value: string, typeId?: number) => unknown>;
}

export class StatementCache {
  /** Insertion order = recency (a hit is moved to the end). */
  readonly #statements = new Map<string, Prepared>();
  /** Names to close with the next message (evicted or dropped, not yet confirmed closed by the backend). */
  readonly #toClose: string[] = [];
  #counter = 0;
  readonly #client: PGlite & PGliteInternals;

  constructor(
    client: PGlite,
    readonly capacity = 256,
  ) {
    this.#client = client as PGlite & PGliteInternals;
  }

  /** Named statements held (for the tests: the cache stays bounded). */
  get size() {
    return this.#statements.size;
  }

  /** Names waiting to be closed. */
  get pendingCloses() {
    return this.#toClose.length;
  }

  /** Whether `query` goes through the cache (else through PGlite's own `query`). */
  handles(query: string, options?: QueryOptions) {
    return (
      query.length <= maxCachedText &&
      cacheable.test(query) &&
      !options?.blob &&
      !options?.paramTypes &&
      !options?.serializers
    );
  }

  /** Called before a statement that is not cached runs: schema changes drop every name. */
  beforeOther(query: string) {
    if (schemaChange.test(query)) this.clear();
  }

  /** Drops every name (closed with the next statement sent). */
  clear() {
    for (const { name } of this.#statements.values()) this.#toClose.push(name);
    this.#statements.clear();
  }

  /**
   * Runs `query` as a named statement: on the database (`tx` undefined, under PGlite's transaction lock as its
   * `query` does) or inside the PGlite transaction `tx` (whose lock is already held).
   */
  async query<T>(query: string, params: unknown[] = [], options?: QueryOptions, tx?: Transaction) {
    const client = this.#client;
    if (tx) {
      if (tx.closed) throw new Error("Transaction is closed");
      return client._runExclusiveQuery(() => this.#run<T>(query, params, options, true));
    }
    await client._checkReady();
    return client._runExclusiveTransaction(() =>
      client._runExclusiveQuery(async () => {
        const result = await this.#run<T>(query, params, options, false);
        await client.syncToFs();
        return result;
      }),
    );
  }

  async #run<T>(
    query: string,
    params: unknown[],
    options: QueryOptions | undefined,
    inTransaction: boolean,
  ): Promise<Results<T>> {
    for (let attempt = 0; ; attempt++) {
      const prepared = this.#statements.get(query) ?? (await this.#prepare(query, params, options));
      const messages = await this.#send(
        [
          protocol.serialize.bind({
            statement: prepared.name,
            values: this.#values(prepared, params, options),
          }),
          protocol.serialize.execute({}),
        ],
        options,
      );
      const error = messages.find((m) => m.name === "error") as DatabaseError | undefined;
      if (!error) {
        // A hit becomes the most recent.
        this.#statements.delete(query);
        this.#statements.set(query, prepared);
        const all = prepared.rowDescription ? [prepared.rowDescription, ...messages] : messages;
        return parse.parseResults(all as PgliteMessage[], this.#client.parsers, options)[0] as Results<T>;
      }
      // The name is stale (its result columns changed) or gone: drop it; outside a transaction, prepare it anew.
      const stale =
        (error.code === "0A000" && /cached plan must not change result type/.test(error.message)) ||
        error.code === "26000";
      if (stale && this.#statements.get(query) === prepared) {
        this.#statements.delete(query);
        this.#toClose.push(prepared.name);
      }
      if (!stale || attempt > 0 || inTransaction || this.#client.isInTransaction())
        throw withQuery(error, query, params, options);
    }
  }

  /** Parses and describes `query` under a new name; nothing is kept when it fails. */
  async #prepare(query: string, params: unknown[], options: QueryOptions | undefined): Promise<Prepared> {
    const name = `samspel_${++this.#counter}`;
    const messages = await this.#send(
      [protocol.serialize.parse({ name, text: query }), protocol.serialize.describe({ type: "S", name })],
      options,
    );
    const error = messages.find((m) => m.name === "error") as DatabaseError | undefined;
    if (error) {
      // The parse may have succeeded and the describe failed: close the name either way.
      if (messages.some((m) => m.name === "parseComplete")) this.#toClose.push(name);
      throw withQuery(error, query, params, options);
    }
    const paramDescription = messages.find((m) => m.name === "parameterDescription") as
      | { dataTypeIDs: number[] }
      | undefined;
    const prepared: Prepared = {
      name,
      paramTypes: paramDescription?.dataTypeIDs ?? [],
      rowDescription: (messages.find((m) => m.name === "rowDescription") as PgliteMessage) ?? null,
    };
    this.#statements.set(query, prepared);
    while (this.#statements.size > this.capacity) {
      const [oldest, evicted] = this.#statements.entries().next().value as [string, Prepared];
      this.#statements.delete(oldest);
      this.#toClose.push(evicted.name);
    }
    return prepared;
  }

  /** The values as PGlite's `query` serialises them: by the parameter's type, else `toString`. */
  #values(prepared: Prepared, params: unknown[], options: QueryOptions | undefined) {
    const serializers = this.#client.serializers;
    return params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const oid = prepared.paramTypes[i];
      const serialize = options?.serializers?.[oid] ?? serializers[oid];
      return serialize ? (serialize(param) as string) : String(param);
    });
  }

  /**
   * Sends the pending closes, then `parts`, then Sync, in one protocol message; returns the backend's answers
   * after the closes. A close the backend did not confirm (it came after an error) stays pending.
   */
  async #send(parts: Uint8Array[], options: QueryOptions | undefined): Promise<BackendMessage[]> {
    const closing = this.#toClose.splice(0);
    const all = [
      ...closing.map((name) => protocol.serialize.close({ type: "S", name })),
      ...parts,
      protocol.serialize.sync(),
    ];
    const message = new Uint8Array(all.reduce((n, part) => n + part.length, 0));
    let offset = 0;
    for (const part of all) {
      message.set(part, offset);
      offset += part.length;
    }
    let answers: BackendMessage[];
    try {
      answers = (await this.#client.execProtocolStream(message, {
        syncToFs: false,
        throwOnError: false,
        onNotice: options?.onNotice,
      })) as unknown as BackendMessage[];
    } catch (error) {
      this.#toClose.unshift(...closing);
      throw error;
    }
    let closed = 0;
    while (closed < answers.length && answers[closed].name === "closeComplete") closed++;
    if (closed < closing.length) this.#toClose.unshift(...closing.slice(closed));
    return answers.slice(Math.min(closed, closing.length));
  }
}

/** The error as PGlite's `query` throws it (`makePGliteError`): the statement, its values and options attached. */
function withQuery(
  error: DatabaseError,
  query: string,
  params: unknown[],
  options: QueryOptions | undefined,
) {
  error.query = query;
  error.params = params;
  error.queryOptions = options;
  return error;
}

const caches = new WeakMap<PGlite, StatementCache>();

/** One cache per PGlite database: every view of the same client shares its names. */
export function statementCache(client: PGlite): StatementCache {
  let cache = caches.get(client);
  if (!cache) {
    cache = new StatementCache(client);
    caches.set(client, cache);
  }
  return cache;
}
