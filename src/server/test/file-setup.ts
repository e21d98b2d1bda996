import { mailSink } from "../modules/mail/mail.service.ts";

/**
 * Runs before every test file. The integration projects share one module graph per worker (`isolate: false`
 * in vitest.config.ts: importing the app once per worker instead of once per file is most of the suite's
 * speed), so what a file may change in the process is put back here, as a fresh worker would have it:
 * - the environment (files point SAMSPEL_FILES_DIR or DATA_DIR at their own temporary directory);
 * - the local mail sink's captured messages (tests read the mail sent to the demo users).
 */
const state = globalThis as { __samspelTestEnv?: NodeJS.ProcessEnv };
state.__samspelTestEnv ??= { ...process.env };
const initial = state.__samspelTestEnv;
for (const key of Object.keys(process.env)) if (!(key in initial)) delete process.env[key];
Object.assign(process.env, initial);
// Before the file's own top-level code, which may already send mail (a seed, a sign-up).
(await mailSink())?.clear();
