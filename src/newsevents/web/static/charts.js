/* Charts in plain SVG: stacked bars, lines, horizontal bars, a world map and a force-laid
   network. Data only ever reaches the page as text nodes and attribute values, never as
   markup. */
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const QUADS = [
  {key: "verbal_cooperation", label: "Verbal cooperation", color: "#7fbf7b"},
  {key: "material_cooperation", label: "Material cooperation", color: "#1b7837"},
  {key: "verbal_conflict", label: "Verbal conflict", color: "#f4a582"},
  {key: "material_conflict", label: "Material conflict", color: "#b2182b"},
];

function chartSvg(width, height, label) {
  return svgEl("svg", {viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img",
                       "aria-label": label, preserveAspectRatio: "xMidYMid meet"});
}

function svgEl(tag, attrs, parent) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

function svgText(parent, x, y, text, attrs) {
  const node = svgEl("text", Object.assign({x, y}, attrs || {}), parent);
  node.textContent = text;
  return node;
}

function titled(node, text) {
  const t = svgEl("title", {}, node);
  t.textContent = text;
  return node;
}

function niceMax(value) {
  if (value <= 0) return 1;
  const step = Math.pow(10, Math.floor(Math.log10(value)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= value) return m * step;
  return 10 * step;
}

function yAxis(g, x, top, height, max, format) {
  const axis = svgEl("g", {class: "axis"}, g);
  for (let i = 0; i <= 4; i++) {
    const v = max * i / 4, y = top + height - height * i / 4;
    svgEl("line", {x1: x, x2: x + 4, y1: y, y2: y}, axis);
    const label = format ? format(v) : Number.isInteger(v) ? String(v) : v.toFixed(1);
    svgText(axis, x - 3, y + 3, label, {"text-anchor": "end"});
  }
}

function xLabels(g, items, xOf, y, label) {
  const axis = svgEl("g", {class: "axis"}, g);
  const every = Math.max(1, Math.ceil(items.length / 10));
  items.forEach((item, i) => {
    if (i % every) return;
    svgText(axis, xOf(i), y, label(item), {"text-anchor": "middle"});
  });
}

/* Bars per period stacked by quad class; onClick(row) on a bar. */
function stackedBars(container, rows, {width = 1000, height = 260, onClick} = {}) {
  const svg = chartSvg(width, height, "events per period by quad class");
  const left = 48, top = 10, bottom = 24, plotW = width - left - 10, plotH = height - top - bottom;
  const max = niceMax(Math.max(1, ...rows.map(r => r.events)));
  yAxis(svg, left - 6, top, plotH, max);
  const bw = plotW / Math.max(rows.length, 1);
  rows.forEach((row, i) => {
    let y = top + plotH;
    const g = svgEl("g", {class: "bar", "data-period": row.period}, svg);
    for (const q of QUADS) {
      const h = plotH * (row[q.key] || 0) / max;
      if (h <= 0) continue;
      y -= h;
      svgEl("rect", {x: left + i * bw, y, width: Math.max(bw - (bw > 4 ? 1 : 0), 0.5), height: h,
                     fill: q.color}, g);
    }
    titled(g, `${row.period}: ${row.events} events (` +
      QUADS.map(q => `${row[q.key] || 0} ${q.label.toLowerCase()}`).join(", ") + ")");
    if (onClick) g.addEventListener("click", () => onClick(row));
  });
  xLabels(svg, rows, i => left + (i + 0.5) * bw, height - 6, r => String(r.period));
  container.appendChild(svg);
  return svg;
}

/* Lines of `key` per period, one per series: {name, color, rows}; onClick(series, row). */
function lineChart(container, series, periods, key, {width = 1000, height = 240, onClick,
                                                    symmetric = false} = {}) {
  const svg = chartSvg(width, height, `${key} per period`);
  const left = 48, top = 10, bottom = 24, plotW = width - left - 10, plotH = height - top - bottom;
  const values = series.flatMap(s => s.rows.map(r => r[key] || 0));
  let max = niceMax(Math.max(1, ...values.map(Math.abs)));
  let min = symmetric ? -max : 0;
  if (!symmetric) max = niceMax(Math.max(1, ...values));
  const yOf = v => top + plotH * (max - v) / (max - min);
  const xOf = i => left + plotW * (periods.length > 1 ? i / (periods.length - 1) : 0.5);
  const axis = svgEl("g", {class: "axis"}, svg);
  for (let i = 0; i <= 4; i++) {
    const v = min + (max - min) * i / 4;
    svgEl("line", {x1: left, x2: width - 10, y1: yOf(v), y2: yOf(v),
                   stroke: v === 0 ? "#8895a2" : "#edf1f5"}, axis);
    svgText(axis, left - 6, yOf(v) + 3, (Math.round(v * 10) / 10).toString(),
            {"text-anchor": "end"});
  }
  const index = new Map(periods.map((p, i) => [p, i]));
  for (const s of series) {
    const pts = s.rows.map(r => [xOf(index.get(r.period)), yOf(r[key] || 0), r]);
    if (pts.length > 1) {
      svgEl("polyline", {points: pts.map(p => `${p[0]},${p[1]}`).join(" "), fill: "none",
                         stroke: s.color, "stroke-width": 2}, svg);
    }
    for (const [x, y, r] of pts) {
      const c = svgEl("circle", {cx: x, cy: y, r: 4, fill: s.color, class: "point",
                                 "data-period": r.period, "data-series": s.name}, svg);
      titled(c, `${s.name} ${r.period}: ${key.replace("_", " ")} ${r[key]} (${r.events} events)`);
      if (onClick) c.addEventListener("click", () => onClick(s, r));
    }
  }
  xLabels(svg, periods, xOf, height - 6, p => String(p));
  container.appendChild(svg);
  return svg;
}

/* Horizontal bars: items {label, value, title?}; onClick(item). */
function barList(container, items, {width = 560, color = "#2b6cb0", onClick} = {}) {
  const rowH = 22, labelW = 250, height = items.length * rowH + 4;
  const svg = chartSvg(width, height, "ranking");
  const max = Math.max(1, ...items.map(i => i.value));
  items.forEach((item, i) => {
    const g = svgEl("g", {class: "bar", "data-label": item.label}, svg);
    svgText(g, labelW - 6, i * rowH + 15, item.label.length > 34 ? item.label.slice(0, 33) + "…"
            : item.label, {"text-anchor": "end", "font-size": 12});
    const w = (width - labelW - 60) * item.value / max;
    svgEl("rect", {x: labelW, y: i * rowH + 4, width: Math.max(w, 1), height: rowH - 8,
                   fill: item.color || color, rx: 2}, g);
    svgText(g, labelW + w + 5, i * rowH + 15, String(item.value), {"font-size": 11,
                                                                  fill: "#6b7785"});
    titled(g, item.title || `${item.label}: ${item.value}`);
    if (onClick) g.addEventListener("click", () => onClick(item));
  });
  container.appendChild(svg);
  return svg;
}

/* Conflict share 0..1 as a colour from green (cooperation) to red (conflict). */
function toneColor(conflictShare) {
  const c = [[27, 120, 55], [200, 200, 200], [178, 24, 43]];
  const t = Math.min(Math.max(conflictShare, 0), 1) * 2;
  const [a, b] = t < 1 ? [c[0], c[1]] : [c[1], c[2]];
  const f = t < 1 ? t : t - 1;
  return `rgb(${a.map((v, i) => Math.round(v + (b[i] - v) * f)).join(",")})`;
}

/* TopoJSON (quantized, delta-encoded arcs) to rings of [lon, lat]. */
function topoRings(topology, objectName) {
  const tf = topology.transform;
  const arcs = topology.arcs.map(arc => {
    let x = 0, y = 0;
    return arc.map(p => {
      if (!tf) return p;
      x += p[0]; y += p[1];
      return [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]];
    });
  });
  const ring = ids => ids.reduce((pts, id) => {
    const a = id < 0 ? arcs[~id].slice().reverse() : arcs[id];
    return pts.concat(pts.length ? a.slice(1) : a);
  }, []);
  const shapes = [];
  for (const geo of topology.objects[objectName].geometries) {
    const polys = geo.type === "Polygon" ? [geo.arcs] : geo.type === "MultiPolygon" ? geo.arcs : [];
    shapes.push({name: geo.properties && geo.properties.name, rings: polys.flatMap(p => p.map(ring))});
  }
  return shapes;
}

