/* The dashboard: pages routed by the URL fragment (#/events?source=RUS ...), each drawn from
   the JSON API of the same server. Every value from the store is written with textContent or
   setAttribute — never as HTML — and only http(s) URLs become links. */
"use strict";

const view = document.getElementById("view");
const QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict",
                    4: "Material conflict"};
const QUAD_COLORS = {1: "#7fbf7b", 2: "#1b7837", 3: "#f4a582", 4: "#b2182b"};
const FILTERS = [
  ["source", "Source", "RUS, RUSGOV, name"], ["target", "Target", "UKR"],
  ["type", "Type", "CONSULT"], ["cameo", "CAMEO", "04"], ["modality", "Modality", ""],
  ["since", "Since", "YYYY-MM-DD"], ["until", "Until", "YYYY-MM-DD"],
  ["country", "Location country", "MLI"], ["bbox", "Area", "min_lon,min_lat,max_lon,max_lat"],
  ["q", "Text", "word"]];
const MODALITIES = ["", "asserted", "intended", "historical", "hypothetical"];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "onclick" || k === "onsubmit" || k === "onchange") node.addEventListener(k.slice(2), v);
    else if (k === "href") node.setAttribute("href", safeHref(v));
    else node.setAttribute(k, String(v));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/* Links inside the dashboard (#...), to the API (/v1/...) or to http(s) pages only. */
function safeHref(url) {
  const text = String(url);
  if (text.startsWith("#") || text.startsWith("/v1/") || text === "/openapi.json") return text;
  try {
    const parsed = new URL(text);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") return parsed.href;
  } catch (e) { /* not a URL */ }
  return "#";
}

function externalLink(url) {
  const href = safeHref(url || "");
  return href === "#" ? el("span", {class: "muted"}, url || "no URL")
                      : el("a", {href, rel: "noopener noreferrer nofollow", target: "_blank"}, url);
}

class ApiError extends Error {}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) query.set(k, v);
  const url = path + (query.toString() ? "?" + query : "");
  const response = await fetch(url, {headers: {Accept: "application/json"}});
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const e = body && body.error;
    throw new ApiError(e ? `${e.message} (${e.code}, HTTP ${e.status})` : `HTTP ${response.status}`);
  }
  return body;
}

function hashParams() {
  const hash = location.hash.slice(1) || "/";
  const [path, query] = hash.split("?");
  return {parts: path.split("/").filter(Boolean).map(decodeURIComponent),
          params: Object.fromEntries(new URLSearchParams(query || ""))};
}

function go(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) query.set(k, v);
  location.hash = path + (query.toString() ? "?" + query : "");
}

function actors(names, codes) {
  if (!codes || !codes.length) return "–";
  return codes.map((c, i) => `${(names && names[i]) || c} (${c || "?"})`).join(" + ");
}

function quadTag(q) {
  return el("span", {class: "tag", style: null, "data-quad": q, title: QUAD_NAMES[q] || ""},
            QUAD_NAMES[q] || "?");
}

function colorTags(root) {
  for (const tag of root.querySelectorAll("[data-quad]")) tag.style.background = QUAD_COLORS[tag.dataset.quad] || "#999";
}

function legend() {
  return el("div", {class: "legend"}, Charts.QUADS.map((q, i) =>
    el("span", {}, el("span", {class: `swatch q${i + 1}`}), q.label)));
}

function showError(error) {
  view.prepend(el("div", {class: "error", role: "alert"}, error.message || String(error)));
}

