// SPDX-License-Identifier: Apache-2.0
// The storefront demo: shop as a customer of the sample shop, see the rows Tailor serves, and watch them change
// as you click, add to cart and buy. Every action posts a real event with the request id of the list it came from.
import { Api, ApiError, KeyStore, message } from "./api";
import { byId, formatPrice, h, replace } from "./dom";
import { placeholder } from "./placeholder";

interface Item {
  id: string;
  title: string;
  category?: string;
  brand?: string;
  price?: number;
  currency?: string;
  available?: boolean;
  reason?: string;
  source?: string;
  description?: string;
  tags?: string[];
}

interface Row {
  kind: string;
  title: string;
  anchor?: { id: string; title: string };
  items: Item[];
}

interface HomeAnswer {
  request_id: string;
  model_set: string;
  rows: Row[];
}

interface ListAnswer {
  request_id: string;
  scene: string;
  items: Item[];
  matches?: number;
}

interface Shopper {
  id: string;
  age?: number;
  gender?: string;
  region?: string;
  segments: string[];
  history: number;
}

interface SegmentEntry {
  name: string | null;
  customers: number;
  sample: Shopper[];
}

/** Where an item on screen came from: the answer's request id, the scene and the position in the list. */
interface Origin {
  requestId: string;
  scene: string;
  position: number;
}

const keys = new KeyStore("tailor.storefront.key");
const api = new Api(keys, "read and ingest");
const HOME_K = 8;

const state = {
  segments: [] as SegmentEntry[],
  customer: null as Shopper | null,
  lang: localStorage.getItem("tailor.lang") ?? "",
  /** The rows of the last homepage shown, to point out what changed. */
  lastRows: new Map<string, string[]>(),
  /** Items seen in lists, so that the item page can show them at once. */
  items: new Map<string, Item>(),
  origins: new Map<string, Origin>(),
  /** Increases with each navigation; a late answer for an older view is dropped. */
  view: 0,
};

const main = byId<HTMLElement>("main");
const statusLine = byId<HTMLElement>("status");
const errorBox = byId<HTMLElement>("error");

function announce(text: string): void {
  statusLine.textContent = text;
}

function showError(e: unknown): void {
  errorBox.hidden = false;
  replace(errorBox, h("strong", {}, "Could not load this: "), message(e));
  if (e instanceof ApiError && e.needsKey) {
    byId<HTMLElement>("key-panel").hidden = false;
    byId<HTMLInputElement>("key").focus();
  }
}

function clearError(): void {
  errorBox.hidden = true;
  errorBox.replaceChildren();
}

// ---- events -------------------------------------------------------------------------------------------------

interface EventBody {
  type: string;
  user_id: string;
  item_id?: string;
  request_id?: string;
  scene?: string;
  position?: number;
  query?: string;
  value?: number;
}

async function post(events: EventBody[]): Promise<void> {
  if (events.length === 0) {
    return;
  }
  await api.call("/v1/events/batch", { method: "POST", body: { events } });
}

function eventFor(type: string, item: Item, origin: Origin | undefined): EventBody {
  const e: EventBody = { type, user_id: state.customer!.id, item_id: item.id };
  if (origin) {
    e.request_id = origin.requestId;
    e.scene = origin.scene;
    e.position = origin.position;
  }
  return e;
}

/** Impressions of a list just shown, so that online CTR is clicks per item actually seen. */
function impressions(items: Item[], requestId: string, scene: string, offset = 0): EventBody[] {
  return items.map((item, i) => ({ type: "impression", user_id: state.customer!.id, item_id: item.id,
    request_id: requestId, scene, position: offset + i }));
}

async function act(type: "add-to-cart" | "purchase", item: Item, origin: Origin | undefined): Promise<void> {
  try {
    const e = eventFor(type, item, origin);
    if (type === "purchase") {
      e.value = 1;
    }
    await post([e]);
    clearError();
    announce(type === "purchase" ? `Bought ${item.title}. Your homepage has been updated.`
      : `Added ${item.title} to your cart. Your homepage has been updated.`);
    if (currentRoute().name === "home") {
      await renderHome();
    }
  } catch (e) {
    showError(e);
  }
}

// ---- cards --------------------------------------------------------------------------------------------------

