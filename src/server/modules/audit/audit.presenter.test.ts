import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  actionChoices,
  actionKey,
  auditActions,
  auditChanges,
  auditSentence,
  entityNouns,
} from "../../../common/audit.ts";
import { createTestApp, demo } from "../../test/harness.ts";

const t = await createTestApp();

/** Every `action: …, entityType: …` the server writes, read from its source (tests excluded). */
function auditCodesInUse(): { key: string; where: string }[] {
  const root = join(import.meta.dirname, "../..");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith(".ts") && !path.endsWith(".test.ts") && !path.includes("/test/"))
        files.push(path);
    }
  };
  walk(root);
  // Template codes and the kinds they take (events/series.service.ts, plans/plans.service.ts).
  const templates: Record<string, string[]> = {
    "`${kind}.create`": ["series.create", "network.create"],
    "`${kind}.update`": ["series.update", "network.update"],
    "`plans.${kind}_added`": ["plans.phase_added", "plans.section_added"],
  };
  const found: { key: string; where: string }[] = [];
  const pattern = /\baction:\s*([^,\n]+),?\s*\n?\s*entityType:\s*([^,\n]+)/g;
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(pattern)) {
      const [, action, entity] = match.map((m) => m.trim());
      const where = `${file.slice(root.length + 1)}: action: ${action}`;
      if (/^(entry\.action|string;|text\()/.test(action)) continue; // the audit writer and schema themselves
      const entityTypes = [...entity.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      if (action.startsWith("`")) {
        const expanded = templates[action];
        if (!expanded) found.push({ key: `unknown template ${action}`, where });
        for (const key of expanded ?? []) found.push({ key, where });
        continue;
      }
      const codes = [...action.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      if (codes.length === 0) found.push({ key: `unreadable ${action}`, where });
      for (const code of codes)
        for (const type of entityTypes.length ? entityTypes : [""])
          found.push({ key: actionKey(code, type), where });
    }
  }
  return found;
}

describe("the audit log's words (issue 15)", () => {
  it("has a label and a sentence for every action code the server writes", () => {
    const inUse = auditCodesInUse();
    expect(inUse.length).toBeGreaterThan(150);
    const missing = inUse
      .filter(({ key }) => !auditActions[key])
      .map(({ key, where }) => `${key} (${where})`);
    expect(missing).toEqual([]);
  });

  it("has a noun for every kind of record the server audits", () => {
    const root = join(import.meta.dirname, "../..");
    const types = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith(".ts") && !path.endsWith(".test.ts"))
          for (const m of readFileSync(path, "utf8").matchAll(/\bentityType:\s*([^,\n]+)/g))
            if (!m[1].startsWith("text("))
              for (const s of m[1].matchAll(/(?<!=== )"([a-z_]+)"/g)) types.add(s[1]);
      }
    };
    walk(root);
    expect([...types].filter((type) => !entityNouns[type])).toEqual([]);
  });

  it("gives every action a label of its own, in Swedish and without a code", () => {
    const labels = actionChoices().map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const { label, sentence } of Object.values(auditActions)) {
      expect(label).not.toMatch(/[._]/);
      expect(sentence).not.toMatch(/\b[a-z]+[._][a-z]+/);
    }
  });

  it("tells who did what to whom", () => {
    const row = {
      action: "user.roles_set",
      entityType: "user",
      entityId: "00000000-0000-4000-8000-000000000001",
      actorLabel: "Anna Processledare <anna@example.se>",
      before: { roles: [] },
      after: { roles: [] },
    };
    expect(auditSentence(row, new Map([[row.entityId, "Bo Berg"]]))).toBe(
      "Anna Processledare ändrade roller för Bo Berg",
    );
    // A record that no longer exists is named by its noun, a generic verb by its record's kind.
    expect(auditSentence(row)).toBe("Anna Processledare ändrade roller för en användare");
    expect(
      auditSentence({ ...row, action: "create", entityType: "news", after: { title: "Vårens träffar" } }),
    ).toBe("Anna Processledare skapade nyheten ”Vårens träffar”");
    expect(
      auditSentence({ ...row, action: "auth.login", actorLabel: "Bo Berg <bo@x.se> via API-nyckel «CI»" }),
    ).toBe("Bo Berg (via API-nyckeln ”CI”) loggade in");
  });
});

