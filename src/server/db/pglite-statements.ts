import {
  type PGlite,
  protocol,
  type QueryOptions,
  type Results,
  type Transaction,
} from "@electric-sql/pglite";

/**
 * Named prepared statements for the embedded database (issue 14, goal 1). PGlite's `query` parses, analyses and
 * plans every statement anew (an unnamed statement, six protocol round trips into the WebAssembly backend per
 * query); PostgreSQL keeps a named statement's parse tree and, after a few executions, its generic plan. So a
 * statement text seen before is prepared once per database (PGlite is one connection) under a name and then only
 * bound and executed, in one round trip.
 *
 * - Only plain DML (`select`, `insert`, `update`, `delete`, `with`, `values`) is cached; everything else (DDL,
 *   `begin`, savepoints, `set`) goes through PGlite's own `query` as before.
 * - Rows are read with the client's parsers as PGlite's `parseResults` reads them: the same rows, the same types
 *   (read straight from the backend's bytes, see `#execute`).
 * - PostgreSQL re-plans a named statement itself after DDL on the tables it reads. A statement whose result columns
 *   changed (`select *` after `alter table … add column`) fails with "cached plan must not change result type": its
 *   name is dropped and, outside a transaction, it is prepared again and run once more; inside one the error stands
 *   (the transaction is aborted) and the next use prepares it anew. DDL sent through this client also drops every
 *   name first, so the application's own migrations never meet a stale statement.
 * - At most `capacity` names (least recently used first out); an evicted name is closed (`Close` message) with the
 *   next statement sent, so the backend's memory stays bounded too.
 * - A statement that fails to parse is not kept; one that fails at execution (a constraint) stays valid and is kept.
 * - A statement's parameter types are fixed when it is prepared (a column's type changed behind the client's back
 *   keeps the old ones until the name is dropped). `SAMSPEL_PGLITE_STATEMENTS=0` turns the cache off (client.ts).
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
  /** The result columns (none for a statement without rows): the same for every execution of the name. */
  fields: { name: string; dataTypeID: number }[];
}

type BackendMessage = { name: string } & Record<string, unknown>;
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
      const { result, error } = await this.#execute(prepared, params, options);
      if (result) {
        // A hit becomes the most recent (unless the names were dropped meanwhile: `clear` runs outside the lock).
        if (this.#statements.get(query) === prepared) {
          this.#statements.delete(query);
          this.#statements.set(query, prepared);
        }
        return result as Results<T>;
      }
      if (!error) throw new Error("PGlite: no answer to a prepared statement");
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
      fields: (
        (messages.find((m) => m.name === "rowDescription") as { fields?: Prepared["fields"] } | undefined)
          ?.fields ?? []
      ).map(({ name, dataTypeID }) => ({ name, dataTypeID })),
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

  /** One protocol message: the pending closes, then `parts`, then Sync. */
  #frame(parts: Uint8Array[]) {
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
    return { message, closing };
  }

  /** A close the backend did not confirm (it came after an error, or the message failed) stays pending. */
  #confirmCloses(closing: string[], closed: number) {
    if (closed < closing.length) this.#toClose.unshift(...closing.slice(closed));
  }

  /** Sends `parts` (after the pending closes) and returns the backend's answers after the closes. */
  async #send(parts: Uint8Array[], options: QueryOptions | undefined): Promise<BackendMessage[]> {
    const { message, closing } = this.#frame(parts);
    let answers: BackendMessage[];
    try {
      answers = (await this.#client.execProtocolStream(message, {
        syncToFs: false,
        throwOnError: false,
        onNotice: options?.onNotice,
      })) as unknown as BackendMessage[];
    } catch (error) {
      this.#confirmCloses(closing, 0);
      throw error;
    }
    let closed = 0;
    while (closed < answers.length && answers[closed].name === "closeComplete") closed++;
    this.#confirmCloses(closing, closed);
    return answers.slice(Math.min(closed, closing.length));
  }

  /**
   * Binds and executes a prepared statement. Its answer is read here, straight from the backend's bytes: PGlite's
   * protocol parser copies every field into an ArrayBuffer of its own and decodes it with a TextDecoder (the
   * largest JavaScript cost of a 50-row list); its rows are the same as PGlite's `parseResults` makes (the
   * client's parsers, then `options.parsers`). An answer with an error (or a notice someone listens to) is read
   * by PGlite's parser instead, for the same error objects. Notifications raised by a cached statement (a
   * trigger's NOTIFY outside a transaction) do not reach PGlite's `listen` callbacks; they go to those of
   * `onStatementNotification`.
   */
  async #execute(
    prepared: Prepared,
    params: unknown[],
    options: QueryOptions | undefined,
  ): Promise<{ result?: Results; error?: DatabaseError }> {
    const { message, closing } = this.#frame([
      protocol.serialize.bind({ statement: prepared.name, values: this.#values(prepared, params, options) }),
      protocol.serialize.execute({}),
    ]);
    const chunks: Uint8Array[] = [];
    try {
      await this.#client.execProtocolRawStream(message, {
        syncToFs: false,
        onRawData: (bytes) => chunks.push(bytes.slice()),
      });
    } catch (error) {
      this.#confirmCloses(closing, 0);
      throw error;
    }
    const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    const answer = readAnswer(
      raw,
      prepared.fields,
      options?.parsers ? { ...this.#client.parsers, ...options.parsers } : this.#client.parsers,
      options?.rowMode === "array",
      !!options?.onNotice,
    );
    this.#confirmCloses(closing, answer.closed);
    for (const { channel, payload } of answer.notifications) notify(this.#client, channel, payload);
    if (!answer.parseAgain) return { result: answer.result };
    let error: DatabaseError | undefined;
    new protocol.Parser().parse(raw, (msg) => {
      const m = msg as unknown as BackendMessage;
      if (m.name === "error") error ??= m as unknown as DatabaseError;
      else if (m.name === "notice") options?.onNotice?.(msg as never);
    });
    return error ? { error } : { result: answer.result };
  }
}