function periodEnd(start, by) {
  const d = new Date(start + "T00:00:00Z");
  if (by === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (by === "week") d.setUTCDate(d.getUTCDate() + 7);
  else if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/* Every period from the first row's to the last row's, empty ones included, so the time axis
   is even. */
function fillPeriods(rows, by) {
  if (!rows.length) return rows;
  const byPeriod = new Map(rows.map(r => [r.period, r]));
  const out = [];
  const last = rows[rows.length - 1].period;
  for (let p = rows[0].period; p <= last && out.length < 5000;) {
    out.push(byPeriod.get(p) || {period: p, events: 0});
    const next = new Date(periodEnd(p, by) + "T00:00:00Z");
    next.setUTCDate(next.getUTCDate() + 1);
    p = next.toISOString().slice(0, 10);
  }
  return out;
}

function spanDays(first, last) {
  if (!first || !last) return 0;
  return (new Date(last) - new Date(first)) / 86400000;
}

/* ---------------------------------------------------------------- overview */
async function overview() {
  const stats = await api("/v1/stats");
  const days = spanDays(stats.first_date, stats.last_date);
  const by = days > 730 ? "month" : days > 120 ? "week" : "day";
  const [series, network, top] = await Promise.all([
    api("/v1/series", {by}), api("/v1/network", {top: 12}), api("/v1/actors", {top: 12})]);
  view.replaceChildren(
    el("h1", {}, "Overview"),
    el("div", {class: "stats"},
       [["Events", stats.events], ["Articles", stats.articles], ["Mentions", stats.mentions],
        ["Actors", stats.actors], ["From", stats.first_date || "–"], ["To", stats.last_date || "–"]]
         .map(([label, value]) => el("div", {class: "stat"},
           el("b", {}, typeof value === "number" ? value.toLocaleString("en") : value), label))),
    el("div", {class: "card", id: "timeline"},
       el("h2", {}, `Events per ${by}, by quad class`), legend(),
       el("p", {class: "muted"}, "Click a bar for its events.")),
    el("div", {class: "grid"},
       el("div", {class: "card", id: "top-dyads"}, el("h2", {}, "Top dyads (source → target)")),
       el("div", {class: "card", id: "top-actors"}, el("h2", {}, "Top actors"))));
  Charts.stackedBars(document.getElementById("timeline"), fillPeriods(series.series, by), {
    onClick: row => go("/events", {since: row.period, until: periodEnd(row.period, by)})});
  const table = el("table", {class: "data"},
    el("thead", {}, el("tr", {}, ["Source", "Target", "Events", "Coop.", "Conflict", "Goldstein"]
      .map(h => el("th", {}, h)))),
    el("tbody", {}, network.edges.map(e => el("tr", {class: "clickable",
        onclick: () => go(`/dyad/${encodeURIComponent(e.source)}/${encodeURIComponent(e.target)}`)},
      el("td", {}, `${e.source_name || e.source} (${e.source})`),
      el("td", {}, `${e.target_name || e.target} (${e.target})`),
      el("td", {class: "num"}, e.events), el("td", {class: "num"}, e.cooperation),
      el("td", {class: "num"}, e.conflict), el("td", {class: "num"}, e.goldstein_mean)))));
  document.getElementById("top-dyads").appendChild(table);
  Charts.barList(document.getElementById("top-actors"), top.actors.map(a => ({
    label: `${a.name || a.code} (${a.code})`, value: a.num_events, code: a.code,
    title: `${a.code}: ${a.num_events} events, ${a.as_source} as source, ${a.as_target} as target`})),
    {onClick: item => go("/events", {source: item.code})});
}

/* ---------------------------------------------------------------- events explorer */
function filterForm(params, extra) {
  const form = el("form", {class: "filters card"});
  for (const [name, label, hint] of FILTERS) {
    let input;
    if (name === "modality") {
      input = el("select", {name}, MODALITIES.map(m => el("option", {value: m}, m || "any")));
    } else {
      input = el("input", {name, placeholder: hint, type: name === "since" || name === "until" ? "date" : "text"});
    }
    input.value = params[name] || "";
    form.appendChild(el("label", {}, label, input));
  }
  for (const node of extra || []) form.appendChild(node);
  form.appendChild(el("button", {type: "submit"}, "Apply"));
  form.appendChild(el("button", {type: "button", class: "secondary", onclick: () => {
    for (const input of form.querySelectorAll("input, select")) input.value = "";
  }}, "Clear"));
  return form;
}

function formValues(form) {
  return Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => v !== ""));
}

const SORTABLE = {event_date: "Date", goldstein: "Goldstein", num_mentions: "Mentions"};