/* Pan and zoom of `layer` inside a chart of width x height: wheel (around the pointer) and
   drag. The map always covers the chart. onChange(k) after each change, so the caller can
   keep strokes and circles the same size on screen. A drag does not end in a click. */
function panZoom(svg, layer, width, height, {maxZoom = 32, onChange} = {}) {
  const view = {k: 1, x: 0, y: 0};
  const toChart = (clientX, clientY) => new DOMPoint(clientX, clientY)
    .matrixTransform(svg.getScreenCTM().inverse());
  const apply = () => {
    view.x = Math.min(0, Math.max(width * (1 - view.k), view.x));
    view.y = Math.min(0, Math.max(height * (1 - view.k), view.y));
    layer.setAttribute("transform", `translate(${view.x.toFixed(2)} ${view.y.toFixed(2)}) ` +
                                    `scale(${view.k.toFixed(4)})`);
    if (onChange) onChange(view.k);
  };
  const zoomAt = (factor, cx, cy) => {
    const k = Math.min(maxZoom, Math.max(1, view.k * factor));
    view.x = cx - (cx - view.x) * k / view.k;
    view.y = cy - (cy - view.y) * k / view.k;
    view.k = k;
    apply();
  };
  svg.addEventListener("wheel", event => {
    event.preventDefault();
    const p = toChart(event.clientX, event.clientY);
    zoomAt(Math.exp(-event.deltaY * 0.002), p.x, p.y);
  }, {passive: false});
  let suppressClick = false;
  svg.addEventListener("click", event => {
    if (suppressClick) { event.stopPropagation(); suppressClick = false; }
  }, true);
  const controls = {
    view,
    /* While set, a drag belongs to someone else (the area selection), not to panning. */
    dragHandler: null,
    zoomBy: factor => zoomAt(factor, width / 2, height / 2),
    reset: () => { Object.assign(view, {k: 1, x: 0, y: 0}); apply(); },
    /* Show the rectangle x0..x1, y0..y1 of the layer's own coordinates, with a margin. */
    fit: (x0, y0, x1, y1) => {
      view.k = Math.min(maxZoom, Math.max(1, 0.6 * Math.min(width / Math.max(x1 - x0, 1e-6),
                                                            height / Math.max(y1 - y0, 1e-6))));
      view.x = width / 2 - view.k * (x0 + x1) / 2;
      view.y = height / 2 - view.k * (y0 + y1) / 2;
      apply();
    },
  };
  svg.addEventListener("pointerdown", event => {
    if (event.button !== 0) return;
    event.preventDefault();
    const start = toChart(event.clientX, event.clientY);
    const origin = {x: view.x, y: view.y};
    const handler = controls.dragHandler;
    let moved = false;
    const move = e => {
      const p = toChart(e.clientX, e.clientY);
      moved = moved || Math.hypot(p.x - start.x, p.y - start.y) > 3;
      if (!moved) return;
      if (handler) { handler.move(start, p); return; }
      view.x = origin.x + p.x - start.x;
      view.y = origin.y + p.y - start.y;
      apply();
    };
    const up = e => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      if (!moved) return;
      suppressClick = true;
      setTimeout(() => { suppressClick = false; }, 0);
      if (handler) handler.end(start, toChart(e.clientX, e.clientY));
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  });
  apply();
  return controls;
}

