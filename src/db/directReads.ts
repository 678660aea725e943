// Reads on SQLite without Prisma's per-query cost. Prisma 6.19's Rust-free client compiles
// every query anew (its query compiler is WebAssembly on the main thread, with no plan
// cache before Prisma 7): about 1 ms of CPU for a findUnique that SQLite answers in 10 µs.
// A command reads 6–8 rows that way, which is most of what a command costs (bench
// slack-inbox). This is a Proxy in front of the client (so app code keeps writing
// `db.person.findMany(…)`; see withDirectReads) that runs plain reads itself: the same SQL Prisma
// would generate, on the same connection, as a cached prepared statement, with the row
// turned into the same typed object (dates as Date, booleans as boolean).
// - Only what it can say exactly: findMany/findFirst/findUnique(+OrThrow) and count over scalar
//   fields, with where = equality, null, equals/not/in/notIn/lt/lte/gt/gte, AND/OR/NOT;
//   orderBy on scalar fields; select of scalar fields; take/skip. Anything else (include,
//   relation filters, distinct, cursor, string matching …) goes to Prisma unchanged.
// - Never inside a transaction: while the connection has one open (a `$transaction` of this
//   process), every read goes to Prisma, which reads inside it as it always did. Outside one
//   the connection holds only committed data, which is what Prisma would read too.
// - An OrThrow read that finds nothing is left to Prisma, which throws its own error.
// - Raw SQL ($executeRaw, and $queryRaw whose columns are all table columns of the types the
//   schema uses) runs the same way: the hot path's claims and inbox writes are raw already.
// test/db/directReads.test.ts checks each supported form against Prisma's own answer.
import type Database from "better-sqlite3";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";

type Scalar = "String" | "Int" | "Boolean" | "DateTime";
interface ModelInfo {
  table: string;
  fields: Map<string, Scalar>;
  /** Every scalar field, in the model's order (what a read without select returns). */
  columns: string[];
}

type Row = Record<string, unknown>;
type Args = Record<string, unknown>;
const OPERATIONS = ["findMany", "findFirst", "findUnique", "findFirstOrThrow", "findUniqueOrThrow", "count"] as const;
type Operation = (typeof OPERATIONS)[number];
const ARG_KEYS = new Set(["where", "select", "orderBy", "take", "skip"]);
const COMPARE: Record<string, string> = { lt: "<", lte: "<=", gt: ">", gte: ">=" };

/** Not expressible here: Prisma answers. */
class Unsupported extends Error {}

/** What the extension needs from the process: the driver connection Prisma uses. */
export interface DirectReadsOptions {
  connection(): Database.Database | undefined;
  /** Told about every statement run here (benchmarks count them with Prisma's own). */
  onQuery?: (sql: string, durationMs: number) => void;
}

/** The scalar fields of each model, from the generated client's data model (undefined when it cannot be read). */
function modelsOf(client: PrismaClient): Map<string, ModelInfo> | undefined {
  const dataModel = (client as unknown as { _runtimeDataModel?: { models?: Record<string, { dbName: string | null; fields: Array<{ name: string; kind: string; type: string }> }> } })._runtimeDataModel;
  if (!dataModel?.models) return undefined;
  const out = new Map<string, ModelInfo>();
  for (const [name, model] of Object.entries(dataModel.models)) {
    const fields = new Map<string, Scalar>();
    let usable = true;
    for (const field of model.fields) {
      if (field.kind !== "scalar") continue;
      if (field.type === "String" || field.type === "Int" || field.type === "Boolean" || field.type === "DateTime") fields.set(field.name, field.type);
      else usable = false;
    }
    if (usable) out.set(name, { table: model.dbName ?? name, fields, columns: [...fields.keys()] });
  }
  return out;
}

const quote = (name: string) => `"${name}"`;

/** A raw query's parameter as the adapter binds it (undefined: not one it is sure of). */
function bindRaw(value: unknown): unknown {
  if (value === null || typeof value === "string" || typeof value === "bigint") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().replace("Z", "+00:00");
  return undefined;
}

/** The declared column types of the schema's tables, as Prisma reads them back from raw SQL. */
const RAW_COLUMN_TYPES: Record<string, Scalar> = { TEXT: "String", INTEGER: "Int", DATETIME: "DateTime", BOOLEAN: "Boolean" };

/** A value as the driver adapter stores it (adapter-better-sqlite3's default iso8601 timestamps, booleans as 1/0). */
function encode(type: Scalar, value: unknown): unknown {
  if (value === null) return null;
  if (type === "DateTime") {
    const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw new Unsupported();
    return date.toISOString().replace("Z", "+00:00");
  }
  if (type === "Boolean") {
    if (typeof value !== "boolean") throw new Unsupported();
    return value ? 1 : 0;
  }
  if (type === "Int") {
    if (typeof value !== "number" || !Number.isInteger(value)) throw new Unsupported();
    return value;
  }
  if (typeof value !== "string") throw new Unsupported();
  return value;
}