function eventsTable(rows, sort, onSort) {
  const head = [["event_date", "Date"], [null, "Source"], [null, "Event"], [null, "Target"],
                ["goldstein", "Goldstein"], ["num_mentions", "Mentions"], [null, "Where"],
                [null, "Sentence"]];
  const table = el("table", {class: "data", id: "events-table"},
    el("thead", {}, el("tr", {}, head.map(([key, label]) => {
      if (!key || !onSort) return el("th", {}, label);
      const arrow = sort === key ? " ▲" : sort === "-" + key ? " ▼" : "";
      return el("th", {class: "sortable", "data-sort": key, onclick: () =>
        onSort(sort === key ? "-" + key : key)}, label + arrow);
    }))),
    el("tbody", {}, rows.map(r => el("tr", {class: "clickable", "data-id": r.id,
        onclick: () => go(`/event/${encodeURIComponent(r.id)}`)},
      el("td", {}, r.event_date || "undated"),
      el("td", {}, actors(r.source_names, r.source_codes)),
      el("td", {}, el("b", {}, r.event || "statement"), ` ${r.cameo} `, quadTag(r.quad_class),
         r.modality && r.modality !== "asserted" ? el("div", {class: "muted"}, r.modality) : null),
      el("td", {}, actors(r.target_names, r.target_codes)),
      el("td", {class: "num"}, r.goldstein),
      el("td", {class: "num"}, r.num_mentions),
      el("td", {}, r.location_name ? `${r.location_name} (${r.location_country || "?"})` : "–"),
      el("td", {class: "sentence"}, r.sentence)))));
  colorTags(table);
  return table;
}

async function eventsPage(params) {
  const sort = params.sort || "-event_date";
  const form = filterForm(params, [el("input", {type: "hidden", name: "sort", value: sort})]);
  form.addEventListener("submit", e => { e.preventDefault(); go("/events", formValues(form)); });
  const {sort: _s, cursor, ...filters} = params;
  const page = await api("/v1/events", Object.assign({}, filters, {sort, cursor, limit: 50}));
  const csv = new URLSearchParams(Object.assign({}, filters, {sort, format: "csv", limit: 100000}));
  for (const [k, v] of [...csv.entries()]) if (v === "") csv.delete(k);
  const pager = el("div", {class: "pager"},
    el("button", {class: "secondary", type: "button", disabled: !cursor,
                  onclick: () => go("/events", Object.assign({}, filters, {sort}))}, "« First page"),
    el("button", {class: "secondary", type: "button", id: "next-page", disabled: !page.next_cursor,
                  onclick: () => go("/events", Object.assign({}, filters, {sort, cursor: page.next_cursor}))},
       "Next page »"),
    el("span", {class: "muted"}, `${page.count} events on this page`),
    el("a", {class: "button secondary", id: "csv", href: "/v1/events?" + csv, download: "events.csv"},
       "Download CSV (up to 100,000)"));
  view.replaceChildren(el("h1", {}, "Events"), form, pager,
    page.events.length ? eventsTable(page.events, sort, s => go("/events", Object.assign({}, filters, {sort: s})))
                       : el("p", {class: "muted"}, "No events match these filters."));
}

/* ---------------------------------------------------------------- one event */
async function eventPage(id) {
  const e = await api(`/v1/events/${encodeURIComponent(id)}`);
  const facts = [
    ["Event", `${e.event || "statement"} (CAMEO ${e.cameo})`],
    ["Quad class", quadTag(e.quad_class)], ["Goldstein", e.goldstein],
    ["Source", actors(e.source_names, e.source_codes)],
    ["Target", actors(e.target_names, e.target_codes)],
    ["Date", `${e.event_date || "undated"} (seen ${e.first_seen || "?"} .. ${e.last_seen || "?"})`],
    ["Modality", `${e.modality}${e.negated ? ", negated" : ""}`],
    ["Where", e.location_name ? `${e.location_name}, ${e.location_country || "?"} ` +
                                `(${e.location_precision || "?"})` : "–"],
    ["Mentions", `${e.num_mentions} in ${e.num_articles} articles from ${e.num_sources} sources`],
    ["Tone", e.tone === null || e.tone === undefined ? "–" : e.tone],
    ["Confidence", e.confidence]];
  const page = el("div", {},
    el("h1", {}, `${e.event || "Statement"}: ${actors(e.source_names, e.source_codes)} → ` +
                 actors(e.target_names, e.target_codes)),
    el("div", {class: "two-col"},
      el("div", {class: "card"}, el("h2", {}, "Mentions (click for the article and its evidence)"),
        el("ul", {class: "mentions"}, e.mentions.map(m => el("li", {},
          el("a", {href: `#/article/${encodeURIComponent(m.article_id)}?mention=${encodeURIComponent(m.id)}`,
                   class: "mention-link"}, m.title || m.doc_id || m.article_id),
          el("span", {class: "muted"}, ` · ${m.outlet || "?"} · ${m.published || "undated"}`),
          el("div", {}, `“${m.sentence}”`),
          (m.numbers || []).length ? el("div", {class: "numbers"}, (m.numbers || []).map(n =>
            `${n.type}: ${n.qualifier ? n.qualifier + " " : ""}${n.value}${n.unit ? " " + n.unit : ""}`
          ).join(" · ")) : null,
          el("div", {class: "muted"}, `trigger “${m.trigger}”, CAMEO ${m.cameo}, ` +
                                      `confidence ${m.confidence}`))))),
      el("div", {class: "card"}, el("h2", {}, "Event"),
        el("dl", {class: "facts"}, facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])))));
  colorTags(page);
  view.replaceChildren(page);
}

