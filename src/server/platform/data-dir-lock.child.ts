import { lockDataDir } from "./data-dir-lock.ts";

// One contender of data-dir-lock.test.ts: says "ready", then at every "go" line reaches for the lock
// and reports "owner" or "refused <message>". An owner holds the lock until the test kills it.
const [dir, mode] = process.argv.slice(2);
let owner = false;
process.stdin.on("data", async (chunk: Buffer) => {
  for (const _go of chunk.toString().split("\n").filter(Boolean)) {
    if (owner) continue;
    try {
      await lockDataDir(dir, { socket: mode !== "file" });
      owner = true;
      process.stdout.write("owner\n");
    } catch (error) {
      process.stdout.write(`refused ${(error as Error).message}\n`);
    }
  }
});
process.stdout.write("ready\n");