function card(item: Item, origin: Origin): HTMLElement {
  state.items.set(item.id, item);
  const open = async (ev: Event) => {
    ev.preventDefault();
    state.origins.set(item.id, origin);
    try {
      await post([eventFor("click", item, origin)]);
    } catch (e) {
      showError(e);
    }
    window.location.hash = `#/item/${encodeURIComponent(item.id)}`;
  };
  return h("li", { class: "card", "data-item-id": item.id, "data-category": item.category ?? "" },
    h("a", { class: "card-link", href: `#/item/${encodeURIComponent(item.id)}`, onclick: open },
      placeholder(item.category),
      h("span", { class: "card-title" }, item.title)),
    h("p", { class: "card-category" }, item.category ?? "Uncategorized"),
    h("p", { class: "card-price" }, formatPrice(item.price, item.currency),
      item.available === false ? h("span", { class: "badge muted" }, "out of stock") : null),
    item.reason ? h("p", { class: "card-reason" }, item.reason) : null,
    h("div", { class: "card-actions" },
      h("button", { type: "button", class: "secondary", disabled: item.available === false,
        "aria-label": `Add ${item.title} to cart`, onclick: () => act("add-to-cart", item, origin) }, "Add to cart"),
      h("button", { type: "button", disabled: item.available === false, "aria-label": `Buy ${item.title}`,
        onclick: () => act("purchase", item, origin) }, "Buy")));
}

function list(items: Item[], requestId: string, scene: string): HTMLElement {
  return h("ul", { class: "cards" }, ...items.map((item, i) => card(item, { requestId, scene, position: i })));
}

// ---- views --------------------------------------------------------------------------------------------------

function langQuery(): string | undefined {
  return state.lang === "" ? undefined : state.lang;
}

async function renderHome(): Promise<void> {
  const view = ++state.view;
  const c = state.customer;
  if (!c) {
    replace(main, h("p", { class: "muted" }, "Pick a customer to shop as."));
    return;
  }
  const home = await api.call<HomeAnswer>(`/v1/users/${encodeURIComponent(c.id)}/home`,
    { query: { k: HOME_K, lang: langQuery() } });
  if (view !== state.view) {
    return;
  }
  clearError();
  const changed: string[] = [];
  const sections = home.rows.map((row, ri) => {
    const ids = row.items.map((i) => i.id);
    const before = state.lastRows.get(row.kind + "\u0000" + row.title);
    const isNew = state.lastRows.size > 0 && (!before || before.join() !== ids.join());
    if (isNew) {
      changed.push(row.title);
    }
    const headingId = `row-${ri}`;
    return h("section", { class: `row${isNew ? " fresh" : ""}`, "aria-labelledby": headingId, "data-kind": row.kind },
      h("h2", { id: headingId }, row.title, isNew ? h("span", { class: "badge new" }, "updated") : null),
      list(row.items, home.request_id, "home"));
  });
  state.lastRows = new Map(home.rows.map((r) => [r.kind + "\u0000" + r.title, r.items.map((i) => i.id)]));
  replace(main,
    h("div", { class: "page-head" },
      h("h1", {}, `Hello, ${c.id}`),
      h("p", { class: "muted" }, `Model set ${home.model_set} · request ${home.request_id}`)),
    ...(sections.length > 0 ? sections : [h("p", {}, "No recommendations for this customer yet.")]));
  if (changed.length > 0) {
    announce(`Your homepage changed: ${changed.join("; ")}.`);
  }
  post(impressions(home.rows.flatMap((r) => r.items), home.request_id, "home")).catch(showError);
}

async function loadItem(id: string): Promise<Item> {
  const known = state.items.get(id);
  if (known && (langQuery() === undefined)) {
    return known;
  }
  return api.call<Item>(`/v1/web/items/${encodeURIComponent(id)}`, { query: { lang: langQuery() } });
}

