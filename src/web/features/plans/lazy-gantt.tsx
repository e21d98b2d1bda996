import { type ComponentProps, lazy, Suspense } from "react";
import { Spinner } from "../../components/index.ts";

/**
 * The Gantt chart loads with its own chunk, as the compass charts do (lazy-charts.tsx): ECharts is
 * most of the web bundle's weight, and only the two timeline pages draw one.
 */
export type { GanttBar } from "./gantt-chart.tsx";

const Gantt = lazy(() => import("./gantt-chart.tsx").then((m) => ({ default: m.GanttChart })));

export function GanttChart(props: ComponentProps<typeof Gantt>) {
  return (
    <Suspense fallback={<Spinner />}>
      <Gantt {...props} />
    </Suspense>
  );
}
