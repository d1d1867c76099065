// SPDX-License-Identifier: Apache-2.0
// The admin dashboard: data health, models, offline evaluation, online metrics, rules and segments. Each panel
// loads on its own, so one failing endpoint shows its message in its panel and the others still work.
import { Api, ApiError, KeyStore, message } from "./api";
import { barChart, lineChart, type Series } from "./charts";
import { byId, formatInt, formatPercent, formatPrice, h, replace } from "./dom";

const keys = new KeyStore("tailor.admin.key");
const api = new Api(keys, "admin");

// ---- panels -------------------------------------------------------------------------------------------------

interface Panel {
  id: string;
  load: (body: HTMLElement) => Promise<void>;
}

function panelBody(id: string): HTMLElement {
  return byId<HTMLElement>(`${id}-body`);
}

async function refresh(panel: Panel): Promise<void> {
  const body = panelBody(panel.id);
  body.setAttribute("aria-busy", "true");
  try {
    await panel.load(body);
  } catch (e) {
    replace(body, h("p", { class: "error", role: "alert" }, message(e)));
    if (e instanceof ApiError && e.needsKey) {
      byId<HTMLInputElement>("key").focus();
    }
  } finally {
    body.removeAttribute("aria-busy");
  }
}

function table(head: string[], rows: (string | number | Node)[][], caption?: string): HTMLTableElement {
  return h("table", {},
    caption ? h("caption", {}, caption) : null,
    h("thead", {}, h("tr", {}, ...head.map((x) => h("th", { scope: "col" }, x)))),
    h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c) => h("td", {}, c instanceof Node ? c : String(c)))))));
}

function stat(label: string, value: string): HTMLElement {
  return h("div", { class: "stat" }, h("span", { class: "stat-value" }, value), h("span", { class: "stat-label" }, label));
}

// ---- data health --------------------------------------------------------------------------------------------

interface DataAnswer {
  store: string;
  items: number;
  customers: number;
  events: number;
  events_by_type: Record<string, number>;
  active_customers: number;
  active_items: number;
  customer_item_pairs: number;
  sparsity: number;
  first_event?: string;
  last_event?: string;
  top_categories: { category: string; items: number }[];
  events_per_day: { zone: string; types: string[]; days: { date: string; counts: number[] }[] };
}

const data: Panel = {
  id: "data",
  load: async (body) => {
    const d = await api.call<DataAnswer>("/v1/admin/data");
    const perDay = d.events_per_day;
    const shown = ["view", "click", "add-to-cart", "purchase"].filter((t) => perDay.types.includes(t));
    const series: Series[] = [{
      name: "all events",
      values: perDay.days.map((x) => x.counts.reduce((a, b) => a + b, 0)),
    }, ...shown.map((t) => ({ name: t, values: perDay.days.map((x) => x.counts[perDay.types.indexOf(t)] ?? 0) }))];
    replace(body,
      h("div", { class: "stats" },
        stat("items", formatInt(d.items)),
        stat("customers", formatInt(d.customers)),
        stat("events", formatInt(d.events)),
        stat("active customers", formatInt(d.active_customers)),
        stat("active items", formatInt(d.active_items)),
        stat("sparsity", formatPercent(d.sparsity, 3))),
      h("p", { class: "muted" }, `${d.store}. Events from ${d.first_event ?? "–"} to ${d.last_event ?? "–"}.`),
      perDay.days.length > 0
        ? lineChart({ title: `Events per day (${perDay.zone})`, xLabels: perDay.days.map((x) => x.date),
          xTitle: `day (${perDay.zone})`, yTitle: "events", series, points: perDay.days.length <= 31 })
        : h("p", {}, "No events yet."),
      h("div", { class: "two-col" },
        table(["type", "events"], Object.entries(d.events_by_type).filter(([, n]) => n > 0)
          .map(([t, n]) => [t, formatInt(n)]), "Events by type"),
        table(["category", "items"], d.top_categories.map((c) => [c.category, formatInt(c.items)]),
          "Largest categories")),
      h("p", { class: "muted" }, "Rejected rows: the server rejects a bad batch whole and says why in its answer; "
        + "it keeps no list of past rejections to show here."));
  },
};

// ---- models -------------------------------------------------------------------------------------------------

interface ModelSetInfo {
  label: string;
  version: number;
  trained_at: string;
  train_millis: number;
  data: string;
  data_fingerprint: string;
  users: number;
  items: number;
  events: number;
  models: { algorithm: string; config: Record<string, string>; train_millis: number }[];
}

interface ModelsAnswer {
  model_set: ModelSetInfo;
  training: { state: string; version: number; started_at?: string; finished_at?: string; error?: string };
}

