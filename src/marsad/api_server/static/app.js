// Marsad dashboard: map, timeline, filters, table and event view over /api. Plain DOM, no build step.
// Article text is untrusted: every piece of it goes into the page through textContent or attributes set
// with setAttribute, never parsed as HTML (the server's Content-Security-Policy forbids inline script too).
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const MAP_W = 960, MAP_H = 560;
const PHI0 = 30 * Math.PI / 180;              // equirectangular projection true at 30°N (mid-MENA)
const HOME = { lon0: -20, lat1: 44, lon1: 65, lat0: 8 };  // the first view: North Africa to Iran
const TABLE_PAGE = 25, MAP_LIMIT = 1000;
const FIELD_KIND = {                           // evidence field -> the label kind shown in the text
  actor1: "actor", actor2: "actor", assoc_actor_1: "actor", assoc_actor_2: "actor",
  location: "place", admin1: "place", admin2: "place", admin3: "place", country: "place",
  event_date: "date", fatalities: "fatalities", event: "event",
};
const COLUMNS = [
  ["event_date", "date"], ["event_type", "event_type"], ["sub_event_type", "sub_event_type"],
  ["actor1", "actor1"], ["actor2", "actor2"], ["location", "location"], ["country", "country"],
  ["fatalities", "fatalities"], ["confidence", "confidence"],
];
const SORTABLE = new Set(["event_date", "event_type", "sub_event_type", "location", "country", "fatalities",
  "confidence"]);

const state = {
  i18n: null, lang: "en", filters: {}, sort: "-event_date", offset: 0, total: 0,
  view: null, scale: 1, events: [], current: null,
};

// ---- small DOM helpers -------------------------------------------------------------------------------
function $(id) { return document.getElementById(id); }
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}
function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
function t(key, vars) {
  let s = (state.i18n[state.lang] || {})[key] || state.i18n.en[key] || key;
  for (const [k, v] of Object.entries(vars || {})) s = s.replace("{" + k + "}", String(v));
  return s;
}
function typeName(type) {
  const info = state.i18n.event_types[type];
  return state.lang === "ar" && info ? info.ar : (type || "");
}
function typeColor(type) { const info = state.i18n.event_types[type]; return info ? info.color : "#444"; }
function number(n) { return new Intl.NumberFormat(state.lang === "ar" ? "ar-EG" : "en-US").format(n); }

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  if (!r.ok) throw new Error(r.status + " " + r.statusText);
  return r.json();
}

// ---- filters -----------------------------------------------------------------------------------------
function readFilters() {
  const form = $("filters"), out = {};
  for (const name of ["date_from", "date_to", "country", "event_type", "actor", "q", "min_fatalities",
    "min_confidence"]) {
    const v = form.elements[name].value.trim();
    if (v) out[name] = v;
  }
  if (form.elements.in_view.checked) out.bbox = viewBBox().map((x) => x.toFixed(3)).join(",");
  return out;
}
function query(extra) {
  const p = new URLSearchParams({ ...state.filters, ...(extra || {}) });
  return p.toString();
}
function updateExportLinks() {
  for (const fmt of ["csv", "geojson", "parquet"]) $("export-" + fmt).setAttribute("href", "api/export." + fmt + "?" + query());
}

async function fillFilterChoices() {
  const stats = await getJSON("api/stats");
  const country = $("filters").elements.country, type = $("filters").elements.event_type;
  for (const [name] of stats.by_country) if (name) country.append(el("option", { value: name }, name));
  for (const [name] of stats.by_event_type) type.append(el("option", { value: name, "data-type": name }, typeName(name)));
}