function decode(type: Scalar, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === "DateTime") return new Date(typeof value === "bigint" ? Number(value) : (value as string | number));
  if (type === "Boolean") return value === 1 || value === 1n || value === true;
  if (type === "Int") return typeof value === "bigint" ? Number(value) : value;
  return value;
}

/**
 * Turns a where object into SQL, with the shape (which fields, which operators, how many
 * values in each list) as the statement's cache key and the values as its parameters.
 */
function whereSql(model: ModelInfo, where: unknown, params: unknown[]): string {
  if (where === undefined) return "1=1";
  if (where === null || typeof where !== "object" || Array.isArray(where)) throw new Unsupported();
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where as Args)) {
    if (value === undefined) continue;
    if (key === "AND" || key === "NOT") {
      const list = Array.isArray(value) ? value : [value];
      // An empty condition under NOT means something different to each reader: Prisma's own.
      if (key === "NOT" && list.some((w) => w && typeof w === "object" && Object.values(w as Args).every((v) => v === undefined))) throw new Unsupported();
      const inner = list.map((w) => `(${whereSql(model, w, params)})`);
      if (key === "AND") parts.push(inner.length === 0 ? "1=1" : inner.join(" AND "));
      else parts.push(inner.length === 0 ? "1=1" : inner.map((w) => `(NOT ${w})`).join(" AND "));
      continue;
    }
    if (key === "OR") {
      if (!Array.isArray(value)) throw new Unsupported();
      parts.push(value.length === 0 ? "1=0" : `(${value.map((w) => `(${whereSql(model, w, params)})`).join(" OR ")})`);
      continue;
    }
    const type = model.fields.get(key);
    if (!type) throw new Unsupported();
    parts.push(fieldSql(quote(key), type, value, params));
  }
  return parts.length === 0 ? "1=1" : parts.join(" AND ");
}

function fieldSql(column: string, type: Scalar, filter: unknown, params: unknown[]): string {
  if (filter === null) return `${column} IS NULL`;
  if (typeof filter !== "object" || filter instanceof Date) {
    params.push(encode(type, filter));
    return `${column} = ?`;
  }
  if (Array.isArray(filter)) throw new Unsupported();
  const parts: string[] = [];
  for (const [op, value] of Object.entries(filter as Args)) {
    if (value === undefined) continue;
    if (op === "equals") parts.push(fieldSql(column, type, value, params));
    else if (op === "not") {
      if (value === null) parts.push(`${column} IS NOT NULL`);
      else if (typeof value === "object" && !(value instanceof Date)) throw new Unsupported();
      else {
        params.push(encode(type, value));
        parts.push(`${column} <> ?`);
      }
    } else if (op === "in" || op === "notIn") {
      if (!Array.isArray(value)) throw new Unsupported();
      if (value.length === 0) parts.push(op === "in" ? "1=0" : "1=1");
      else {
        for (const v of value) params.push(encode(type, v));
        parts.push(`${column} ${op === "in" ? "IN" : "NOT IN"} (${value.map(() => "?").join(",")})`);
      }
    } else if (COMPARE[op]) {
      if (value === null) throw new Unsupported();
      params.push(encode(type, value));
      parts.push(`${column} ${COMPARE[op]} ?`);
    } else throw new Unsupported();
  }
  return parts.length === 0 ? "1=1" : parts.join(" AND ");
}

function orderSql(model: ModelInfo, orderBy: unknown): string {
  if (orderBy === undefined) return "";
  const list = Array.isArray(orderBy) ? orderBy : [orderBy];
  const parts: string[] = [];
  for (const entry of list) {
    if (!entry || typeof entry !== "object") throw new Unsupported();
    for (const [field, direction] of Object.entries(entry as Args)) {
      if (!model.fields.has(field) || (direction !== "asc" && direction !== "desc")) throw new Unsupported();
      parts.push(`${quote(field)} ${direction === "asc" ? "ASC" : "DESC"}`);
    }
  }
  return parts.length === 0 ? "" : ` ORDER BY ${parts.join(", ")}`;
}

function selectedColumns(model: ModelInfo, select: unknown): string[] {
  if (select === undefined) return model.columns;
  if (!select || typeof select !== "object") throw new Unsupported();
  const columns: string[] = [];
  for (const [field, on] of Object.entries(select as Args)) {
    if (on === false || on === undefined) continue;
    if (on !== true || !model.fields.has(field)) throw new Unsupported();
    columns.push(field);
  }
  if (columns.length === 0) throw new Unsupported();
  return columns;
}

