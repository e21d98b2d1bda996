#!/usr/bin/env node
/**
 * `npm test`: lint, types, the integration tests on both databases, then the browser journeys.
 *
 * The integration tests keep both cores busy but not all of the time (a worker waits on PostgreSQL, a started
 * process, Chromium printing, and one worker idles at the end of the run). The checks that need no test database
 * — lint and types — and what the journeys need before they start — the SPA built and a database with the demo
 * data (e2e/support/prepare.ts) — run beside them at the lowest priority (nice 19), so they take only what the tests
 * leave. Run one after another they added about a minute to the suite (issue 12: the whole `npm test` under 8
 * minutes on a 2-core machine).
 *
 * Every stage runs even when an earlier one failed, so one run shows every failure; the exit status is non-zero
 * when any failed. The output of the background stages is printed whole when each ends; Vitest's streams as it runs.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const bin = (name) => path.join("node_modules", ".bin", name);
const snapshot = path.join(tmpdir(), `samspel-e2e-prepared-${process.pid}.tar`);
const resultsOf = (stage) => path.join(tmpdir(), `samspel-test-${stage}-${process.pid}.json`);
/** Vitest's usual output, and its results as JSON for the failure list at the end. */
const reporters = (stage) => [
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${resultsOf(stage)}`,
];

/**
 * The failed tests of a Vitest run, a few lines each: the end of a long CI log is often all that is kept, so the
 * failures are repeated there (a run failed on a clean clone once with nothing but "1 failed" left to read).
 */
function failuresOf(stage) {
  const file = resultsOf(stage);
  if (!existsSync(file)) return [];
  const results = JSON.parse(readFileSync(file, "utf8"));
  rmSync(file, { force: true });
  const lines = [];
  for (const suite of results.testResults ?? []) {
    const where = path.relative(process.cwd(), suite.name);
    const failed = (suite.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of failed) {
      lines.push(`  FAIL ${where} > ${test.fullName}`);
      const message = (test.failureMessages ?? []).join("\n").split("\n").slice(0, 6);
      lines.push(...message.map((line) => `       ${line}`));
    }
    if (failed.length === 0 && suite.status === "failed") {
      lines.push(`  FAIL ${where}: ${(suite.message ?? "").split("\n").slice(0, 6).join("\n       ")}`);
    }
  }
  return lines;
}

/** Runs a command; resolves to its exit status and seconds taken. Buffered output is printed when it ends. */
function run(name, command, args, { background = false, env = {} } = {}) {
  const started = Date.now();
  const [file, argv] = background ? ["nice", ["-n", "19", command, ...args]] : [command, args];
  const child = spawn(file, argv, {
    env: { ...process.env, ...env },
    stdio: background ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  const output = [];
  child.stdout?.on("data", (chunk) => output.push(chunk));
  child.stderr?.on("data", (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      const status = code ?? (signal ? 1 : 0);
      if (background) {
        const text = Buffer.concat(output).toString().trimEnd();
        console.log(
          `\n== ${name}: ${status === 0 ? "ok" : `failed (${status})`} in ${seconds} s${text ? `\n${text}` : ""}`,
        );
      }
      resolve({ name, status, seconds });
    });
    child.on("error", (error) => {
      console.error(`== ${name}: could not start: ${error.message}`);
      resolve({ name, status: 1, seconds: 0 });
    });
  });
}

const started = Date.now();
const background = [
  run("lint", "npm", ["run", "-s", "lint"], { background: true }),
  run("typecheck", bin("tsc"), ["--noEmit"], { background: true }),
  run("e2e preparation (SPA build, demo database)", bin("tsx"), ["e2e/support/prepare.ts", snapshot], {
    background: true,
  }),
];
const integration = await run("integration tests", bin("vitest"), ["run", ...reporters("integration")]);
const [lint, typecheck, prepared] = await Promise.all(background);
// Without a prepared snapshot (its stage failed) the journeys' global set-up makes its own.
const e2e = await run(
  "browser journeys",
  bin("vitest"),
  ["run", "--config", "vitest.e2e.config.ts", ...reporters("e2e")],
  {
    env: prepared.status === 0 ? { SAMSPEL_E2E_SNAPSHOT: snapshot } : {},
  },
);
rmSync(snapshot, { force: true });

const stages = [lint, typecheck, prepared, integration, e2e];
const failures = [...failuresOf("integration"), ...failuresOf("e2e")];
if (failures.length > 0) console.log(`\n== failed tests\n${failures.join("\n")}`);
console.log(
  `\n== npm test in ${Math.round((Date.now() - started) / 1000)} s: ${stages
    .map((s) => `${s.name} ${s.status === 0 ? "ok" : "FAILED"} ${s.seconds} s`)
    .join(", ")}`,
);
process.exit(stages.some((s) => s.status !== 0) ? 1 : 0);
