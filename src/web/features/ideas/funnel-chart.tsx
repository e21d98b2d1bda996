import { BarChart } from "echarts/charts";
import * as echarts from "echarts/core";
import { EChart } from "../../components/charts.tsx";

echarts.use([BarChart]);

/**
 * The funnel as horizontal bars, widest on top (submitted → granted). ECharts' aria gives the canvas
 * role="img" with `description`; the page puts the data table beside it.
 */
export function FunnelChart({
  stages,
  description,
}: {
  stages: { label: string; count: number }[];
  description: string;
}) {
  const ordered = [...stages].reverse();
  const option: echarts.EChartsCoreOption = {
    animation: false,
    tooltip: { trigger: "item" },
    grid: { left: 10, right: 40, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: "value", minInterval: 1, axisLabel: { color: "#1b1f24" } },
    yAxis: { type: "category", data: ordered.map((s) => s.label), axisLabel: { color: "#1b1f24" } },
    series: [
      {
        type: "bar",
        data: ordered.map((s) => s.count),
        itemStyle: { color: "#1f5f99" },
        label: { show: true, position: "right", color: "#1b1f24" },
      },
    ],
  };
  return <EChart option={option} description={description} height={40 + stages.length * 36} />;
}
