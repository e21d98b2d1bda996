import pg from "pg";
import { openDatabase } from "../db/client.ts";

/**
 * For the PostgreSQL project: migrate one template database per run; every test file then clones it
 * (CREATE DATABASE … TEMPLATE), which takes milliseconds instead of a migration per file.
 */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const template = `samspel_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const database = await openDatabase({ kind: "postgresql", url: withDatabase(url, template) });
  await database.close();
  process.env.SAMSPEL_TEST_TEMPLATE = template;
  await admin.end();
  return async () => {
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${template} with (force)`);
    await cleanup.end();
  };
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