/* ---------------------------------------------------------------- article with evidence */
const SPAN_ORDER = ["trigger", "source", "target", "place", "number"];

function highlighted(text, spans, selected) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(s.start, text.length)));
                           cuts.add(Math.max(0, Math.min(s.end, text.length))); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el("div", {class: "article-text", id: "article-text"});
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter(s => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) { out.appendChild(document.createTextNode(piece)); continue; }
    covering.sort((x, y) => (x.mention_id === selected ? -1 : 0) - (y.mention_id === selected ? -1 : 0)
                            || SPAN_ORDER.indexOf(x.kind) - SPAN_ORDER.indexOf(y.kind));
    const top = covering[0];
    const chosen = covering.some(s => s.mention_id === selected);
    out.appendChild(el("mark", {class: `${top.kind}${chosen ? " selected" : ""}`,
      "data-kind": top.kind, "data-event": top.event_id, "data-mention": top.mention_id,
      title: covering.map(s => `${s.kind}: ${s.label}`).join("\n"),
      onclick: () => top.event_id && go(`/event/${encodeURIComponent(top.event_id)}`)}, piece));
  }
  return out;
}

async function articlePage(id, params) {
  const a = await api(`/v1/articles/${encodeURIComponent(id)}`);
  const selected = params.mention || null;
  const kinds = [["source", "source actor"], ["trigger", "event trigger"], ["target", "target actor"],
                 ["place", "place"], ["number", "number"]];
  const page = el("div", {},
    el("h1", {id: "article-title"}, a.title || a.doc_id || a.id),
    el("p", {class: "muted"}, `${a.outlet || "unknown outlet"} · ${a.published || "undated"} · `,
       externalLink(a.url)),
    el("div", {class: "legend"}, kinds.map(([k, label]) => el("span", {}, el("mark", {class: k}, label)))),
    el("div", {class: "two-col"},
      highlighted(a.text, a.spans, selected),
      el("div", {class: "card"}, el("h2", {}, `${a.mentions.length} coded events`),
        el("ul", {class: "mentions"}, a.mentions.map(m => el("li", {class: m.id === selected ? "selected" : null},
          el("a", {href: `#/event/${encodeURIComponent(m.event_id)}`}, `${m.event || "statement"} ${m.cameo}`),
          " ", quadTag(m.quad_class),
          el("div", {class: "muted"}, `sentence ${m.sentence_index}: “${m.sentence}”`)))))));
  colorTags(page);
  view.replaceChildren(page);
  const mark = view.querySelector("mark.selected");
  if (mark) mark.scrollIntoView({block: "center"});
}