describe("GET /api/admin/audit in words", () => {
  it("answers with sentences naming the actor and the person, and filters by a label's code", async () => {
    const admin = await t.login(demo.admin);
    const users = (await t.request({ method: "GET", url: "/api/admin/users", as: admin })).json().items;
    const director = users.find((u: { email: string }) => u.email === demo.programmeDirector);
    const adminUser = users.find((u: { email: string }) => u.email === demo.admin);
    const put = await t.request({
      method: "PUT",
      url: `/api/admin/users/${director.id}/roles`,
      as: admin,
      payload: { roles: [{ role: "coordinator", scopeType: null, scopeId: null }] },
    });
    expect(put.statusCode).toBe(200);
    const res = await t.request({
      method: "GET",
      url: `/api/admin/audit?action=user.roles_set&actorId=${adminUser.id}`,
      as: admin,
    });
    expect(res.statusCode).toBe(200);
    const [entry] = res.json().items;
    expect(entry.sentence).toBe(`${adminUser.name} ändrade roller för ${director.name}`);
    expect(entry).toMatchObject({
      actionLabel: "Roller ändrade",
      actorName: adminUser.name,
      entityLabel: "Användare",
    });

    const logins = await t.request({ method: "GET", url: "/api/admin/audit?action=auth.login", as: admin });
    for (const item of logins.json().items) {
      expect(item.sentence).toMatch(/ loggade in$/);
      expect(item.sentence).not.toContain("auth.");
    }
  });

  it("shows a roles change in words: Swedish field names and the scope's name, never a uuid", async () => {
    const admin = await t.login(demo.admin);
    const users = (await t.request({ method: "GET", url: "/api/admin/users", as: admin })).json().items;
    const partner = users.find((u: { email: string }) => u.email === demo.partner);
    const coordinator = await t.login(demo.coordinator);
    const org = (
      await t.request({
        method: "POST",
        url: "/api/organisations",
        as: coordinator,
        payload: { name: "Sundsvalls kommun (granskning)", type: "kommun" },
      })
    ).json();
    const programme = (
      await t.request({
        method: "POST",
        url: "/api/programmes",
        as: coordinator,
        payload: { code: "AUDX", nameSv: "Granskningsprogrammet", credits: 300, level: "avancerad" },
      })
    ).json();
    expect(org.id).toBeTruthy();
    expect(programme.id).toBeTruthy();
    const put = await t.request({
      method: "PUT",
      url: `/api/admin/users/${partner.id}/roles`,
      as: admin,
      payload: {
        roles: [
          { role: "partner", scopeType: "organisation", scopeId: org.id },
          { role: "programme_director", scopeType: "programme", scopeId: programme.id },
        ],
      },
    });
    expect(put.statusCode).toBe(200);
    const res = await t.request({
      method: "GET",
      url: `/api/admin/audit?action=user.roles_set&entityId=${partner.id}`,
      as: admin,
    });
    expect(res.statusCode).toBe(200);
    const [entry] = res.json().items;
    expect(entry.changes).toHaveLength(1);
    const [change] = entry.changes;
    expect(change.field).toBe("Roller");
    expect(change.after).toContain(`Partner för ${org.name}`);
    expect(change.after).toContain(`Programansvarig för Granskningsprogrammet`);
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    const shown = JSON.stringify(res.json().items.map((i: { changes: unknown }) => i.changes));
    expect(shown).not.toMatch(uuid);
    expect(shown).not.toMatch(/scopeId|scopeType|programme_director/);
  });

  it("names a record that is gone by its noun, not its id", () => {
    const gone = "9af317c4-0000-4000-8000-000000000001";
    const [change] = auditChanges(
      { roles: [] },
      { roles: [{ role: "partner", scopeType: "organisation", scopeId: gone }] },
    );
    expect(change).toEqual({
      field: "Roller",
      before: "inga",
      after: "Partner för en organisation som inte finns kvar",
    });
    expect(auditChanges({ active: true }, { active: false })).toEqual([
      { field: "Aktiv", before: "ja", after: "nej" },
    ]);
    // A timestamp in Swedish local time (summer time: UTC+2), not as the UTC text it was stored as.
    const [expires] = auditChanges({ expiresAt: null }, { expiresAt: "2026-06-01T10:00:00.000Z" });
    expect(expires).toEqual({ field: "Giltig till", before: null, after: "2026-06-01 12:00" });
  });
});