async function renderItem(id: string): Promise<void> {
  const view = ++state.view;
  const c = state.customer;
  if (!c) {
    return;
  }
  const item = await loadItem(id);
  const origin = state.origins.get(id);
  // Looking at the item page is a view: it feeds "Because you viewed ..." on the next homepage.
  await post([{ type: "view", user_id: c.id, item_id: id }]);
  const query = { k: 6, user: c.id, lang: langQuery() };
  const [similar, together] = await Promise.all([
    api.call<ListAnswer>(`/v1/items/${encodeURIComponent(id)}/similar`, { query }),
    api.call<ListAnswer>(`/v1/items/${encodeURIComponent(id)}/bought-together`, { query: { ...query, k: 4 } }),
  ]);
  if (view !== state.view) {
    return;
  }
  clearError();
  replace(main,
    h("nav", { class: "crumbs", "aria-label": "Breadcrumb" }, h("a", { href: "#/" }, "← Homepage")),
    h("article", { class: "item-page", "data-item-id": item.id },
      placeholder(item.category, "large"),
      h("div", { class: "item-info" },
        h("h1", { id: "item-title" }, item.title),
        h("p", { class: "card-category" }, item.category ?? "Uncategorized", item.brand ? ` · ${item.brand}` : ""),
        h("p", { class: "item-price" }, formatPrice(item.price, item.currency)),
        item.available === false ? h("p", { class: "badge muted" }, "Out of stock") : null,
        item.description ? h("p", {}, item.description) : null,
        h("div", { class: "card-actions" },
          h("button", { type: "button", class: "secondary", disabled: item.available === false,
            onclick: () => act("add-to-cart", item, origin) }, "Add to cart"),
          h("button", { type: "button", disabled: item.available === false,
            onclick: () => act("purchase", item, origin) }, "Buy now")))),
    h("section", { class: "row", "aria-labelledby": "similar-h" },
      h("h2", { id: "similar-h" }, "Customers who viewed this also viewed"),
      similar.items.length > 0 ? list(similar.items, similar.request_id, "similar") : h("p", { class: "muted" }, "Nothing similar yet.")),
    h("section", { class: "row", "aria-labelledby": "together-h" },
      h("h2", { id: "together-h" }, "Often bought together"),
      together.items.length > 0 ? list(together.items, together.request_id, "bought-together")
        : h("p", { class: "muted" }, "Nothing bought with this yet.")));
  byId<HTMLElement>("item-title").focus();
  announce(`Viewing ${item.title}.`);
  post([...impressions(similar.items, similar.request_id, "similar"),
    ...impressions(together.items, together.request_id, "bought-together")]).catch(showError);
}

async function renderSearch(q: string): Promise<void> {
  const view = ++state.view;
  const c = state.customer;
  if (!c) {
    return;
  }
  byId<HTMLInputElement>("q").value = q;
  await post([{ type: "search", user_id: c.id, query: q }]);
  const found = await api.call<ListAnswer>(`/v1/users/${encodeURIComponent(c.id)}/search`,
    { query: { q, k: 24, lang: langQuery() } });
  if (view !== state.view) {
    return;
  }
  clearError();
  replace(main,
    h("nav", { class: "crumbs", "aria-label": "Breadcrumb" }, h("a", { href: "#/" }, "← Homepage")),
    h("section", { class: "row", "aria-labelledby": "search-h" },
      h("h1", { id: "search-h" }, `Results for “${q}”`),
      h("p", { class: "muted" }, `${found.matches ?? found.items.length} matching items, ranked for ${c.id}.`),
      found.items.length > 0 ? list(found.items, found.request_id, "search") : h("p", {}, "Nothing matches.")));
  announce(`${found.items.length} results for ${q}.`);
  post(impressions(found.items, found.request_id, "search")).catch(showError);
}

// ---- routing ------------------------------------------------------------------------------------------------

type Route = { name: "home" } | { name: "item"; id: string } | { name: "search"; q: string };

function currentRoute(): Route {
  const hash = window.location.hash;
  const item = /^#\/item\/(.+)$/.exec(hash);
  if (item) {
    return { name: "item", id: decodeURIComponent(item[1]!) };
  }
  const search = /^#\/search\/(.*)$/.exec(hash);
  if (search) {
    return { name: "search", q: decodeURIComponent(search[1]!) };
  }
  return { name: "home" };
}

async function route(): Promise<void> {
  const r = currentRoute();
  main.setAttribute("aria-busy", "true");
  try {
    if (r.name === "item") {
      await renderItem(r.id);
    } else if (r.name === "search") {
      await renderSearch(r.q);
    } else {
      await renderHome();
    }
  } catch (e) {
    showError(e);
  } finally {
    main.removeAttribute("aria-busy");
  }
}