/* ---------------------------------------------------------------- dyad */
async function dyadPage(parts, params) {
  const [a, b] = [parts[1] || params.a || "", parts[2] || params.b || ""];
  const by = params.by || "month";
  const form = el("form", {class: "filters card"},
    el("label", {}, "Actor A", el("input", {name: "a", value: a, placeholder: "RUS"})),
    el("label", {}, "Actor B", el("input", {name: "b", value: b, placeholder: "UKR"})),
    el("label", {}, "Per", el("select", {name: "by"}, ["day", "week", "month", "year"].map(p =>
      el("option", {value: p, selected: p === by ? "selected" : null}, p)))),
    el("button", {type: "submit"}, "Show"));
  form.addEventListener("submit", e => {
    e.preventDefault();
    const v = formValues(form);
    go(`/dyad/${encodeURIComponent(v.a || "")}/${encodeURIComponent(v.b || "")}`, {by: v.by});
  });
  view.replaceChildren(el("h1", {}, "Dyad"), form);
  if (!a || !b) {
    view.appendChild(el("p", {class: "muted"}, "Choose two actors: a country (RUS), a code prefix (RUSGOV) or a name."));
    return;
  }
  const data = await api(`/v1/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/series`, {by});
  const ab = `${a.toUpperCase()}->${b.toUpperCase()}`, ba = `${b.toUpperCase()}->${a.toUpperCase()}`;
  const periods = fillPeriods([...new Set(data.series.map(r => r.period))].sort()
    .map(period => ({period})), by).map(r => r.period);
  const series = [{name: ab, color: "#2b6cb0", rows: data.series.filter(r => r.direction === ab)},
                  {name: ba, color: "#dd6b20", rows: data.series.filter(r => r.direction === ba)}];
  const behind = el("div", {class: "card", id: "dyad-events"},
                    el("p", {class: "muted"}, "Click a point for the events behind it."));
  const show = async (s, row) => {
    const [src, tgt] = s.name.split("->");
    const page = await api("/v1/events", {source: src, target: tgt, since: row.period,
                                          until: periodEnd(row.period, by), limit: 100});
    behind.replaceChildren(el("h2", {}, `${s.name}, ${by} of ${row.period}: ${row.events} events`),
                           eventsTable(page.events, null, null));
  };
  const legendLine = el("div", {class: "legend"}, series.map(s =>
    el("span", {}, el("span", {class: "swatch", "data-color": s.color}), s.name)));
  for (const sw of legendLine.querySelectorAll("[data-color]")) sw.style.background = sw.dataset.color;
  const goldCard = el("div", {class: "card", id: "dyad-goldstein"},
                      el("h2", {}, `Mean Goldstein per ${by}, both directions`), legendLine);
  const countCard = el("div", {class: "card", id: "dyad-counts"},
                       el("h2", {}, `Events per ${by}, both directions`));
  view.append(goldCard, countCard, behind);
  if (!data.series.length) {
    goldCard.appendChild(el("p", {class: "muted"}, "No events between these actors."));
    return;
  }
  Charts.lineChart(goldCard, series, periods, "goldstein_mean", {symmetric: true, onClick: show});
  Charts.lineChart(countCard, series, periods, "events", {onClick: show});
}

/* ---------------------------------------------------------------- map */
let worldTopology = null;

/* "min_lon,min_lat,max_lon,max_lat" as four numbers, or null. */
function parseBbox(text) {
  const box = String(text || "").split(",").map(Number);
  return box.length === 4 && box.every(Number.isFinite) ? box : null;
}

/* A drawn box in degrees as a bbox filter, widened outwards to two decimals. */
function bboxText([minLon, minLat, maxLon, maxLat]) {
  const down = v => (Math.floor(v * 100) / 100).toFixed(2), up = v => (Math.ceil(v * 100) / 100).toFixed(2);
  return [down(minLon), down(minLat), up(maxLon), up(maxLat)].join(",");
}