// ---- map ---------------------------------------------------------------------------------------------
function project(lon, lat) { return [(lon + 180) * Math.cos(PHI0) * 4, (90 - lat) * 4]; }
function unproject(x, y) { return [x / (Math.cos(PHI0) * 4) - 180, 90 - y / 4]; }
function homeView() {
  const [x0, y0] = project(HOME.lon0, HOME.lat1), [x1, y1] = project(HOME.lon1, HOME.lat0);
  const w = x1 - x0, h = w * MAP_H / MAP_W;
  return { x: x0, y: (y0 + y1) / 2 - h / 2, w, h };
}
function setView(v) {
  state.view = v;
  $("map").setAttribute("viewBox", [v.x, v.y, v.w, v.h].map((n) => n.toFixed(2)).join(" "));
  state.scale = v.w / MAP_W;
  const r = state.scale;
  for (const c of document.querySelectorAll("#events-layer circle")) c.setAttribute("r", (c.dataset.r * r).toFixed(3));
  $("map").style.setProperty("--stroke", (0.8 * r).toFixed(3));
}
function viewBBox() {
  const v = state.view, [w, n] = unproject(v.x, v.y), [e, s] = unproject(v.x + v.w, v.y + v.h);
  return [Math.max(-180, w), Math.max(-90, s), Math.min(180, e), Math.min(90, n)];
}
function zoom(factor, cx, cy) {
  const v = state.view;
  cx = cx === undefined ? v.x + v.w / 2 : cx; cy = cy === undefined ? v.y + v.h / 2 : cy;
  const w = Math.min(Math.max(v.w * factor, 8), 1440 * Math.cos(PHI0) * 1.2);
  const h = w * MAP_H / MAP_W, k = w / v.w;
  setView({ x: cx - (cx - v.x) * k, y: cy - (cy - v.y) * k, w, h });
}
// Rings to path data; a jump of more than 180° in longitude (the antimeridian) starts a new sub-path.
function pathData(geometry) {
  if (!geometry) return "";
  const polys = geometry.type === "Polygon" ? [geometry.coordinates]
    : geometry.type === "MultiPolygon" ? geometry.coordinates
      : geometry.type === "LineString" ? [[geometry.coordinates]]
        : geometry.type === "MultiLineString" ? [geometry.coordinates] : [];
  const closed = geometry.type.endsWith("Polygon");
  let d = "";
  for (const rings of polys) {
    for (const ring of rings) {
      let prev = null;
      for (const [lon, lat] of ring) {
        const [x, y] = project(lon, lat);
        d += (prev === null || Math.abs(lon - prev) > 180 ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
        prev = lon;
      }
      if (closed) d += "Z";
    }
  }
  return d;
}
async function drawBaseMap() {
  const map = $("map");
  map.append(svg("rect", { x: -10, y: -10, width: 3000, height: 1000, class: "sea" }));
  const base = svg("g", { id: "base" }), admin = svg("g", { id: "admin1" }), events = svg("g", { id: "events-layer" });
  map.append(base, admin, events);
  const world = await getJSON("geo/countries-50m.json");
  for (const f of topojson.feature(world, world.objects.countries).features) {
    if (f.id === "010") continue;  // Antarctica
    const p = svg("path", { d: pathData(f.geometry), class: "country" });
    const title = svg("title"); title.textContent = f.properties.name; p.append(title);
    base.append(p);
  }
  const admin1 = await getJSON("geo/admin1-mena.json");
  for (const topo of Object.values(admin1)) {
    const obj = Object.values(topo.objects)[0];
    admin.append(svg("path", { d: pathData(topojson.mesh(topo, obj, (a, b) => a !== b)), class: "admin1" }));
  }
  setView(homeView());
  let drag = null;
  map.addEventListener("pointerdown", (e) => {
    if (e.target.tagName === "circle") return;
    drag = { x: e.clientX, y: e.clientY, view: { ...state.view } };
    map.setPointerCapture(e.pointerId);
  });
  map.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const k = drag.view.w / map.clientWidth;
    setView({ ...drag.view, x: drag.view.x - (e.clientX - drag.x) * k, y: drag.view.y - (e.clientY - drag.y) * k });
  });
  map.addEventListener("pointerup", () => { drag = null; });
  map.addEventListener("wheel", (e) => {
    e.preventDefault();
    const rect = map.getBoundingClientRect(), v = state.view;
    zoom(e.deltaY > 0 ? 1.25 : 0.8, v.x + (e.clientX - rect.left) / rect.width * v.w,
      v.y + (e.clientY - rect.top) / rect.height * v.h);
  }, { passive: false });
  $("zoom-in").addEventListener("click", () => zoom(0.7));
  $("zoom-out").addEventListener("click", () => zoom(1.4));
  $("zoom-reset").addEventListener("click", () => setView(homeView()));
}
function drawEvents(items, total) {
  const layer = $("events-layer");
  clear(layer);
  // Largest first, so small events stay clickable on top of big ones.
  const placed = items.filter((e) => e.latitude !== null && e.longitude !== null)
    .sort((a, b) => b.fatalities - a.fatalities);
  for (const e of placed) {
    const [x, y] = project(e.longitude, e.latitude);
    const r = 3 + Math.min(Math.sqrt(e.fatalities || 0) * 1.6, 18);
    const c = svg("circle", { cx: x.toFixed(2), cy: y.toFixed(2), r: (r * state.scale).toFixed(3),
      fill: typeColor(e.event_type), class: "event-dot", "data-event-id": e.event_id });
    c.dataset.r = r;
    const title = svg("title");
    title.textContent = [e.event_date, typeName(e.event_type), e.location, e.fatalities + " †"].filter(Boolean).join(" · ");
    c.append(title);
    c.addEventListener("click", () => openEvent(e.event_id));
    layer.append(c);
  }
  $("map-note").textContent = t("map_note", { shown: number(placed.length), n: number(total) });
}
function drawLegend() {
  const box = $("legend");
  clear(box);
  for (const [type, info] of Object.entries(state.i18n.event_types)) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = info.color;
    box.append(el("span", { class: "legend-item" }, swatch, typeName(type)));
  }
}