const models: Panel = {
  id: "models",
  load: async (body) => {
    const m = await api.call<ModelsAnswer>("/v1/admin/models");
    const s = m.model_set;
    const train = h("button", { type: "button", onclick: async (e: Event) => {
      const button = e.target as HTMLButtonElement;
      button.disabled = true;
      button.textContent = "Training…";
      try {
        await api.call("/v1/admin/train", { method: "POST", query: { wait: true } });
        await refresh(models);
      } catch (err) {
        replace(body, h("p", { class: "error", role: "alert" }, message(err)));
      }
    } }, "Train now");
    replace(body,
      h("div", { class: "stats" },
        stat("model set", s.label),
        stat("trained", new Date(s.trained_at).toLocaleString()),
        stat("training took", `${formatInt(s.train_millis)} ms`),
        stat("customers × items", `${formatInt(s.users)} × ${formatInt(s.items)}`),
        stat("events", formatInt(s.events))),
      h("p", { class: "muted" }, `Data ${s.data}, fingerprint ${s.data_fingerprint}. Training: ${m.training.state}`
        + (m.training.error ? ` (last error: ${m.training.error})` : "") + ". ", train),
      s.models.length > 0 ? barChart({ title: "Training time per model", groups: s.models.map((x) => x.algorithm),
        xTitle: "model", yTitle: "ms", series: [{ name: "training time (ms)", values: s.models.map((x) => x.train_millis) }] })
        : null,
      table(["model", "configuration", "training time"], s.models.map((x) => [x.algorithm,
        Object.entries(x.config).map(([k, v]) => `${k}=${v}`).join(", "), `${formatInt(x.train_millis)} ms`])),
      h("p", { class: "muted" }, "Training curves: the server records no per-iteration losses for the models it "
        + "serves; the iterative models of the offline evaluation report have theirs under Offline evaluation. "
        + "Earlier model sets are compared in Online metrics (by model set)."));
  },
};

// ---- evaluation ---------------------------------------------------------------------------------------------

interface Ci {
  mean: number | null;
  ci95Low: number | null;
  ci95High: number | null;
  n: number;
}

interface EvalModel {
  label: string;
  spec: string;
  trainMillis: number;
  metrics: Record<string, Ci | number>;
  groups: Record<string, Record<string, Record<string, Ci>>>;
}

interface EvalAnswer {
  path: string;
  modified_at: string;
  report: {
    run: Record<string, string | number>;
    config: { k: number[] };
    data: Record<string, number>;
    models: EvalModel[];
  };
}

interface CurveSeries {
  model: string;
  component: string;
  metric: string;
  epochs: number;
  seconds: number;
  /** [epoch, value], epochs increasing. */
  points: [number, number][];
}

interface CurvesAnswer {
  path: string;
  modified_at: string;
  series: CurveSeries[];
}

/** One chart per metric (an ALS objective and a BPR loss do not share a scale), one line per model and component. */
function curveCharts(c: CurvesAnswer): HTMLElement {
  const metrics = [...new Set(c.series.map((s) => s.metric))];
  const components = new Map<string, number>();
  for (const s of c.series) {
    components.set(s.model, (components.get(s.model) ?? 0) + 1);
  }
  return h("div", { class: "two-col" }, ...metrics.map((metric) => {
    const series = c.series.filter((s) => s.metric === metric);
    const last = Math.max(...series.flatMap((s) => s.points.map((p) => p[0])));
    const epochs = Array.from({ length: last }, (_, i) => i + 1);
    const lines = series.map((s) => {
      const at = new Map(s.points.map((p) => [p[0], p[1]]));
      return {
        name: (components.get(s.model) ?? 0) > 1 ? `${s.model} (${s.component})` : s.model,
        values: epochs.map((e) => at.get(e) ?? null),
      };
    });
    // The chart draws a legend only for several lines, so a single line is named in the title.
    const of = lines.length === 1 ? ` of ${lines[0]!.name}` : "";
    return lineChart({
      title: `Training ${metric}${of} per epoch (training data)`, xLabels: epochs.map(String), xTitle: "epoch",
      yTitle: metric, series: lines,
    });
  }));
}

async function loadCurves(out: HTMLElement): Promise<void> {
  try {
    const c = await api.call<CurvesAnswer>("/v1/admin/evaluation/curves");
    replace(out, c.series.length === 0 ? h("p", { class: "muted" }, "The report's curves file has no epochs.")
      : curveCharts(c));
  } catch (e) {
    // A report without iterative models has no curves: that is a state to describe, not an error.
    replace(out, e instanceof ApiError && e.status === 404
      ? h("p", { class: "muted" }, "No learning curves: none of the evaluated models trains in epochs "
        + "(evaluate als or bpr, for example, to see how their loss falls).")
      : h("p", { class: "error", role: "alert" }, message(e)));
  }
}

