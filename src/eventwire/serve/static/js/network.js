// The actor network: countries (or named actors) as nodes, arrows from actor to recipient, coloured by the
// balance of cooperation and conflict, wider for more events, with arrowheads in proportion. Laid out by
// a small deterministic force simulation kept inside the frame (network-layout.js); labels never collide:
// the busiest nodes are labelled where there is room, the others on hover or focus. A click or Enter on a
// node filters by it; on an arrow, by that actor-to-recipient pair. The server sends only the heaviest
// pairs, and only parties (not bare phrases) as actors.

import { latestOnly, queryString } from "./api.js";
import { balanceClass, balanceColor } from "./colors.js";
import { clear, el, formatCount, svg } from "./dom.js";
import { forceLayout, hoverBox, placeLabels } from "./network-layout.js";

export const PAIR_KEYS = ["actor_country", "recipient_country", "actor_name", "recipient_name"];
export const PAIR_LIMITS = ["60", "150", "500"];
const FOCUSABLE = 100; // nodes and arrows reachable with Tab, busiest first
const LABEL_CHARS = 26;
const BOLD = 8; // the busiest nodes keep a label even where it must cover small circles

function short(text) {
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
}

// Taller for more nodes, so that 500 still leave room for the busiest labels.
function frameHeight(n) {
  if (n <= 40) return 330;
  if (n <= 150) return 470;
  return 620;
}

function radiusRange(n) {
  if (n <= 40) return [5, 16];
  if (n <= 150) return [3.5, 12];
  return [2.5, 9];
}

export class Network {
  constructor(state, { onStatus }) {
    this.state = state;
    this.onStatus = onStatus;
    this.box = document.getElementById("network");
    this.note = document.getElementById("network-note");
    this.fetch = latestOnly();
    this.data = null;
    this.width = 0;
    new ResizeObserver(() => {
      if (this.data && Math.abs(this.box.clientWidth - this.width) > 1) this.render();
    }).observe(this.box);
  }

  async load() {
    const limit = PAIR_LIMITS.includes(this.state.settings.edges) ? this.state.settings.edges : PAIR_LIMITS[0];
    // The view does not filter itself by the pair it selected: the other pairs stay in sight.
    const path = "/api/network" + queryString(this.state.filters, { node: this.state.settings.node, limit }, PAIR_KEYS);
    this.box.classList.add("loading");
    try {
      const data = await this.fetch(path);
      if (!data) return;
      this.data = data;
      this.render();
    } catch (error) {
      clear(this.box);
      this.box.append(el("p", { class: "empty", text: `Could not load the network: ${error.message}` }));
      this.onStatus(error.message, true);
    } finally {
      this.box.classList.remove("loading");
    }
  }

  byCountry() {
    return this.data.node === "country";
  }

  isActive(node) {
    const f = this.state.filters;
    return this.byCountry() ? f.country === node.id : f.actor === node.label;
  }

  isActivePair(source, target) {
    const f = this.state.filters;
    if (this.byCountry()) return f.actor_country === source.id && f.recipient_country === target.id;
    const same = (a, b) => Boolean(a) && a.toLowerCase() === b.toLowerCase();
    return same(f.actor_name, source.label) && same(f.recipient_name, target.label);
  }

  choose(node) {
    const key = this.byCountry() ? "country" : "actor";
    const value = key === "country" ? node.id : node.label;
    this.state.setFilters({ [key]: this.isActive(node) ? "" : value });
  }

  choosePair(source, target) {
    const changes = Object.fromEntries(PAIR_KEYS.map((k) => [k, ""]));
    if (!this.isActivePair(source, target)) {
      if (this.byCountry()) Object.assign(changes, { actor_country: source.id, recipient_country: target.id });
      else Object.assign(changes, { actor_name: source.label, recipient_name: target.label });
    }
    this.state.setFilters(changes);
  }

  nodeTitle(nd) {
    const code = !this.byCountry() ? [nd.country, nd.sector].filter(Boolean).join(" ") : "";
    return code ? `${nd.label} (${code})` : nd.label;
  }

