import type { GoalRefView } from "../../common/goals.ts";

/** "B, F": the goals' codes, each with its text for screen readers and on hover. */
export function GoalCodes({ goals }: { goals: GoalRefView[] }) {
  if (!goals.length) return <>–</>;
  return (
    <>
      {goals.map((g, i) => (
        <span key={g.id}>
          {i > 0 && ", "}
          <abbr title={g.text}>{g.code}</abbr>
        </span>
      ))}
    </>
  );
}
