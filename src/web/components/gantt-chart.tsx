import { CustomChart } from "echarts/charts";
import { AriaComponent, GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { formatPeriod, monthNames } from "../lib/format.ts";
import { chartLocale } from "./echarts-locale.ts";

// Only what the timelines draw: one custom series on a time axis.
echarts.use([CustomChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface GanttBar {
  label: string;
  /** ISO dates. */
  start: string;
  end: string;
  colour: string;
  /**
   * The period has no end (`end` is then today or a guess): the bar runs to the chart's right edge,
   * which is set by the bars that do end, so one open-ended project does not squash the rest (issue 15).
   */
  open?: boolean;
}

const day = 86_400_000;
const time = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const monthStart = (t: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
const addMonths = (t: number, n: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1);
};

/**
 * The axis's span: from the first start to the last end of the bars that end, with the open bars'
 * starts inside it; a little room either side. Whole months, so the first label is a month and year.
 */
export function ganttRange(bars: GanttBar[]): { min: number; max: number } | null {
  if (bars.length === 0) return null;
  const closed = bars.filter((b) => !b.open);
  const starts = bars.map((b) => time(b.start));
  const ends = (closed.length ? closed : bars).map((b) => Math.max(time(b.end), time(b.start) + day));
  const last = Math.max(...ends, ...bars.filter((b) => b.open).map((b) => time(b.start) + 90 * day));
  return { min: monthStart(Math.min(...starts)), max: addMonths(last, 1) };
}

/** An axis label in the page's language: the year at January and on the first label, else the month. */
export function ganttAxisLabel(value: number, index: number, language: "sv" | "en" = "sv") {
  const d = new Date(value);
  const month = monthNames[language].short[d.getUTCMonth()];
  const dayOfMonth = d.getUTCDate();
  if (dayOfMonth !== 1) return `${dayOfMonth} ${month}`;
  if (d.getUTCMonth() === 0) return `${d.getUTCFullYear()}`;
  return index === 0 ? `${month}\n${d.getUTCFullYear()}` : month;
}

/**
 * A Gantt chart (tidplan): one row per bar, on a time axis, drawn by an ECharts custom series.
 * ECharts' aria module names the chart with `description`; every Gantt here has a table beside it.
 */
export function GanttChart({ bars, description }: { bars: GanttBar[]; description: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: "canvas", locale: chartLocale() });
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
    const range = ganttRange(bars);
    const language = chartLocale() === "EN" ? "en" : "sv";
    chart.current?.setOption(
      {
        aria: { enabled: true, label: { description } },
        animation: false,
        grid: { left: 8, right: 24, top: 16, bottom: 32, containLabel: true },
        tooltip: {
          formatter: (p: { value: [number, number, number]; dataIndex: number }) => {
            const bar = bars[p.dataIndex];
            return `${labels[p.value[0]]}<br>${formatPeriod(bar.start, bar.open ? null : bar.end, language)}`;
          },
        },
        xAxis: {
          type: "time",
          ...(range ?? {}),
          axisLabel: {
            color: "#1b1f24",
            hideOverlap: true,
            showMinLabel: true,
            formatter: (value: number, index: number) => ganttAxisLabel(value, index, language),
          },
        },
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
              value: [
                i,
                time(b.start),
                b.open && range ? range.max : Math.max(time(b.end), time(b.start) + day),
              ],
              itemStyle: b.open
                ? {
                    color: b.colour,
                    opacity: 0.6,
                    borderType: "dashed",
                    borderColor: "#1b1f24",
                    borderWidth: 1,
                  }
                : { color: b.colour },
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