  render() {
    const d = this.data;
    if (!d) return;
    clear(this.box);
    if (!d.edges.length) {
      this.box.style.height = "";
      if (this.note) this.note.textContent = "";
      this.box.append(el("p", { class: "empty", text: "No actor-to-recipient pairs match these filters." }));
      return;
    }
    const n = d.nodes.length;
    this.box.style.height = `${frameHeight(n)}px`;
    const width = Math.max(this.box.clientWidth, 300);
    const height = this.box.clientHeight || frameHeight(n);
    this.width = this.box.clientWidth;

    const index = new Map(d.nodes.map((nd, i) => [nd.id, i]));
    const edges = d.edges.filter((e) => index.has(e.source) && index.has(e.target));
    const maxNode = Math.max(1, ...d.nodes.map((nd) => nd.count));
    const maxEdge = Math.max(1, ...edges.map((e) => e.count));
    const [rMin, rMax] = radiusRange(n);
    const radii = d.nodes.map((nd) => rMin + (rMax - rMin) * Math.sqrt(nd.count / maxNode));
    const links = edges.map((e) => [index.get(e.source), index.get(e.target)]);
    const pos = forceLayout(radii, links, { width, height, iterations: n > 200 ? 200 : 300 });

    const root = svg("svg", {
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: "group",
      "aria-label": `Network of ${n} ${this.byCountry() ? "countries" : "actors"} and ${edges.length} directed pairs`,
    });
    this.box.append(root);
    const edgeLayer = svg("g", { class: "edges" });
    const nodeLayer = svg("g", { class: "nodes" });
    const labelLayer = svg("g", { class: "labels", "aria-hidden": "true" });
    const hoverLayer = svg("g", { class: "hover-label", "aria-hidden": "true" });
    root.append(edgeLayer, nodeLayer, labelLayer, hoverLayer);

    // Pairs in both directions bend apart; a lone pair bends only slightly.
    const pairs = new Set(edges.map((e) => `${e.source}\u0000${e.target}`));
    const arrows = [];
    const lines = [];
    const incident = d.nodes.map(() => []);
    edges.forEach((e, rank) => {
      const a = index.get(e.source);
      const b = index.get(e.target);
      const width_ = 0.8 + 4.2 * Math.sqrt(e.count / maxEdge);
      const both = pairs.has(`${e.target}\u0000${e.source}`);
      const geometry = edgeGeometry(pos[a], radii[a], pos[b], radii[b], width_, both ? 0.16 : 0.06);
      arrows.push(geometry.arrowBox);
      lines.push(...geometry.points);
      const source = d.nodes[a];
      const target = d.nodes[b];
      const kind = balanceClass(e.balance);
      const title = `${source.label} → ${target.label}: ${formatCount(e.count)} events, ${formatCount(e.cooperation)} cooperation, ${formatCount(e.conflict)} conflict` + (e.mean_score !== null ? `, mean PLOVER score ${e.mean_score}` : "");
      const active = this.isActivePair(source, target);
      const group = svg("g", {
        class: `link${active ? " active" : ""}`,
        role: "button",
        tabindex: rank < FOCUSABLE ? "0" : "-1",
        "aria-label": `${title}. Filter by this pair.`,
        "aria-pressed": active ? "true" : "false",
        "data-source": e.source,
        "data-target": e.target,
      });
      const color = balanceColor(e.balance);
      group.append(
        svg("path", { class: "hit", d: geometry.path }),
        svg("path", { class: `edge ${kind}`, d: geometry.path, "stroke-width": width_.toFixed(2), stroke: color, "data-balance": kind, "data-count": e.count }),
        svg("path", { class: `arrow ${kind}`, d: geometry.arrow, fill: color, "data-head": geometry.head.toFixed(2) }),
        svg("title", { text: title }),
      );
      group.addEventListener("click", () => this.choosePair(source, target));
      onEnter(group, () => this.choosePair(source, target));
      edgeLayer.append(group);
      incident[a].push({ group, other: b });
      incident[b].push({ group, other: a });
    });

    const groups = d.nodes.map((nd, i) => {
      const active = this.isActive(nd);
      const group = svg("g", {
        class: `node${active ? " active" : ""}`,
        tabindex: i < FOCUSABLE ? "0" : "-1",
        role: "button",
        "aria-label": `${this.nodeTitle(nd)}: ${formatCount(nd.count)} events on the shown pairs. Filter by it.`,
        "aria-pressed": active ? "true" : "false",
        "data-node": nd.id,
        "data-count": nd.count,
      });
      group.append(
        svg("circle", { cx: pos[i].x.toFixed(1), cy: pos[i].y.toFixed(1), r: radii[i].toFixed(1) }),
        svg("title", { text: `${this.nodeTitle(nd)}: ${formatCount(nd.count)} events` }),
      );
      group.addEventListener("click", () => this.choose(nd));
      onEnter(group, () => this.choose(nd));
      nodeLayer.append(group);
      return group;
    });

    // Measure every label once in place, then keep those that fit without touching another.
    const texts = d.nodes.map((nd) => svg("text", { class: "label", x: 0, y: 0, "data-node": nd.id, text: short(nd.label) }));
    labelLayer.append(...texts);
    const metrics = texts.map((t) => t.getBBox());
    const sizes = metrics.map((m) => ({ w: m.width + 2, h: m.height }));
    const order = d.nodes.map((_, i) => i).sort((i, j) => Number(this.isActive(d.nodes[j])) - Number(this.isActive(d.nodes[i])) || i - j);
    const boxes = placeLabels(pos, radii, sizes, arrows, { width, height, order, bold: BOLD, lines });
    let shown = 0;
    texts.forEach((t, i) => {
      const box = boxes[i];
      if (!box) {
        t.remove();
        return;
      }
      shown++;
      t.setAttribute("x", (box.x + 1 - metrics[i].x).toFixed(1));
      t.setAttribute("y", (box.y - metrics[i].y).toFixed(1));
    });
    if (this.note) {
      this.note.textContent = shown < n ? `${formatCount(shown)} of ${formatCount(n)} labelled; hover for the rest` : "";
    }

    const showHover = (i) => {
      clear(hoverLayer);
      root.classList.add("focusing");
      groups[i].classList.add("hl");
      for (const { group, other } of incident[i]) {
        group.classList.add("hl");
        groups[other].classList.add("near");
      }
      const text = svg("text", { class: "label", x: 0, y: 0, text: this.nodeTitle(d.nodes[i]) });
      hoverLayer.append(text);
      const m = text.getBBox();
      const box = hoverBox(pos[i], radii[i], m.width + 8, m.height + 4, width, height);
      hoverLayer.prepend(svg("rect", { x: box.x.toFixed(1), y: box.y.toFixed(1), width: box.w.toFixed(1), height: box.h.toFixed(1), rx: 3 }));
      text.setAttribute("x", (box.x + 4 - m.x).toFixed(1));
      text.setAttribute("y", (box.y + 2 - m.y).toFixed(1));
    };
    const hideHover = (i) => {
      clear(hoverLayer);
      root.classList.remove("focusing");
      groups[i].classList.remove("hl");
      for (const { group, other } of incident[i]) {
        group.classList.remove("hl");
        groups[other].classList.remove("near");
      }
    };
    groups.forEach((group, i) => {
      group.addEventListener("pointerenter", () => showHover(i));
      group.addEventListener("pointerleave", () => hideHover(i));
      group.addEventListener("focus", () => showHover(i));
      group.addEventListener("blur", () => hideHover(i));
    });
  }
}

