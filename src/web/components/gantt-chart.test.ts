import { describe, expect, it } from "vitest";
import { type GanttBar, ganttAxisLabel, ganttRange } from "./gantt-chart.tsx";

const bar = (start: string, end: string, open = false): GanttBar => ({
  label: start,
  start,
  end,
  colour: "#000",
  open,
});

describe("the Gantt's axis (issue 15)", () => {
  it("is set by the bars that end, so an open-ended project does not squash the timeline", () => {
    const bars = [
      bar("2011-09-01", "2013-12-31"),
      bar("2012-01-01", "2014-06-30"),
      bar("2012-03-01", "2026-12-03", true),
    ];
    const range = ganttRange(bars);
    expect(new Date(range!.min).toISOString().slice(0, 10)).toBe("2011-09-01");
    expect(new Date(range!.max).toISOString().slice(0, 10)).toBe("2014-07-01");
  });

  it("names months in Swedish and labels the first year too", () => {
    expect(ganttAxisLabel(Date.UTC(2011, 8, 1), 0)).toBe("sep\n2011");
    expect(ganttAxisLabel(Date.UTC(2011, 6, 1), 1)).toBe("jul");
    expect(ganttAxisLabel(Date.UTC(2012, 0, 1), 2)).toBe("2012");
    expect(ganttAxisLabel(Date.UTC(2011, 6, 1), 1, "en")).toBe("Jul");
  });
});