// ---- timeline ----------------------------------------------------------------------------------------
function drawTimeline(byDay) {
  const box = $("timeline"), axis = $("timeline-axis");
  clear(box); clear(axis);
  if (!byDay.length) return;
  // Days, or months when the range is long, so bars stay readable.
  const first = new Date(byDay[0][0]), last = new Date(byDay[byDay.length - 1][0]);
  const monthly = (last - first) / 864e5 > 180;
  const bins = new Map();
  for (const [day, n] of byDay) {
    const key = monthly ? day.slice(0, 7) : day;
    bins.set(key, (bins.get(key) || 0) + n);
  }
  const keys = [...bins.keys()], max = Math.max(...bins.values());
  const w = 960 / keys.length;
  keys.forEach((k, i) => {
    const h = bins.get(k) / max * 130;
    const bar = svg("rect", { x: (i * w).toFixed(2), y: (140 - h).toFixed(2), width: Math.max(w - 1, 0.5).toFixed(2),
      height: h.toFixed(2), class: "bar" });
    const title = svg("title"); title.textContent = k + ": " + bins.get(k); bar.append(title);
    box.append(bar);
  });
  axis.append(el("span", {}, keys[0]), el("span", {}, t("events_total", { n: number(max) }) + " max"),
    el("span", {}, keys[keys.length - 1]));
}

// ---- table -------------------------------------------------------------------------------------------
function drawTableHead() {
  const head = $("events-head");
  clear(head);
  for (const [field, key] of COLUMNS) {
    const th = el("th", { scope: "col", "data-field": field }, t(key));
    if (SORTABLE.has(field)) {
      th.classList.add("sortable");
      if (state.sort.replace("-", "") === field) th.append(state.sort.startsWith("-") ? " ▼" : " ▲");
      th.addEventListener("click", () => {
        state.sort = state.sort === "-" + field ? field : "-" + field;
        state.offset = 0;
        loadTable();
      });
    }
    head.append(th);
  }
}
async function loadTable() {
  drawTableHead();
  const data = await getJSON("api/events?" + query({ limit: TABLE_PAGE, offset: state.offset, sort: state.sort, evidence: "false" }));
  state.total = data.total;
  const body = $("events-body");
  clear(body);
  if (!data.items.length) body.append(el("tr", {}, el("td", { colspan: COLUMNS.length }, t("no_events"))));
  for (const e of data.items) {
    const tr = el("tr", { "data-event-id": e.event_id, tabindex: "0" });
    for (const [field] of COLUMNS) {
      let v = e[field];
      if (field === "event_type") v = typeName(v);
      if (field === "confidence") v = v.toFixed(2);
      tr.append(el("td", { "data-field": field }, v === null || v === undefined ? "" : v));
    }
    tr.addEventListener("click", () => openEvent(e.event_id));
    tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") openEvent(e.event_id); });
    body.append(tr);
  }
  const from = data.total ? state.offset + 1 : 0, to = state.offset + data.items.length;
  $("page-info").textContent = t("page_info", { from: number(from), to: number(to), n: number(data.total) });
  $("prev").disabled = state.offset === 0;
  $("next").disabled = to >= data.total;
}