function onEnter(target, action) {
  target.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      action();
    }
  });
}

// A quadratic curve from the source's rim to just before the target's rim, and an arrowhead whose tip
// touches the target's rim; the head grows with the stroke but stays small.
function edgeGeometry(a, ra, b, rb, strokeWidth, bend) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.max(Math.hypot(dx, dy), 1);
  const cx = (a.x + b.x) / 2 - dy * bend;
  const cy = (a.y + b.y) / 2 + dx * bend;
  const unit = (x, y) => {
    const l = Math.max(Math.hypot(x, y), 1e-6);
    return [x / l, y / l];
  };
  const [sx, sy] = unit(cx - a.x, cy - a.y);
  const [ex, ey] = unit(b.x - cx, b.y - cy);
  const head = Math.min(3.5 + 1.6 * strokeWidth, Math.max(3, len / 3));
  const half = head * 0.42 + strokeWidth * 0.15;
  const tip = { x: b.x - ex * (rb + 1), y: b.y - ey * (rb + 1) };
  const baseX = tip.x - ex * head;
  const baseY = tip.y - ey * head;
  const start = { x: a.x + sx * ra, y: a.y + sy * ra };
  const f = (v) => v.toFixed(1);
  const corners = [
    [tip.x, tip.y],
    [baseX - ey * half, baseY + ex * half],
    [baseX + ey * half, baseY - ex * half],
  ];
  const points = [];
  for (let t = 0.1; t < 0.95; t += 0.1) {
    const u = 1 - t;
    points.push({ x: u * u * start.x + 2 * u * t * cx + t * t * baseX, y: u * u * start.y + 2 * u * t * cy + t * t * baseY });
  }
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return {
    path: `M${f(start.x)},${f(start.y)} Q${f(cx)},${f(cy)} ${f(baseX + ex * 0.5)},${f(baseY + ey * 0.5)}`,
    head,
    points,
    arrow: `M${corners.map((c) => `${f(c[0])},${f(c[1])}`).join(" L")} Z`,
    arrowBox: { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) },
  };
}