// ---- customer picker ----------------------------------------------------------------------------------------

function describe(s: Shopper): string {
  const parts = [s.id];
  const who = [s.age !== undefined ? `${s.age}` : "", s.gender ?? ""].join(" ").trim();
  if (who) {
    parts.push(who);
  }
  if (s.region) {
    parts.push(s.region);
  }
  parts.push(`${s.history} past events`);
  return parts.join(" · ");
}

function segmentLabel(seg: SegmentEntry): string {
  return `${seg.name ?? "no segment"} (${seg.customers})`;
}

function fillCustomers(seg: SegmentEntry | undefined, selectId?: string): void {
  const select = byId<HTMLSelectElement>("customer");
  replace(select, ...(seg?.sample ?? []).map((s) => h("option", { value: s.id }, describe(s))));
  const wanted = seg?.sample.find((s) => s.id === selectId) ?? seg?.sample[0];
  if (wanted) {
    select.value = wanted.id;
  }
  setCustomer(wanted ?? null);
}

function setCustomer(s: Shopper | null): void {
  state.customer = s;
  state.lastRows = new Map();
  if (s) {
    localStorage.setItem("tailor.customer", s.id);
  }
  const info = byId<HTMLElement>("customer-info");
  replace(info, s ? h("span", { class: "badge segment", "data-segment": s.segments.join(",") },
    s.segments.length > 0 ? `Segment: ${s.segments.join(", ")}` : "No segment") : "");
}

async function loadShoppers(): Promise<void> {
  const answer = await api.call<{ segments: SegmentEntry[] }>("/v1/web/shoppers");
  state.segments = answer.segments.filter((s) => s.sample.length > 0);
  const segSelect = byId<HTMLSelectElement>("segment");
  replace(segSelect, ...state.segments.map((s, i) => h("option", { value: String(i) }, segmentLabel(s))));
  const remembered = localStorage.getItem("tailor.customer");
  let index = state.segments.findIndex((s) => s.sample.some((c) => c.id === remembered));
  if (index < 0) {
    index = 0;
  }
  segSelect.value = String(index);
  fillCustomers(state.segments[index], remembered ?? undefined);
}

// ---- start --------------------------------------------------------------------------------------------------

async function start(): Promise<void> {
  try {
    await loadShoppers();
    await route();
  } catch (e) {
    showError(e);
  }
}

function wire(): void {
  byId<HTMLSelectElement>("segment").addEventListener("change", (e) => {
    const seg = state.segments[Number((e.target as HTMLSelectElement).value)];
    fillCustomers(seg);
    announce(`Shopping as ${state.customer?.id ?? "nobody"}.`);
    goHome();
  });
  byId<HTMLSelectElement>("customer").addEventListener("change", (e) => {
    const id = (e.target as HTMLSelectElement).value;
    const s = state.segments.flatMap((x) => x.sample).find((x) => x.id === id) ?? null;
    setCustomer(s);
    announce(`Shopping as ${id}.`);
    goHome();
  });
  const lang = byId<HTMLSelectElement>("lang");
  lang.value = state.lang;
  lang.addEventListener("change", () => {
    state.lang = lang.value;
    localStorage.setItem("tailor.lang", state.lang);
    state.items.clear();
    route();
  });
  byId<HTMLFormElement>("search").addEventListener("submit", (e) => {
    e.preventDefault();
    const q = byId<HTMLInputElement>("q").value.trim();
    if (q !== "") {
      window.location.hash = `#/search/${encodeURIComponent(q)}`;
    }
  });
  byId<HTMLFormElement>("key-form").addEventListener("submit", (e) => {
    e.preventDefault();
    keys.set(byId<HTMLInputElement>("key").value);
    byId<HTMLElement>("key-panel").hidden = true;
    clearError();
    start();
  });
  window.addEventListener("hashchange", () => {
    route();
  });
}

function goHome(): void {
  if (window.location.hash === "" || window.location.hash === "#/") {
    route();
  } else {
    window.location.hash = "#/";
  }
}

wire();
start();
