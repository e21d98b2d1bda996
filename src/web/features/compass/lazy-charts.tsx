import { type ComponentProps, lazy, Suspense } from "react";
import { Spinner } from "../../components/index.ts";

/**
 * The charts load with their own chunk (ECharts is most of its weight), so pages without a compass
 * do not download it. Types come from charts.tsx without pulling the code in.
 */
export type { ChartHandle } from "../../components/charts.tsx";

const load = () => import("../../components/charts.tsx");
const Radar = lazy(() => load().then((m) => ({ default: m.RadarChart })));
const Trend = lazy(() => load().then((m) => ({ default: m.TrendChart })));

export function RadarChart(props: ComponentProps<typeof Radar>) {
  return (
    <Suspense fallback={<Spinner />}>
      <Radar {...props} />
    </Suspense>
  );
}

export function TrendChart(props: ComponentProps<typeof Trend>) {
  return (
    <Suspense fallback={<Spinner />}>
      <Trend {...props} />
    </Suspense>
  );
}
