import { LineChart, RadarChart as RadarSeriesChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { type Ref, useEffect, useImperativeHandle, useRef } from "react";
import { chartLocale } from "./echarts-locale.ts";

// Only what the compass draws, so the bundle carries radar and line charts and nothing else.
echarts.use([
  RadarSeriesChart,
  LineChart,
  AriaComponent,
  TooltipComponent,
  LegendComponent,
  GridComponent,
  CanvasRenderer,
]);

export interface ChartHandle {
  /** The chart as a PNG data URL (white background), for "download as image". */
  toPng(): string | null;
}

/**
 * One ECharts instance in a div. ECharts' aria module gives the div role="img" and an aria-label;
 * we pass our own translated `description`, and every chart has a data table beside it (docs/design.md).
 */
export function EChart({
  option,
  description,
  height,
  ref,
}: {
  option: echarts.EChartsCoreOption;
  description: string;
  height: number;
  ref?: Ref<ChartHandle>;
}) {
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

  // Options are rebuilt on every render; redraw only when their content changes.
  const optionKey = JSON.stringify(option);
  // biome-ignore lint/correctness/useExhaustiveDependencies: optionKey stands for option's content
  useEffect(() => {
    const aria = { enabled: true, label: { description } };
    // An option with media queries (the radar's narrow layout) carries the aria settings in its base.
    const withAria = option.baseOption
      ? { ...option, baseOption: { ...(option.baseOption as object), aria } }
      : { ...option, aria };
    chart.current?.setOption(withAria, { notMerge: true });
  }, [optionKey, description]);

  useImperativeHandle(ref, () => ({
    toPng: () =>
      chart.current?.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" }) ?? null,
  }));

  return <div ref={element} className="compass-chart" style={{ height }} />;
}

/** "Arbetslivet i utbildningens utveckling" → three lines of at most 16 characters. */
export function wrapLabel(text: string, width = 16) {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

export interface RadarSeries {
  name: string;
  values: (number | null)[];
  colour: string;
  /** Dashed outline (goals). */
  dashed?: boolean;
  /** Thin and pale (last year's overlay). */
  faint?: boolean;
  /** Filled area (the current state). */
  filled?: boolean;
}

/** The compass: one axis per dimension, levels 0–4 outward. */
export function RadarChart({
  axes,
  series,
  description,
  max = 4,
  height = 420,
  ref,
}: {
  axes: string[];
  series: RadarSeries[];
  description: string;
  max?: number;
  height?: number;
  ref?: Ref<ChartHandle>;
}) {
  const baseOption: echarts.EChartsCoreOption = {
    animation: false,
    tooltip: { trigger: "item" },
    legend: { bottom: 0, data: series.map((s) => s.name), textStyle: { color: "#1b1f24" } },
    radar: {
      indicator: axes.map((name) => ({ name, max })),
      splitNumber: max,
      radius: "58%",
      center: ["50%", "47%"],
      // Long dimension names wrap instead of running off the canvas, and are never cut with "…"
      // ("Entreprenörsk…", issue 15): a long single word gets a line of its own.
      axisName: {
        color: "#1b1f24",
        fontSize: 12,
        lineHeight: 15,
        overflow: "none",
        formatter: (name: string) => wrapLabel(name),
      },
      nameGap: 8,
      splitLine: { lineStyle: { color: "#c5ccd4" } },
      splitArea: { show: false },
    },
    series: [
      {
        type: "radar",
        symbolSize: 5,
        data: series.map((s) => ({
          name: s.name,
          value: s.values.map((v) => v ?? 0),
          lineStyle: {
            color: s.colour,
            width: s.faint ? 1.5 : 2.5,
            type: s.dashed || s.faint ? "dashed" : "solid",
            opacity: s.faint ? 0.7 : 1,
          },
          itemStyle: { color: s.colour, opacity: s.faint ? 0.7 : 1 },
          areaStyle: s.filled
            ? { color: s.colour, opacity: 0.25 }
            : s.faint
              ? { color: s.colour, opacity: 0.05 }
              : undefined,
        })),
      },
    ],
  };
  // On a narrow chart the radar shrinks so the names around it keep room inside the canvas.
  const option: echarts.EChartsCoreOption = {
    baseOption,
    media: [
      { query: { maxWidth: 560 }, option: { radar: { radius: "44%", axisName: { fontSize: 11 } } } },
      { query: { maxWidth: 380 }, option: { radar: { radius: "36%", axisName: { fontSize: 10 } } } },
    ],
  };
  return <EChart option={option} description={description} height={height} ref={ref} />;
}

/** Mean level per dimension over the years. */
export function TrendChart({
  years,
  series,
  description,
  height = 320,
}: {
  years: number[];
  series: { name: string; values: (number | null)[] }[];
  description: string;
  height?: number;
}) {
  const option: echarts.EChartsCoreOption = {
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { type: "scroll", bottom: 0, textStyle: { color: "#1b1f24" } },
    grid: { left: 40, right: 20, top: 20, bottom: 60 },
    xAxis: { type: "category", data: years.map(String), axisLabel: { color: "#1b1f24" } },
    yAxis: { type: "value", min: 0, max: 4, interval: 1, axisLabel: { color: "#1b1f24" } },
    series: series.map((s) => ({
      type: "line",
      name: s.name,
      data: s.values,
      connectNulls: true,
      symbolSize: 6,
    })),
  };
  return <EChart option={option} description={description} height={height} />;
}
