import { escapeHtml } from "../../../platform/pdf.ts";

/**
 * A radar (spider) chart as plain SVG, drawn on the server for the PDF export where no browser script
 * runs. The same picture as the web's ECharts radar: one axis per dimension, levels 0–4 outward.
 */

export interface RadarSeries {
  name: string;
  /** One value per axis; null is drawn at the centre. */
  values: (number | null)[];
  stroke: string;
  fill: string;
  fillOpacity: number;
  dash?: string;
  width?: number;
}

export interface RadarOptions {
  axes: string[];
  series: RadarSeries[];
  max?: number;
  size?: number;
  /** Accessible name of the figure (becomes <title>). */
  title: string;
  /** Longer text alternative (becomes <desc>). */
  description?: string;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Splits a label into lines of at most `width` characters, at spaces. */
export function wrap(text: string, width = 18): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function radarSvg({ axes, series, max = 4, size = 460, title, description }: RadarOptions): string {
  const n = axes.length;
  // Room at the sides for labels such as "Entreprenörskap och innovation".
  const side = 80;
  const width = size + 2 * side;
  const cx = width / 2;
  const cy = size / 2;
  const radius = size / 2 - 70;
  // Counter-clockwise from the top, as ECharts draws its radar on the web page.
  const angle = (i: number) => -Math.PI / 2 - (2 * Math.PI * i) / n;
  const point = (i: number, value: number) => {
    const r = (Math.max(0, Math.min(max, value)) / max) * radius;
    return [round(cx + r * Math.cos(angle(i))), round(cy + r * Math.sin(angle(i)))];
  };
  const polygon = (values: number[]) => values.map((v, i) => point(i, v).join(",")).join(" ");

  const grid: string[] = [];
  for (let level = 1; level <= max; level++) {
    grid.push(
      `<polygon points="${polygon(Array(n).fill(level))}" fill="none" stroke="#b8b8b8" stroke-width="${level === max ? 1.2 : 0.7}"/>`,
    );
    const [x, y] = point(0, level);
    grid.push(`<text x="${x + 4}" y="${y + 4}" font-size="10" fill="#555">${level}</text>`);
  }
  const spokes = axes.map((_, i) => {
    const [x, y] = point(i, max);
    return `<line x1="${cx}" y1="${cy}" x2="${x}" y2="${y}" stroke="#b8b8b8" stroke-width="0.7"/>`;
  });
  const labels = axes.map((label, i) => {
    const a = angle(i);
    const x = round(cx + (radius + 14) * Math.cos(a));
    const y = round(cy + (radius + 14) * Math.sin(a));
    const anchor = Math.abs(Math.cos(a)) < 0.2 ? "middle" : Math.cos(a) > 0 ? "start" : "end";
    const lines = wrap(label);
    const firstDy =
      Math.sin(a) < -0.2
        ? -(lines.length - 1) * 12
        : Math.sin(a) > 0.2
          ? 8
          : -((lines.length - 1) * 12) / 2 + 4;
    const tspans = lines
      .map((line, j) => `<tspan x="${x}" dy="${j === 0 ? firstDy : 12}">${escapeHtml(line)}</tspan>`)
      .join("");
    return `<text x="${x}" y="${y}" font-size="11" fill="#1a1a1a" text-anchor="${anchor}">${tspans}</text>`;
  });
  const shapes = series.map((s) => {
    const values = s.values.map((v) => v ?? 0);
    const dots = values
      .map((v, i) => {
        const [x, y] = point(i, v);
        return `<circle cx="${x}" cy="${y}" r="2.5" fill="${s.stroke}"/>`;
      })
      .join("");
    return `<g><polygon points="${polygon(values)}" fill="${s.fill}" fill-opacity="${s.fillOpacity}" stroke="${s.stroke}" stroke-width="${s.width ?? 2}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>${dots}</g>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${size}" width="${width}" height="${size}" role="img" aria-labelledby="radar-title${description ? " radar-desc" : ""}">`,
    `<title id="radar-title">${escapeHtml(title)}</title>`,
    description ? `<desc id="radar-desc">${escapeHtml(description)}</desc>` : "",
    ...grid,
    ...spokes,
    ...shapes,
    ...labels,
    "</svg>",
  ].join("");
}