function ci(x: Ci | number | undefined): Ci | undefined {
  return x !== undefined && typeof x === "object" ? x : undefined;
}

const evaluation: Panel = {
  id: "evaluation",
  load: async (body) => {
    const e = await api.call<EvalAnswer>("/v1/admin/evaluation");
    const r = e.report;
    const ks = r.config.k;
    const metricNames = [...new Set(r.models.flatMap((m) => Object.keys(m.metrics))
      .filter((k) => k.includes("@") && ci(r.models[0]!.metrics[k]) !== undefined)
      .map((k) => k.split("@")[0]!))];
    const groupNames = [...new Set(r.models.flatMap((m) => Object.keys(m.groups)))];
    const metricSelect = h("select", { id: "eval-metric" },
      ...metricNames.map((n) => h("option", { value: n, selected: n === "NDCG" }, n)));
    const kSelect = h("select", { id: "eval-k" }, ...ks.map((k) => h("option", { value: String(k), selected: k === 10 }, String(k))));
    const groupSelect = h("select", { id: "eval-group" },
      ...groupNames.map((g) => h("option", { value: g, selected: g === "segment" }, g)));
    const vsK = h("div", { id: "eval-k-chart" });
    const perGroup = h("div", { id: "eval-group-chart" });
    const curves = h("div", { id: "eval-curves" }, h("p", { class: "muted" }, "Loading…"));
    const draw = () => {
      const metric = metricSelect.value;
      const k = Number(kSelect.value);
      replace(vsK, lineChart({
        title: `${metric} at each K, mean with 95% interval`, xLabels: ks.map(String), xTitle: "K", yTitle: metric,
        series: r.models.map((m) => ({
          name: m.label,
          values: ks.map((kk) => ci(m.metrics[`${metric}@${kk}`])?.mean ?? null),
          low: ks.map((kk) => ci(m.metrics[`${metric}@${kk}`])?.ci95Low ?? null),
          high: ks.map((kk) => ci(m.metrics[`${metric}@${kk}`])?.ci95High ?? null),
        })),
      }));
      const group = groupSelect.value;
      const labels = [...new Set(r.models.flatMap((m) => Object.keys(m.groups[group] ?? {})))];
      replace(perGroup, labels.length === 0 ? h("p", { class: "muted" }, "The report has no per-group metrics.")
        : barChart({
          title: `${metric}@${k} per ${group}, mean with 95% interval`, groups: labels, xTitle: group,
          yTitle: `${metric}@${k}`,
          series: r.models.map((m) => ({
            name: m.label,
            values: labels.map((l) => m.groups[group]?.[l]?.[`${metric}@${k}`]?.mean ?? null),
            low: labels.map((l) => m.groups[group]?.[l]?.[`${metric}@${k}`]?.ci95Low ?? null),
            high: labels.map((l) => m.groups[group]?.[l]?.[`${metric}@${k}`]?.ci95High ?? null),
          })),
        }));
    };
    for (const s of [metricSelect, kSelect, groupSelect]) {
      s.addEventListener("change", draw);
    }
    replace(body,
      h("p", { class: "muted" }, `Report ${e.path}, written ${new Date(e.modified_at).toLocaleString()}: `
        + `dataset ${r.run["dataset"] ?? "?"}, split ${r.run["split"] ?? "?"}, seed ${r.run["seed"] ?? "?"}, `
        + `${formatInt(r.data["testUsers"] ?? 0)} test customers.`),
      h("div", { class: "controls" },
        h("label", { for: "eval-metric" }, "Metric"), metricSelect,
        h("label", { for: "eval-k" }, "K (per group)"), kSelect,
        groupNames.length > 0 ? h("label", { for: "eval-group" }, "Group by") : null, groupNames.length > 0 ? groupSelect : null),
      h("div", { class: "two-col" }, vsK, perGroup),
      table(["model", "spec", "training"], r.models.map((m) => [m.label, m.spec, `${formatInt(m.trainMillis)} ms`])),
      h("h3", {}, "Learning curves"),
      curves);
    draw();
    await loadCurves(curves);
  },
};

// ---- online metrics -----------------------------------------------------------------------------------------

interface OnlineRow {
  scene: string;
  model: string;
  served: number;
  impressions: number;
  clicks: number;
  conversions: number;
  ctr: number;
  conversion_rate: number;
}