// ---- event view --------------------------------------------------------------------------------------
// The document's text with each evidence span marked and labelled; overlapping spans keep the first.
function highlightedText(text, evidence) {
  const box = el("div", { class: "doc-text", dir: "rtl", lang: "ar" });
  const spans = evidence.filter((e) => e.start >= 0 && e.end <= text.length && e.start < e.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let pos = 0;
  for (const e of spans) {
    if (e.start < pos) continue;
    box.append(document.createTextNode(text.slice(pos, e.start)));
    const kind = FIELD_KIND[e.field] || "other";
    const mark = el("mark", { class: "ev ev-" + kind, "data-field": e.field, "data-kind": kind },
      text.slice(e.start, e.end));
    mark.append(el("span", { class: "ev-label", "data-label-kind": kind }, t("label_" + kind)));
    box.append(mark);
    pos = e.end;
  }
  box.append(document.createTextNode(text.slice(pos)));
  return box;
}
function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (_) { return null; }
}
function renderEvent() {
  const e = state.current;
  if (!e) return;
  $("ev-title").textContent = [typeName(e.event_type), e.sub_event_type, e.event_date].filter(Boolean).join(" · ");
  const dl = $("ev-fields");
  clear(dl);
  for (const [key, value] of [["actor1", e.actor1], ["actor2", e.actor2], ["location", e.location],
    ["admin1", e.admin1], ["country", e.country], ["fatalities", e.fatalities],
    ["confidence", e.confidence.toFixed(2)], ["source", e.source], ["notes", e.notes]]) {
    if (value === null || value === "" || value === undefined) continue;
    dl.append(el("dt", {}, t(key)), el("dd", { "data-field": key }, value));
  }
  const legend = $("ev-legend");
  clear(legend);
  legend.append(t("evidence") + ": ");
  for (const kind of ["event", "actor", "place", "date", "fatalities"]) {
    legend.append(el("mark", { class: "ev ev-" + kind }, t("label_" + kind)), " ");
  }
  const docs = $("ev-documents");
  clear(docs);
  for (const d of e.documents) {
    const head = el("div", { class: "doc-head" });
    const href = d.url && safeHref(d.url);
    const title = d.title || d.doc_id;
    head.append(href ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank", dir: "auto" }, title)
      : el("strong", { dir: "auto" }, title));
    head.append(el("span", { class: "meta" }, [d.publisher, d.published].filter(Boolean).join(" · ")));
    const text = highlightedText(d.text, e.evidence.filter((x) => x.doc_id === d.doc_id));
    docs.append(el("article", { class: "doc", "data-doc-id": d.doc_id }, head, text));
  }
}
async function openEvent(eventId) {
  state.current = await getJSON("api/events/" + encodeURIComponent(eventId));
  renderEvent();
  $("event-view").hidden = false;
}

// ---- language ----------------------------------------------------------------------------------------
function applyLanguage() {
  const html = document.documentElement;
  html.lang = state.lang;
  html.dir = state.lang === "ar" ? "rtl" : "ltr";
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.setAttribute("placeholder", t(node.dataset.i18nPlaceholder));
  for (const opt of document.querySelectorAll("option[data-type]")) opt.textContent = typeName(opt.dataset.type);
  document.title = t("title");
  $("lang-toggle").textContent = t("lang_switch");
  drawLegend();
}
async function setLanguage(lang) {
  state.lang = lang;
  try { localStorage.setItem("marsad-lang", lang); } catch (_) { /* private mode */ }
  applyLanguage();
  renderEvent();
  await refresh(false);
}

// ---- loading -----------------------------------------------------------------------------------------
async function refresh(resetPage) {
  if (resetPage) state.offset = 0;
  updateExportLinks();
  try {
    const [mapData, stats] = await Promise.all([
      getJSON("api/events?" + query({ limit: MAP_LIMIT, evidence: "false", sort: "-fatalities" })),
      getJSON("api/stats?" + query()),
    ]);
    drawEvents(mapData.items, mapData.total);
    drawTimeline(stats.by_day);
    $("summary").textContent = t("events_total", { n: number(stats.total) });
    await loadTable();
    document.body.dataset.ready = "1";
  } catch (err) {
    $("summary").textContent = t("error", { message: err.message });
  }
}

async function main() {
  state.i18n = await getJSON("i18n.json");
  let saved = null;
  try { saved = localStorage.getItem("marsad-lang"); } catch (_) { /* private mode */ }
  state.lang = saved === "ar" || saved === "en" ? saved : "en";
  applyLanguage();
  await drawBaseMap();
  await fillFilterChoices();
  applyLanguage();
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); state.filters = readFilters(); refresh(true); });
  $("filters").addEventListener("reset", () => { setTimeout(() => { state.filters = {}; refresh(true); }, 0); });
  $("lang-toggle").addEventListener("click", () => setLanguage(state.lang === "ar" ? "en" : "ar"));
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - TABLE_PAGE); loadTable(); });
  $("next").addEventListener("click", () => { state.offset += TABLE_PAGE; loadTable(); });
  $("ev-close").addEventListener("click", () => { $("event-view").hidden = true; state.current = null; });
  await refresh(true);
}

document.addEventListener("DOMContentLoaded", main);