async function mapPage(params) {
  const form = filterForm(params);
  form.addEventListener("submit", e => { e.preventDefault(); go("/map", formValues(form)); });
  view.replaceChildren(el("h1", {}, "Map"), form);
  const [places, world, inArea] = await Promise.all([
    api("/v1/locations", params),
    worldTopology ? Promise.resolve(worldTopology)
                  : fetch("/static/vendor/world-atlas-countries-110m.json").then(r => r.json()),
    params.bbox ? api("/v1/events", Object.assign({}, params, {limit: 50})) : null]);
  worldTopology = world;
  let map = null;
  const tool = (id, label, title, onclick) =>
    el("button", {type: "button", class: "secondary", id, title, "aria-label": title, onclick}, label);
  const select = tool("map-select", "Select area", "Drag a rectangle on the map to keep only " +
                      "the events inside it", () => {
    const on = select.getAttribute("aria-pressed") !== "true";
    select.setAttribute("aria-pressed", String(on));
    map.selecting(on);
  });
  select.setAttribute("aria-pressed", "false");
  const card = el("div", {class: "card", id: "map"},
    el("h2", {}, `${places.places.length} places · ${places.unplaced_events} events without a place`),
    el("p", {class: "muted"}, "Circle size: events; colour: green cooperation … red conflict. " +
                              "Click a place for its events; wheel or +/− to zoom, drag to pan."),
    el("div", {class: "map-tools"},
      tool("map-zoom-in", "+", "Zoom in", () => map.zoomBy(2)),
      tool("map-zoom-out", "−", "Zoom out", () => map.zoomBy(0.5)),
      tool("map-reset", "Reset view", "Show the whole world", () => map.reset()),
      select,
      params.bbox ? tool("map-clear-area", "Whole world", "Drop the area filter", () =>
        go("/map", Object.assign({}, params, {bbox: ""}))) : null));
  view.appendChild(card);
  map = Charts.worldMap(card, world, places.places, {
    bbox: parseBbox(params.bbox),
    onClick: p => go("/events", Object.assign({}, params, {
      bbox: [p.lon - 0.01, p.lat - 0.01, p.lon + 0.01, p.lat + 0.01].map(v => v.toFixed(4)).join(",")})),
    onSelect: box => {
      form.elements.bbox.value = bboxText(box);
      go("/map", formValues(form));
    }});
  if (inArea) {
    view.appendChild(el("div", {class: "card", id: "map-events"},
      el("h2", {}, `Events in the area ${params.bbox}: ${inArea.count}` +
                   (inArea.next_cursor ? " (the first page)" : "")),
      el("p", {}, el("a", {href: "#/events?" + new URLSearchParams(params)}, "Open them in the events view")),
      inArea.events.length ? eventsTable(inArea.events, null, null)
                           : el("p", {class: "muted"}, "No events in this area.")));
  }
}

/* ---------------------------------------------------------------- network */
async function networkPage(params) {
  const form = filterForm(params, [
    el("label", {}, "Min. events", el("input", {name: "min_events", type: "number", min: 1,
                                                value: params.min_events || ""})),
    el("label", {}, "Edges", el("input", {name: "top", type: "number", min: 1, max: 2000,
                                          value: params.top || ""}))]);
  form.addEventListener("submit", e => { e.preventDefault(); go("/network", formValues(form)); });
  view.replaceChildren(el("h1", {}, "Network"), form);
  const graph = await api("/v1/network", Object.assign({top: 60}, params));
  const card = el("div", {class: "card", id: "network"},
    el("h2", {}, `${graph.nodes.length} actors, ${graph.edges.length} directed edges (heaviest first)`),
    el("p", {class: "muted"}, "Edge width: events; colour: green cooperation … red conflict. Click an edge for its events, a node for its dyads."));
  view.appendChild(card);
  Charts.networkChart(card, graph, {
    onEdge: e => go("/events", Object.assign({}, params, {source: e.source, target: e.target,
                                                          min_events: "", top: ""})),
    onNode: n => go("/events", {source: n.id})});
}

/* ---------------------------------------------------------------- router */
async function route() {
  const {parts, params} = hashParams();
  const page = parts[0] || "overview";
  for (const a of document.querySelectorAll("#nav a")) a.classList.toggle("active", a.dataset.page === page ||
    (page === "event" || page === "article") && a.dataset.page === "events");
  view.replaceChildren(el("p", {class: "muted"}, "Loading…"));
  try {
    if (page === "overview") await overview();
    else if (page === "events") await eventsPage(params);
    else if (page === "event") await eventPage(parts[1]);
    else if (page === "article") await articlePage(parts[1], params);
    else if (page === "dyad") await dyadPage(parts, params);
    else if (page === "map") await mapPage(params);
    else if (page === "network") await networkPage(params);
    else view.replaceChildren(el("p", {}, "No such page."));
    document.body.dataset.loaded = page;
  } catch (error) {
    showError(error);
    document.body.dataset.loaded = page;
  }
}

async function storeInfo() {
  try {
    const s = await api("/v1/stats");
    document.getElementById("store-info").textContent =
      `${s.events.toLocaleString()} events · ${s.articles.toLocaleString()} articles`;
  } catch (error) { /* the page itself reports errors */ }
}

window.addEventListener("hashchange", () => { delete document.body.dataset.loaded; route(); });
route();
storeInfo();
