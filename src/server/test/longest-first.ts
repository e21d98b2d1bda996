import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * A sequencer that starts the named test files first, in the order given, and the rest in Vitest's order
 * (the last run's durations when it has them, else larger files first). Workers take files from one queue, so
 * a long file started last keeps one worker busy while the other has finished; on a clean clone (CI) Vitest
 * has no durations and would start the longest files late. Names are file names without `.test.ts` or
 * `.e2e.ts`, measured with `--reporter=json`.
 */
export function longestFirst(names: string[]) {
  return class LongestFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]) {
      const rank = (spec: TestSpecification) => {
        const name = spec.moduleId.replace(/^.*\//, "").replace(/\.(test|e2e)\.ts$/, "");
        const i = names.indexOf(name);
        return i < 0 ? names.length : i;
      };
      const ordered = await super.sort(files);
      return ordered
        .map((spec, i) => ({ spec, i }))
        .sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i)
        .map(({ spec }) => spec);
    }
  };
}