/* A world map (equirectangular, 85°N..58°S) with places as circles sized by events, zoomed
   with the wheel and panned by dragging. `bbox` [min_lon, min_lat, max_lon, max_lat] is
   outlined and fitted into view; onSelect(bbox) gets the box a person draws while
   map.selecting(true). Returns {svg, zoomBy(factor), reset(), selecting(on)}. */
function worldMap(container, topology, places, {width = 1000, onClick, onSelect, bbox} = {}) {
  const north = 85, south = -58, height = Math.round(width * (north - south) / 360);
  const x = lon => (lon + 180) / 360 * width, y = lat => (north - lat) / (north - south) * height;
  const lon = px => px / width * 360 - 180, lat = py => north - py / height * (north - south);
  const svg = chartSvg(width, height, "map of events");
  svgEl("rect", {x: 0, y: 0, width, height, fill: "#f0f6fb"}, svg);
  const layer = svgEl("g", {class: "viewport"}, svg);
  const land = svgEl("g", {class: "land"}, layer);
  for (const shape of topoRings(topology, "countries")) {
    // A ring that jumps across the antimeridian is drawn in pieces, not across the map.
    const d = shape.rings.map(r => r.map((p, i) =>
      (i === 0 || Math.abs(p[0] - r[i - 1][0]) > 180 ? "M" : "L") +
      `${x(p[0]).toFixed(2)},${y(Math.max(p[1], south)).toFixed(2)}`).join("")).join("");
    titled(svgEl("path", {d, class: "country"}, land), shape.name || "");
  }
  const area = bbox ? svgEl("rect", {class: "bbox", x: x(bbox[0]), y: y(bbox[3]),
                                     width: x(bbox[2]) - x(bbox[0]),
                                     height: y(bbox[1]) - y(bbox[3])}, layer) : null;
  const max = Math.max(1, ...places.map(p => p.events));
  const circles = places.slice().sort((a, b) => b.events - a.events).map(p => {
    const radius = 3 + 17 * Math.sqrt(p.events / max);
    const c = svgEl("circle", {cx: x(p.lon), cy: y(p.lat), r: radius,
                               fill: toneColor(p.conflict / Math.max(p.events, 1)),
                               "fill-opacity": 0.75, stroke: "#fff", class: "place",
                               "data-name": p.name || ""}, layer);
    titled(c, `${p.name || "?"} (${p.country || "?"}): ${p.events} events, ` +
              `${p.cooperation} cooperation, ${p.conflict} conflict`);
    if (onClick) c.addEventListener("click", () => onClick(p));
    return [c, radius];
  });
  // Zooming scales the layer; strokes and circles shrink by as much, so they stay crisp and
  // the same size on screen while the outlines grow.
  const zoom = panZoom(svg, layer, width, height, {onChange: k => {
    land.setAttribute("stroke-width", (0.5 / k).toFixed(4));
    if (area) area.setAttribute("stroke-width", (2 / k).toFixed(4));
    for (const [c, radius] of circles) {
      c.setAttribute("r", (radius / k).toFixed(3));
      c.setAttribute("stroke-width", (1 / k).toFixed(4));
    }
  }});
  if (bbox) zoom.fit(x(bbox[0]), y(bbox[3]), x(bbox[2]), y(bbox[1]));
  const selection = svgEl("rect", {class: "selection", visibility: "hidden"}, svg);
  const corners = (a, b) => {
    const [x0, x1] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
    const [y0, y1] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
    return {x0, y0, x1, y1};
  };
  const drawBox = {
    move: (a, b) => {
      const c = corners(a, b);
      for (const [k, v] of Object.entries({x: c.x0, y: c.y0, width: c.x1 - c.x0,
                                           height: c.y1 - c.y0})) selection.setAttribute(k, v);
      selection.setAttribute("visibility", "visible");
    },
    end: (a, b) => {
      selection.setAttribute("visibility", "hidden");
      // From the chart's coordinates through the zoom to the map's, then to degrees.
      const c = corners(a, b), v = zoom.view;
      const mapX = px => (px - v.x) / v.k, mapY = py => (py - v.y) / v.k;
      const clamp = (value, limit) => Math.min(limit, Math.max(-limit, value));
      if (onSelect) onSelect([clamp(lon(mapX(c.x0)), 180), clamp(lat(mapY(c.y1)), 90),
                              clamp(lon(mapX(c.x1)), 180), clamp(lat(mapY(c.y0)), 90)]);
    },
  };
  container.appendChild(svg);
  return {
    svg, zoomBy: zoom.zoomBy, reset: zoom.reset,
    selecting: on => {
      zoom.dragHandler = on ? drawBox : null;
      svg.classList.toggle("selecting", on);
    },
  };
}

