// SPDX-License-Identifier: Apache-2.0
// Small SVG charts drawn in the page: line charts (metric vs K, events per day) and grouped bars (per segment,
// per scene). Each chart has a title and a description for screen readers, and <title> tooltips on its marks.
import { h, svg } from "./dom";

const PALETTE = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#be185d", "#4d7c0f"];

export function colour(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}

export interface Series {
  name: string;
  /** y per x position; null where there is no value. */
  values: (number | null)[];
  /** Optional 95% interval per x position. */
  low?: (number | null)[];
  high?: (number | null)[];
}

export interface LineChartSpec {
  title: string;
  xLabels: string[];
  xTitle: string;
  yTitle: string;
  series: Series[];
  /** Draw points at each value (few x positions) or only the line (many). */
  points?: boolean;
  format?: (v: number) => string;
}

const W = 640;
const H = 300;
const M = { top: 16, right: 16, bottom: 46, left: 64 };

function niceMax(v: number): number {
  if (v <= 0) {
    return 1;
  }
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * p >= v) {
      return m * p;
    }
  }
  return 10 * p;
}

function defaultFormat(v: number): string {
  if (v === 0) {
    return "0";
  }
  if (Math.abs(v) >= 1000) {
    return new Intl.NumberFormat(undefined, { notation: "compact" }).format(v);
  }
  return Math.abs(v) < 1 ? v.toFixed(3) : String(Math.round(v * 100) / 100);
}

function frame(spec: { title: string; xTitle: string; yTitle: string }, max: number,
    fmt: (v: number) => string): SVGSVGElement {
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": spec.title });
  chart.append(svg("title", {}, spec.title));
  const plotH = H - M.top - M.bottom;
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    const y = M.top + plotH - (plotH * i) / 4;
    chart.append(svg("line", { x1: M.left, x2: W - M.right, y1: y, y2: y, class: "grid" }));
    chart.append(svg("text", { x: M.left - 6, y: y + 4, "text-anchor": "end", class: "tick" }, fmt(v)));
  }
  chart.append(svg("text", { x: (M.left + W - M.right) / 2, y: H - 6, "text-anchor": "middle", class: "axis-title" },
    spec.xTitle));
  chart.append(svg("text", { x: 14, y: M.top + plotH / 2, "text-anchor": "middle", class: "axis-title",
    transform: `rotate(-90 14 ${M.top + plotH / 2})` }, spec.yTitle));
  return chart;
}

function legend(names: string[]): HTMLElement {
  return h("ul", { class: "legend" }, ...names.map((n, i) =>
    h("li", {}, h("span", { class: `swatch swatch-${i % PALETTE.length}`, "aria-hidden": "true" }), n)));
}

/** A line chart of several series over the same x positions, with optional interval bands. */
export function lineChart(spec: LineChartSpec): HTMLElement {
  const fmt = spec.format ?? defaultFormat;
  let max = 0;
  for (const s of spec.series) {
    for (const v of [...s.values, ...(s.high ?? [])]) {
      if (v !== null && v > max) {
        max = v;
      }
    }
  }
  max = niceMax(max);
  const chart = frame(spec, max, fmt);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const n = spec.xLabels.length;
  const x = (i: number) => M.left + (n <= 1 ? plotW / 2 : (plotW * i) / (n - 1));
  const y = (v: number) => M.top + plotH - (plotH * v) / max;
  const every = Math.max(1, Math.ceil(n / 6));
  spec.xLabels.forEach((label, i) => {
    if (i % every === 0 || i === n - 1) {
      chart.append(svg("text", { x: x(i), y: H - M.bottom + 16, "text-anchor": "middle", class: "tick" }, label));
    }
  });
  spec.series.forEach((s, si) => {
    const g = svg("g", { class: `series series-${si % PALETTE.length}`, "data-series": s.name });
    if (s.low && s.high) {
      const top: string[] = [];
      const bottom: string[] = [];
      s.values.forEach((_, i) => {
        const lo = s.low![i];
        const hi = s.high![i];
        if (lo !== null && lo !== undefined && hi !== null && hi !== undefined) {
          top.push(`${x(i)},${y(hi)}`);
          bottom.unshift(`${x(i)},${y(lo)}`);
        }
      });
      if (top.length > 1) {
        g.append(svg("polygon", { points: [...top, ...bottom].join(" "), class: "band" }));
      }
    }
    let d = "";
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    g.append(svg("path", { d, class: "line" }));
    if (spec.points ?? n <= 20) {
      s.values.forEach((v, i) => {
        if (v !== null) {
          g.append(svg("circle", { cx: x(i), cy: y(v), r: 3.5, class: "point" },
            svg("title", {}, `${s.name}, ${spec.xLabels[i]}: ${fmt(v)}`)));
        }
      });
    }
    chart.append(g);
  });
  return h("figure", { class: "figure" }, chart, spec.series.length > 1 ? legend(spec.series.map((s) => s.name)) : null);
}

export interface BarChartSpec {
  title: string;
  groups: string[];
  xTitle: string;
  yTitle: string;
  /** One value per group per series; series are drawn side by side within a group. */
  series: Series[];
  format?: (v: number) => string;
}

/** Grouped bars: one cluster per group, one bar per series, with interval whiskers when given. */
export function barChart(spec: BarChartSpec): HTMLElement {
  const fmt = spec.format ?? defaultFormat;
  let max = 0;
  for (const s of spec.series) {
    for (const v of [...s.values, ...(s.high ?? [])]) {
      if (v !== null && v > max) {
        max = v;
      }
    }
  }
  max = niceMax(max);
  const chart = frame(spec, max, fmt);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / Math.max(1, spec.groups.length);
  const barW = Math.max(2, (slot * 0.8) / Math.max(1, spec.series.length));
  const y = (v: number) => M.top + plotH - (plotH * v) / max;
  spec.groups.forEach((label, gi) => {
    chart.append(svg("text", { x: M.left + slot * (gi + 0.5), y: H - M.bottom + 16, "text-anchor": "middle",
      class: "tick" }, label.length > 14 ? `${label.slice(0, 13)}…` : label));
  });
  spec.series.forEach((s, si) => {
    const g = svg("g", { class: `series series-${si % PALETTE.length}`, "data-series": s.name });
    s.values.forEach((v, gi) => {
      if (v === null) {
        return;
      }
      const x0 = M.left + slot * gi + slot * 0.1 + barW * si;
      g.append(svg("rect", { x: x0, y: y(v), width: barW - 1, height: Math.max(0, M.top + plotH - y(v)), class: "bar" },
        svg("title", {}, `${s.name}, ${spec.groups[gi]}: ${fmt(v)}`)));
      const lo = s.low?.[gi];
      const hi = s.high?.[gi];
      if (lo !== null && lo !== undefined && hi !== null && hi !== undefined) {
        const cx = x0 + (barW - 1) / 2;
        g.append(svg("line", { x1: cx, x2: cx, y1: y(lo), y2: y(hi), class: "whisker" }));
      }
    });
    chart.append(g);
  });
  return h("figure", { class: "figure" }, chart, spec.series.length > 1 ? legend(spec.series.map((s) => s.name)) : null);
}
