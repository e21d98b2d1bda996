import { CustomChart } from "echarts/charts";
import { AriaComponent, GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only what the timelines draw: one custom series on a time axis.
echarts.use([CustomChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface GanttBar {
  label: string;
  /** ISO dates; a bar without an end runs to `openEnd`. */
  start: string;
  end: string;
  colour: string;
}

const day = 86_400_000;
const time = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/**
 * A Gantt chart (tidplan): one row per bar, on a time axis, drawn by an ECharts custom series.
 * ECharts' aria module names the chart with `description`; every Gantt here has a table beside it.
 */
export function GanttChart({ bars, description }: { bars: GanttBar[]; description: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: "canvas" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  const key = JSON.stringify(bars);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the bars' content
  useEffect(() => {
    const labels = bars.map((b) => b.label);
    chart.current?.setOption(
      {
        aria: { enabled: true, label: { description } },
        animation: false,
        grid: { left: 8, right: 24, top: 16, bottom: 32, containLabel: true },
        tooltip: {
          formatter: (p: { value: [number, number, number] }) =>
            `${labels[p.value[0]]}<br>${new Date(p.value[1]).toISOString().slice(0, 10)} – ${new Date(p.value[2]).toISOString().slice(0, 10)}`,
        },
        xAxis: { type: "time", axisLabel: { color: "#1b1f24" } },
        yAxis: {
          type: "category",
          data: labels,
          inverse: true,
          axisLabel: { color: "#1b1f24", width: 260, overflow: "truncate" },
        },
        series: [
          {
            type: "custom",
            encode: { x: [1, 2], y: 0 },
            data: bars.map((b, i) => ({
              value: [i, time(b.start), Math.max(time(b.end), time(b.start) + day)],
              itemStyle: { color: b.colour },
            })),
            renderItem: (params: any, api: any) => {
              const row = api.value(0);
              const from = api.coord([api.value(1), row]);
              const to = api.coord([api.value(2), row]);
              const height = api.size([0, 1])[1] * 0.6;
              const shape = echarts.graphic.clipRectByRect(
                { x: from[0], y: from[1] - height / 2, width: to[0] - from[0], height },
                {
                  x: params.coordSys.x,
                  y: params.coordSys.y,
                  width: params.coordSys.width,
                  height: params.coordSys.height,
                },
              );
              return shape && { type: "rect", shape, style: api.style() };
            },
          },
        ],
      },
      { notMerge: true },
    );
  }, [key, description]);

  return (
    <div ref={element} className="gantt-chart" style={{ height: Math.max(160, 48 + bars.length * 30) }} />
  );
}