/* Nodes and directed weighted edges, laid out by a deterministic force simulation. */
function networkChart(container, graph, {width = 1000, height = 620, onEdge, onNode} = {}) {
  const nodes = graph.nodes.map((n, i) => Object.assign({}, n, {
    x: width / 2 + Math.cos(2 * Math.PI * i / graph.nodes.length) * width / 3,
    y: height / 2 + Math.sin(2 * Math.PI * i / graph.nodes.length) * height / 3}));
  const byId = new Map(nodes.map(n => [n.id, n]));
  const edges = graph.edges.filter(e => byId.has(e.source) && byId.has(e.target));
  const k = Math.sqrt(width * height / Math.max(nodes.length, 1)) * 0.9;
  for (let step = 0, temp = width / 8; step < 300; step++, temp *= 0.985) {
    for (const n of nodes) { n.dx = 0; n.dy = 0; }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        if (Math.hypot(dx, dy) < 0.01) { dx = Math.cos(i + j); dy = Math.sin(i + j); }  // coincident
        const d = Math.max(Math.hypot(dx, dy), 0.01);
        if (d > 2 * k) continue;  // far apart: no push, so separate groups stay near the middle
        const f = k * k / d;
        dx /= d; dy /= d;
        a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
    }
    for (const e of edges) {
      const a = byId.get(e.source), b = byId.get(e.target);
      const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(Math.hypot(dx, dy), 0.01), f = d * d / k;
      a.dx -= dx / d * f; a.dy -= dy / d * f; b.dx += dx / d * f; b.dy += dy / d * f;
    }
    for (const n of nodes) {
      n.dx += (width / 2 - n.x) * 0.005 * k; n.dy += (height / 2 - n.y) * 0.005 * k;
      const d = Math.max(Math.hypot(n.dx, n.dy), 0.01), m = Math.min(d, temp);
      n.x = Math.min(width - 40, Math.max(40, n.x + n.dx / d * m));
      n.y = Math.min(height - 20, Math.max(20, n.y + n.dy / d * m));
    }
  }
  const svg = chartSvg(width, height, "network of actors");
  const defs = svgEl("defs", {}, svg);
  const marker = svgEl("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
                                  markerWidth: 9, markerHeight: 9, orient: "auto",
                                  markerUnits: "userSpaceOnUse"}, defs);
  svgEl("path", {d: "M0,0L10,5L0,10Z", fill: "#8895a2"}, marker);
  const maxW = Math.max(1, ...edges.map(e => e.events));
  const maxN = Math.max(1, ...nodes.map(n => n.events));
  const radius = n => 5 + 14 * Math.sqrt(n.events / maxN);
  for (const e of edges) {
    const a = byId.get(e.source), b = byId.get(e.target);
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.hypot(dx, dy), 0.01);
    // Curved, so the two directions of a dyad are told apart.
    const mx = (a.x + b.x) / 2 - dy / d * 18, my = (a.y + b.y) / 2 + dx / d * 18;
    const rb = radius(b) + 2, toB = Math.max(Math.hypot(b.x - mx, b.y - my), 0.01);
    const ex = b.x - (b.x - mx) / toB * rb, ey = b.y - (b.y - my) / toB * rb;
    const path = svgEl("path", {d: `M${a.x},${a.y}Q${mx},${my} ${ex},${ey}`, fill: "none",
      stroke: toneColor(e.conflict / Math.max(e.cooperation + e.conflict, 1)),
      "stroke-width": 1 + 7 * e.events / maxW, "stroke-opacity": 0.7, class: "edge",
      "marker-end": "url(#arrow)", "data-source": e.source, "data-target": e.target}, svg);
    titled(path, `${e.source} → ${e.target}: ${e.events} events, ${e.cooperation} cooperation,` +
                 ` ${e.conflict} conflict, mean Goldstein ${e.goldstein_mean}`);
    if (onEdge) path.addEventListener("click", () => onEdge(e));
  }
  for (const n of nodes) {
    const g = svgEl("g", {class: "node", "data-id": n.id}, svg);
    const c = svgEl("circle", {cx: n.x, cy: n.y, r: radius(n),
      fill: toneColor(n.conflict / Math.max(n.cooperation + n.conflict, 1)), stroke: "#fff",
      "stroke-width": 1.5}, g);
    titled(c, `${n.name || n.id} (${n.id}): ${n.events} events`);
    svgText(g, n.x, n.y - radius(n) - 3, n.id, {"text-anchor": "middle"});
    if (onNode) c.addEventListener("click", () => onNode(n));
  }
  container.appendChild(svg);
  return svg;
}

window.Charts = {QUADS, stackedBars, lineChart, barList, worldMap, networkChart, toneColor};
