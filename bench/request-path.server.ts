import { createServer } from "node:http";
import pg from "pg";
import { hashToken } from "../src/server/platform/tokens.ts";

/**
 * The ceilings of bench/request-path.ts, each a child process the bench pins to one core:
 * `hello` answers a constant JSON body; `thin` is node:http + pg (a pool of 10, as Samspel's) with
 * the same main query as Samspel's route and nothing else: the session lookup of every request
 * (GET /session, the cookie), the organisation by id with its parent (GET /org/<id>) and the first
 * 50 organisations in name order with their parents (GET /list).
 */
const [mode, portArg, url] = process.argv.slice(2);
const port = Number(portArg);

const sessionSql = `
    select s.id as session_id, s.csrf_token, u.id as user_id, u.name, u.email,
      coalesce((select json_agg(json_build_object('role', r.role, 'scopeType', r.scope_type, 'scopeId', r.scope_id))
                from role_assignments r where r.user_id = u.id), '[]'::json) as roles
    from sessions s join users u on u.id = s.user_id
    where s.id = $1 and s.expires_at > now() and u.active`;
const orgColumns = `o.id, o.name, o.type, o.parent_id, o.org_number, o.municipality_code, o.county, o.website,
  o.description, o.tags, o.created_at, o.updated_at, p.name as parent_name, p.type as parent_type`;
const orgSql = `select ${orgColumns} from organisations o left join organisations p on p.id = o.parent_id where o.id = $1`;
const listSql = `select ${orgColumns}, o.sort_key as cursor from organisations o
  left join organisations p on p.id = o.parent_id order by o.sort_key asc, o.id asc limit 51`;

type OrgRow = Record<string, unknown> & { created_at: Date; updated_at: Date };
const present = (r: OrgRow) => ({
  id: r.id,
  name: r.name,
  type: r.type,
  orgNumber: r.org_number,
  parentId: r.parent_id,
  parent: r.parent_id && r.parent_name ? { id: r.parent_id, name: r.parent_name, type: r.parent_type } : null,
  municipalityCode: r.municipality_code,
  county: r.county,
  website: r.website,
  description: r.description,
  tags: r.tags,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const pool = mode === "thin" ? new pg.Pool({ connectionString: url, max: 10 }) : null;

const server = createServer(async (req, res) => {
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  };
  try {
    if (mode === "hello") return json(200, { status: "ok" });
    const path = req.url ?? "/";
    if (path === "/session") {
      const token = /(?:^|;\s*)samspel_session=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
      const { rows } = await pool!.query(sessionSql, [hashToken(token ?? "")]);
      if (!rows[0]) return json(401, { status: 401 });
      const r = rows[0];
      return json(200, {
        id: r.user_id,
        name: r.name,
        email: r.email,
        roles: r.roles,
        csrfToken: r.csrf_token,
      });
    }
    if (path.startsWith("/org/")) {
      const { rows } = await pool!.query(orgSql, [path.slice(5)]);
      return rows[0] ? json(200, present(rows[0])) : json(404, { status: 404 });
    }
    if (path === "/list") {
      const { rows } = await pool!.query(listSql);
      const items = rows.slice(0, 50);
      const last = items.at(-1);
      const nextCursor =
        rows.length > 50 && last
          ? Buffer.from(JSON.stringify([last.cursor, last.id])).toString("base64url")
          : null;
      return json(200, { items: items.map(present), nextCursor });
    }
    json(404, { status: 404 });
  } catch (error) {
    json(500, { error: String(error) });
  }
});
server.listen(port, "127.0.0.1", () => console.log("listening"));
process.on("SIGTERM", () => {
  server.close();
  void pool?.end();
  process.exit(0);
});