/**
 * The backend's answer to Close…, Bind, Execute, Sync: the rows and the command tag, as `parseResults` reads them
 * (https://www.postgresql.org/docs/current/protocol-message-formats.html). `parseAgain` when it holds an error
 * or a notice to pass on.
 */
function readAnswer(
  raw: Uint8Array,
  fields: Prepared["fields"],
  parsers: PGliteInternals["parsers"],
  arrayRows: boolean,
  notices: boolean,
) {
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const rows: unknown[] = [];
  const fieldParsers = fields.map((f) => parsers[f.dataTypeID]);
  let closed = 0;
  let leading = true;
  let parseAgain = false;
  let tag: string | undefined;
  const notifications: { channel: string; payload: string }[] = [];
  for (let at = 0; at + 5 <= buf.length; ) {
    const type = buf[at];
    const end = at + 1 + buf.readInt32BE(at + 1);
    let p = at + 5;
    if (type === 0x33 /* CloseComplete */) {
      if (leading) closed++;
    } else {
      leading = false;
      if (type === 0x44 /* DataRow */) {
        const count = buf.readInt16BE(p);
        p += 2;
        const row: unknown[] | Record<string, unknown> = arrayRows ? new Array(count) : {};
        for (let i = 0; i < count; i++) {
          const length = buf.readInt32BE(p);
          p += 4;
          let value: unknown = null;
          if (length >= 0) {
            const text = buf.toString("utf8", p, p + length);
            p += length;
            const parser = fieldParsers[i];
            value = parser ? parser(text, fields[i].dataTypeID) : text;
          }
          if (arrayRows) (row as unknown[])[i] = value;
          else (row as Record<string, unknown>)[fields[i].name] = value;
        }
        rows.push(row);
      } else if (type === 0x43 /* CommandComplete */) {
        tag = buf.toString("utf8", p, end - 1);
      } else if (type === 0x41 /* NotificationResponse: pid, channel, payload */) {
        const channelEnd = buf.indexOf(0, p + 4);
        const channel = buf.toString("utf8", p + 4, channelEnd);
        notifications.push({ channel, payload: buf.toString("utf8", channelEnd + 1, end - 1) });
      } else if (type === 0x45 /* ErrorResponse */ || (type === 0x4e /* NoticeResponse */ && notices)) {
        parseAgain = true;
      }
    }
    at = end;
  }
  if (tag === undefined)
    return { closed, parseAgain, notifications, result: { rows: [], fields: [], affectedRows: 0 } };
  const parts = tag.split(" ");
  const command = parts[0];
  const rowCount = Number.parseInt(parts[parts.length - 1], 10);
  const counted = ["INSERT", "UPDATE", "DELETE", "COPY", "MERGE"].includes(command);
  const result: Results = {
    rows,
    fields: fields.map(({ name, dataTypeID }) => ({ name, dataTypeID })),
    command,
    affectedRows: counted ? rowCount : 0,
  } as Results;
  if (!Number.isNaN(rowCount)) (result as { rowCount?: number }).rowCount = rowCount;
  return { closed, parseAgain, notifications, result };
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

type NotificationListener = (channel: string, payload: string) => void;
const notificationListeners = new WeakMap<PGlite, Set<NotificationListener>>();

/**
 * Notifications that statements run through the cache receive (PGlite hands only its own `query`'s to its
 * `listen` callbacks): whoever listens for a channel on an embedded database subscribes to both. Returns the
 * unsubscribe.
 */
export function onStatementNotification(client: PGlite, listener: NotificationListener): () => void {
  let listeners = notificationListeners.get(client);
  if (!listeners) {
    listeners = new Set();
    notificationListeners.set(client, listeners);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(client: PGlite, channel: string, payload: string) {
  for (const listener of notificationListeners.get(client) ?? []) listener(channel, payload);
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