const online: Panel = {
  id: "online",
  load: async (body) => {
    const o = await api.call<{ by_model: OnlineRow[]; by_model_set: OnlineRow[] }>("/v1/admin/metrics/online");
    const rows = (rs: OnlineRow[]) => rs.map((x) => [x.scene, x.model, formatInt(x.served), formatInt(x.impressions),
      formatInt(x.clicks), formatInt(x.conversions), formatPercent(x.ctr), formatPercent(x.conversion_rate)]);
    const head = ["scene", "model", "served", "impressions", "clicks", "conversions", "CTR", "conversion"];
    const scenes = [...new Set(o.by_model_set.map((x) => x.scene))];
    const sets = [...new Set(o.by_model_set.map((x) => x.model))];
    replace(body,
      o.by_model_set.length === 0 ? h("p", {}, "No recommendations served yet: open the storefront and shop.")
        : barChart({ title: "CTR per scene and model set", groups: scenes, xTitle: "scene", yTitle: "CTR",
          format: (v) => formatPercent(v),
          series: sets.map((set) => ({ name: set,
            values: scenes.map((sc) => o.by_model_set.find((x) => x.scene === sc && x.model === set)?.ctr ?? null) })) }),
      table(head, rows(o.by_model), "By the model that proposed the item"),
      table(head, rows(o.by_model_set), "By model set"));
  },
};

// ---- rules --------------------------------------------------------------------------------------------------

const rules: Panel = {
  id: "rules",
  load: async (body) => {
    const r = await api.call<{ rules: unknown[]; described: string[] }>("/v1/admin/rules");
    const editor = h("textarea", { id: "rules-json", rows: 10, spellcheck: "false" });
    editor.value = JSON.stringify({ rules: r.rules }, null, 2);
    const result = h("p", { role: "status" });
    const save = h("button", { type: "button", onclick: async () => {
      try {
        await api.call("/v1/admin/rules", { method: "PUT", body: JSON.parse(editor.value) });
        await refresh(rules);
      } catch (e) {
        result.className = "error";
        result.textContent = e instanceof SyntaxError ? `Not valid JSON: ${e.message}` : message(e);
      }
    } }, "Replace the rules");
    replace(body,
      h("ol", {}, ...r.described.map((d) => h("li", {}, d))),
      h("details", {}, h("summary", {}, "Edit as JSON"),
        h("label", { for: "rules-json" }, "Rules document (validated whole; an invalid one changes nothing)"),
        editor, save, result));
  },
};

// ---- segments -----------------------------------------------------------------------------------------------

interface Promotion {
  id: string;
  title: string;
  category?: string;
  price?: number;
  currency?: string;
  reason?: string;
}

const segments: Panel = {
  id: "segments",
  load: async (body) => {
    const s = await api.call<{ segments: { name: string | null; customers: number }[] }>("/v1/web/shoppers");
    const named = s.segments.filter((x) => x.name !== null);
    if (named.length === 0) {
      replace(body, h("p", {}, "No customer has a segment."));
      return;
    }
    const select = h("select", { id: "segment-pick" }, ...named.map((x) => h("option", { value: x.name! },
      `${x.name} (${formatInt(x.customers)} customers)`)));
    const out = h("div", {});
    const show = async () => {
      try {
        const p = await api.call<{ items: Promotion[] }>(`/v1/segments/${encodeURIComponent(select.value)}/promotions`,
          { query: { k: 12 } });
        const byRoot = new Map<string, number>();
        for (const it of p.items) {
          const root = (it.category ?? "Uncategorized").split(" > ")[0]!;
          byRoot.set(root, (byRoot.get(root) ?? 0) + 1);
        }
        replace(out,
          h("p", {}, `What ${select.value} prefer, by category: `,
            [...byRoot.entries()].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} (${n})`).join(", "), "."),
          table(["item", "category", "price", "why"], p.items.map((it) => [it.title, it.category ?? "",
            formatPrice(it.price, it.currency), it.reason ?? ""])));
      } catch (e) {
        replace(out, h("p", { class: "error", role: "alert" }, message(e)));
      }
    };
    select.addEventListener("change", show);
    replace(body, h("div", { class: "controls" }, h("label", { for: "segment-pick" }, "Segment"), select), out);
    await show();
  },
};

// ---- start --------------------------------------------------------------------------------------------------

const PANELS = [data, models, evaluation, online, rules, segments];

function loadAll(): void {
  for (const p of PANELS) {
    refresh(p);
  }
}

function wire(): void {
  const key = byId<HTMLInputElement>("key");
  key.value = keys.get() ?? "";
  byId<HTMLFormElement>("key-form").addEventListener("submit", (e) => {
    e.preventDefault();
    keys.set(key.value);
    loadAll();
  });
  for (const p of PANELS) {
    byId<HTMLButtonElement>(`${p.id}-reload`).addEventListener("click", () => refresh(p));
  }
}

wire();
loadAll();
