import { describe, expect, it } from "vitest";
import { batchConcurrent } from "./batch-concurrent.ts";

describe("batchConcurrent", () => {
  it("makes the first call alone and the calls that arrive meanwhile as one, each with its own outcome", async () => {
    const calls: string[][] = [];
    const double = batchConcurrent<object, string, string>(async (_scope, _key, items) => {
      calls.push(items);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return items.map((item) => (item === "bad" ? new Error(`refused ${item}`) : item + item));
    });
    const scope = {};
    const outcomes = await Promise.allSettled(["a", "b", "bad", "c"].map((item) => double(scope, "k", item)));
    expect(calls).toEqual([["a"], ["b", "bad", "c"]]);
    expect(outcomes.map((o) => (o.status === "fulfilled" ? o.value : (o.reason as Error).message))).toEqual([
      "aa",
      "bb",
      "refused bad",
      "cc",
    ]);
  });

  it("keeps keys and scopes apart, and fails every call of a batch that throws", async () => {
    const calls: string[][] = [];
    const run = batchConcurrent<object, string, string>(async (_scope, key, items) => {
      calls.push([key, ...items]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (key === "broken") throw new Error("database refused");
      return items;
    });
    const [one, two] = [{}, {}];
    const results = await Promise.allSettled([
      run(one, "k", "x"),
      run(two, "k", "y"),
      run(one, "broken", "p"),
      run(one, "broken", "q"),
    ]);
    expect(calls).toEqual([
      ["k", "x"],
      ["k", "y"],
      ["broken", "p"],
      ["broken", "q"],
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected"]);
    // A key's queue is gone once drained: the next call is made at once.
    expect(await run(one, "k", "z")).toBe("z");
  });
});
