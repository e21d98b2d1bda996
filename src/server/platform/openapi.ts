import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { CSRF_HEADER, SESSION_COOKIE } from "./session-hooks.ts";

/**
 * The finishing touches that make `/api/openapi.json` a document integrators' tools accept (issue 19, item 6;
 * `redocly lint --extends recommended` runs over it in openapi.lint.test.ts):
 * - security schemes (the session cookie with its CSRF header, and a bearer token) on every operation that
 *   needs a login, `security: []` on the public ones — both derived from the route's own `config.public` and
 *   `config.csrf`, the same flags the session hook obeys, so the document cannot drift from the server;
 * - an `operationId` per operation, made from method and path (stable across releases while the path is);
 * - `nullable` always beside a `type` (OpenAPI 3.0.3 says `nullable` without `type` means nothing);
 * - a 2xx answer on file downloads, a 401 on every operation that needs a login, `servers`, and no
 *   component nobody refers to.
 */

type Json = Record<string, unknown>;

export const securitySchemes = {
  session: {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "Sessionskakan från POST /api/auth/login.",
  },
  csrf: {
    type: "apiKey",
    in: "header",
    name: CSRF_HEADER,
    description:
      "Sessionens CSRF-token (csrfToken i svaret på inloggningen); krävs på skrivningar med sessionskaka.",
  },
  bearer: {
    type: "http",
    scheme: "bearer",
    description: "Personlig API-token: Authorization: Bearer <token>.",
  },
} as const;

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

interface TransformArgs {
  schema: unknown;
  url: string;
  route: { method: string | string[]; config?: unknown };
}

/** Per route: zod → JSON schema, then who may call it. */
export function transformRoute(args: TransformArgs) {
  const result = jsonSchemaTransform(args as Parameters<typeof jsonSchemaTransform>[0]);
  const schema = result.schema as Json;
  if (schema.hide || schema.security) return result;
  const config = (args.route.config ?? {}) as { public?: boolean; csrf?: boolean };
  const methods = [args.route.method].flat().map((m) => m.toUpperCase());
  const needsCsrf = config.csrf !== false && methods.some((m) => WRITE_METHODS.has(m));
  schema.security = config.public
    ? []
    : [needsCsrf ? { session: [], csrf: [] } : { session: [] }, { bearer: [] }];
  return result;
}

/** The whole document: components from the zod registry, then the fixes above. */
export function transformDocument(input: Parameters<typeof jsonSchemaTransformObject>[0]) {
  const document = jsonSchemaTransformObject(input) as Json;
  // Relative: the installation that serves this document, whatever name a proxy gives it.
  document.servers = [{ url: "/", description: "Den här installationen" }];
  const paths = document.paths as Record<string, Record<string, Json>>;
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      const id = (operation.operationId as string | undefined) ?? operationIdFor(method, path);
      const clash = seen.get(id);
      if (clash) throw new Error(`OpenAPI: operationId ${id} för både ${clash} och ${method} ${path}`);
      seen.set(id, `${method} ${path}`);
      operation.operationId = id;
      completeResponses(operation, method, path);
    }
  }
  fixNullable(document, document);
  dropUnusedSchemas(document);
  return document;
}

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** `get /api/organisations/{id}/members` → `getOrganisationsByIdMembers`. */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, "")
    .split("/")
    .filter(Boolean)
    .flatMap((segment) => {
      const param = segment.match(/^\{(.+)\}$/);
      const parts = (param ? param[1] : segment).split(/[^A-Za-z0-9]+/).filter(Boolean);
      return param ? ["By", ...parts] : parts;
    });
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}

const problem = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

const fileTypes: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv",
  ics: "text/calendar",
  svg: "image/svg+xml",
  atom: "application/atom+xml",
};

function completeResponses(operation: Json, method: string, path: string) {
  operation.responses ??= {};
  const responses = operation.responses as Record<string, unknown>;
  const codes = Object.keys(responses);
  if (!codes.some((c) => c.startsWith("2"))) {
    // Routes that stream a file declare only their errors; the body is the file.
    const ext = path.match(/\.([a-z]+)$/)?.[1];
    const type = (ext && fileTypes[ext]) || "application/octet-stream";
    responses[method === "post" ? "201" : "200"] = {
      description: "Filen",
      content: { [type]: { schema: { type: "string", format: "binary" } } },
    };
  }
  const security = operation.security as unknown[] | undefined;
  if (security?.length && !codes.includes("401")) responses["401"] = problem("Inte inloggad");
  // Parameters and bodies are validated by their zod schemas: what fails them is answered 422.
  const validated = (operation.parameters as unknown[] | undefined)?.length || operation.requestBody;
  if (validated && !Object.keys(responses).some((c) => c.startsWith("4"))) {
    responses["422"] = problem("Ogiltig indata");
  }
}

/**
 * zod's nullable becomes `{ nullable: true, anyOf: [...] }` or `{ nullable: true, allOf: [{ $ref }] }`. The
 * first moves `nullable` onto each typed alternative; the second takes the referred schema's type.
 */
function fixNullable(node: unknown, document: Json) {
  if (Array.isArray(node)) {
    for (const item of node) fixNullable(item, document);
    return;
  }
  if (!node || typeof node !== "object") return;
  const schema = node as Json;
  for (const value of Object.values(schema)) fixNullable(value, document);
  if (schema.nullable !== true || "type" in schema) return;
  const alternatives = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (alternatives?.every((a) => typeof a.type === "string")) {
    for (const a of alternatives) a.nullable = true;
    delete schema.nullable;
    return;
  }
  const ref = (schema.allOf as Json[] | undefined)?.[0]?.$ref as string | undefined;
  const target = ref ? resolveRef(document, ref) : undefined;
  if (typeof target?.type === "string") schema.type = target.type;
}

function resolveRef(document: Json, ref: string): Json | undefined {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((o, key) => (o as Json | undefined)?.[key], document) as Json | undefined;
}

/** Every component schema zod registered appears twice (input and output); keep the ones referred to. */
function dropUnusedSchemas(document: Json) {
  const components = document.components as { schemas?: Record<string, unknown> } | undefined;
  const schemas = components?.schemas;
  if (!schemas) return;
  const used = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") {
        const name = value.match(/^#\/components\/schemas\/(.+)$/)?.[1];
        if (name && !used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(value);
    }
  };
  visit({ ...document, components: { ...components, schemas: {} } });
  // Sorted by name: the zod registry's order depends on which module was imported first.
  components.schemas = Object.fromEntries(
    Object.keys(schemas)
      .filter((name) => used.has(name))
      .sort()
      .map((name) => [name, schemas[name]]),
  );
}

/** Serves the document; hidden from itself. */
export function registerOpenApiRoute(app: FastifyInstance) {
  app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