function count(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new Unsupported();
  return value;
}

/** A prepared statement per SQL text: preparing is the costly part for a short read. */
class Statements {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(private readonly limit = 500) {}
  /**
   * Least recently used goes first when the cache is full: statements whose text varies with
   * a row count (a multi-row INSERT, an IN list) come in many shapes, and must not push the
   * hot reads out (clearing the whole cache made every read prepare itself again).
   */
  get(connection: Database.Database, sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (statement) {
      this.cache.delete(sql);
      this.cache.set(sql, statement);
      return statement;
    }
    statement = connection.prepare(sql);
    // The adapter turns on safe integers for its connection; Prisma hands back numbers.
    statement.safeIntegers(false);
    if (this.cache.size >= this.limit) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(sql, statement);
    return statement;
  }
  clear(): void {
    this.cache.clear();
  }
}

export class DirectReader {
  private readonly statements = new Statements();
  private connectionSeen: Database.Database | undefined;

  constructor(
    private readonly models: Map<string, ModelInfo>,
    private readonly options: DirectReadsOptions,
  ) {}

  /** The rows (a count: the number), or undefined when Prisma has to answer (unsupported form, or a transaction is open). */
  read(modelName: string, operation: Operation, args: Args | undefined): Row[] | Row | null | number | undefined {
    const model = this.models.get(modelName);
    const connection = model ? this.usableConnection() : undefined;
    if (!model || !connection) return undefined;
    const a = args ?? {};
    for (const key of Object.keys(a)) if (a[key] !== undefined && !ARG_KEYS.has(key)) return undefined;
    if (operation === "count") return this.count(connection, model, a);
    const many = operation === "findMany";
    let sql: string;
    const params: unknown[] = [];
    let columns: string[];
    try {
      if (operation.startsWith("findUnique") && (a.orderBy !== undefined || a.take !== undefined || a.skip !== undefined)) return undefined;
      columns = selectedColumns(model, a.select);
      const where = whereSql(model, a.where, params);
      const take = count(a.take);
      const skip = count(a.skip);
      const limit = many ? take : 1;
      sql = `SELECT ${columns.map(quote).join(", ")} FROM ${quote(model.table)} WHERE ${where}${orderSql(model, a.orderBy)}`;
      // Written into the SQL, not bound: SQLite runs a short read about 2.5× slower with a bound LIMIT.
      if (limit !== undefined || (skip !== undefined && skip > 0)) sql += ` LIMIT ${limit ?? -1}${skip ? ` OFFSET ${skip}` : ""}`;
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
    const started = performance.now();
    const raw = this.statements.get(connection, sql).all(...params) as Row[];
    this.options.onQuery?.(sql, performance.now() - started);
    const rows = raw.map((row) => {
      const out: Row = {};
      for (const column of columns) out[column] = decode(model.fields.get(column)!, row[column]);
      return out;
    });
    if (many) return rows;
    const first = rows[0] ?? null;
    // Nothing found by an OrThrow read: Prisma answers (and throws its own NotFound error).
    if (first === null && operation.endsWith("OrThrow")) return undefined;
    return first;
  }

  /** count({ where }): the number of rows (a count with select, orderBy, take or skip is Prisma's). */
  private count(connection: Database.Database, model: ModelInfo, a: Args): number | undefined {
    if (a.select !== undefined || a.orderBy !== undefined || a.take !== undefined || a.skip !== undefined) return undefined;
    const params: unknown[] = [];
    let sql: string;
    try {
      sql = `SELECT COUNT(*) AS "n" FROM ${quote(model.table)} WHERE ${whereSql(model, a.where, params)}`;
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
    const started = performance.now();
    const row = this.statements.get(connection, sql).get(...params) as { n: number | bigint };
    this.options.onQuery?.(sql, performance.now() - started);
    return Number(row.n);
  }

  /**
   * A raw statement ($executeRaw: the number of rows changed; $queryRaw: the rows), or undefined
   * when Prisma has to run it (a transaction is open, a parameter or a column type it is not sure of).
   */
  raw(kind: "execute" | "query", query: { sql: string; values: unknown[] }): number | Row[] | undefined {
    const connection = this.usableConnection();
    if (!connection || typeof query.sql !== "string" || !Array.isArray(query.values)) return undefined;
    const params: unknown[] = [];
    for (const value of query.values) {
      const bound = bindRaw(value);
      if (bound === undefined) return undefined;
      params.push(bound);
    }
    const statement = this.statements.get(connection, query.sql);
    const started = performance.now();
    if (kind === "execute") {
      if (statement.reader) return undefined;
      const { changes } = statement.run(...params);
      this.options.onQuery?.(query.sql, performance.now() - started);
      return changes;
    }
    if (!statement.reader) return undefined;
    const columns = statement.columns().map((c) => ({ name: c.name, type: c.type ? RAW_COLUMN_TYPES[c.type.toUpperCase()] : undefined }));
    // An expression's column (COUNT(*), a literal) comes back from Prisma as its own type guess: Prisma's.
    if (columns.some((c) => c.type === undefined)) return undefined;
    const raw = statement.all(...params) as Row[];
    this.options.onQuery?.(query.sql, performance.now() - started);
    return raw.map((row) => {
      const out: Row = {};
      for (const column of columns) out[column.name] = decode(column.type!, row[column.name]);
      return out;
    });
  }

  private usableConnection(): Database.Database | undefined {
    const connection = this.options.connection();
    if (!connection || !connection.open || connection.inTransaction) return undefined;
    if (connection !== this.connectionSeen) {
      this.statements.clear();
      this.connectionSeen = connection;
    }
    return connection;
  }
}

/**
 * The client with its plain reads answered by DirectReader (unchanged when the data model
 * cannot be read). The result is used as the same client type: only how reads run differs.
 * It is a Proxy in front of the client, not a Prisma extension: an extension's hook runs
 * inside Prisma's request pipeline (its promise, call-site capture and tracing span cost
 * about 40 µs a call, three times the read itself, and a command makes a dozen). Anything
 * the reader does not answer goes to the client's own delegate or method unchanged, and so
 * does everything else on the client. A read answered here is a plain promise, not a lazy
 * PrismaPromise: it runs when called, and it cannot be an element of `$transaction([...])`
 * (Prisma refuses it with its own error; the app uses the interactive form only).
 * Transactions are Prisma's: `$transaction(async (tx) => …)` hands out Prisma's own `tx`.
 */
export function withDirectReads(client: PrismaClient, options: DirectReadsOptions): PrismaClient {
  const models = modelsOf(client);
  if (!models) return client;
  const reader = new DirectReader(models, options);
  const target = client as unknown as Record<PropertyKey, unknown>;
  // The reader's answer as a promise (its error as a rejection, as Prisma's would be), or Prisma's.
  const answer = (direct: () => unknown, fallback: () => unknown): unknown => {
    let found: unknown;
    try {
      found = direct();
    } catch (error) {
      return Promise.reject(error);
    }
    return found === undefined ? fallback() : Promise.resolve(found);
  };
  // A delegate per model key (`person` for model Person), made once: its read operations ask the reader first.
  const delegates = new Map<PropertyKey, unknown>();
  for (const model of models.keys()) {
    const key = model.charAt(0).toLowerCase() + model.slice(1);
    const real = target[key] as Record<string, (args: unknown) => unknown> | undefined;
    if (!real) continue;
    const ops = new Map<PropertyKey, (args?: unknown) => unknown>(
      OPERATIONS.map((operation) => [
        operation,
        (args?: unknown) => answer(() => reader.read(model, operation, args as Args | undefined), () => real[operation]!(args)),
      ]),
    );
    delegates.set(key, new Proxy(real, { get: (d, property) => ops.get(property) ?? Reflect.get(d, property) }));
  }
  // $queryRaw / $executeRaw: a tagged template (or a Prisma.sql object), as Prisma takes it.
  const sqlOf = (first: unknown, values: unknown[]): { sql: string; values: unknown[] } | undefined => {
    if (Array.isArray(first) && Array.isArray((first as unknown as { raw?: unknown }).raw)) return new Prisma.Sql(first as readonly string[], values as Prisma.Sql["values"]);
    return first instanceof Prisma.Sql ? first : undefined;
  };
  const raw = (kind: "execute" | "query", method: "$executeRaw" | "$queryRaw") => {
    const own = (target[method] as (...args: unknown[]) => unknown).bind(client);
    return (first: unknown, ...values: unknown[]): unknown =>
      answer(
        () => {
          const query = sqlOf(first, values);
          return query ? reader.raw(kind, query) : undefined;
        },
        () => own(first, ...values),
      );
  };
  const methods = new Map<PropertyKey, unknown>([
    ["$executeRaw", raw("execute", "$executeRaw")],
    ["$queryRaw", raw("query", "$queryRaw")],
  ]);
  // The client's own methods run on the client itself (its internals, and the `tx` it hands out, stay Prisma's).
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(client, {
    get(_client, property) {
      const mine = delegates.get(property) ?? methods.get(property) ?? bound.get(property);
      if (mine !== undefined) return mine;
      const value = target[property];
      if (typeof value !== "function") return value;
      const method = (value as (...args: unknown[]) => unknown).bind(client);
      bound.set(property, method);
      return method;
    },
  });
}
