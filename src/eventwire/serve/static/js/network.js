// The actor network: countries (or named actors) as nodes, arrows from actor to recipient, coloured by the
// balance of cooperation and conflict, thicker for more events. Laid out by a small deterministic force
// simulation (the server sends only the heaviest edges). A click or Enter on a node filters by it.

import { latestOnly, queryString } from "./api.js";
import { balanceClass, balanceColor } from "./colors.js";
import { clear, el, formatCount, svg } from "./dom.js";

const ITERATIONS = 250;
const PAD = { left: 14, right: 90, top: 14, bottom: 14 }; // room for labels on the right

// Fruchterman-Reingold from a fixed start (nodes on a circle, busiest first), then scaled to fill the box.
function layout(nodes, edges, width, height) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    return { x: Math.cos(angle), y: Math.sin(angle) };
  });
  if (n === 1) return [{ x: width / 2, y: height / 2 }];
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined);
  const k = Math.sqrt(4 / n);
  for (let step = 0; step < ITERATIONS; step++) {
    const temperature = 0.1 * (1 - step / ITERATIONS) + 0.002;
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x || 1e-4 * (i - j);
        const dy = pos[i].y - pos[j].y || 1e-4;
        const d = Math.max(Math.hypot(dx, dy), 1e-3);
        const force = (k * k) / d;
        disp[i].x += (dx / d) * force;
        disp[i].y += (dy / d) * force;
        disp[j].x -= (dx / d) * force;
        disp[j].y -= (dy / d) * force;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const d = Math.max(Math.hypot(dx, dy), 1e-3);
      const force = (d * d) / k;
      disp[a].x -= (dx / d) * force;
      disp[a].y -= (dy / d) * force;
      disp[b].x += (dx / d) * force;
      disp[b].y += (dy / d) * force;
    }
    for (let i = 0; i < n; i++) {
      // Gravity keeps unconnected pairs from drifting off.
      disp[i].x -= pos[i].x * 0.6 * k;
      disp[i].y -= pos[i].y * 0.6 * k;
      const d = Math.max(Math.hypot(disp[i].x, disp[i].y), 1e-9);
      const move = Math.min(d, temperature);
      pos[i].x += (disp[i].x / d) * move;
      pos[i].y += (disp[i].y / d) * move;
    }
  }
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const w = width - PAD.left - PAD.right;
  const h = height - PAD.top - PAD.bottom;
  return pos.map((p) => ({ x: PAD.left + ((p.x - minX) / spanX) * w, y: PAD.top + ((p.y - minY) / spanY) * h }));
}

export class Network {
  constructor(state, { onStatus }) {
    this.state = state;
    this.onStatus = onStatus;
    this.box = document.getElementById("network");
    this.fetch = latestOnly();
    this.data = null;
    window.addEventListener("resize", () => this.render());
  }

  async load() {
    const path = "/api/network" + queryString(this.state.filters, { node: this.state.settings.node, limit: 60 });
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

  isActive(node) {
    const f = this.state.filters;
    return this.data.node === "country" ? f.country === node.id : f.actor === node.label;
  }

  choose(node) {
    const key = this.data.node === "country" ? "country" : "actor";
    const value = key === "country" ? node.id : node.label;
    this.state.setFilters({ [key]: this.isActive(node) ? "" : value });
  }

  render() {
    const d = this.data;
    if (!d) return;
    clear(this.box);
    if (!d.edges.length) {
      this.box.append(el("p", { class: "empty", text: "No actor-to-recipient pairs match these filters." }));
      return;
    }
    const width = Math.max(this.box.clientWidth, 300);
    const height = this.box.clientHeight || 330;
    const pos = layout(d.nodes, d.edges, width, height);
    const at = new Map(d.nodes.map((node, i) => [node.id, pos[i]]));
    const maxEdge = Math.max(1, ...d.edges.map((e) => e.count));
    const maxNode = Math.max(1, ...d.nodes.map((nd) => nd.count));
    const radius = (nd) => 5 + 11 * Math.sqrt(nd.count / maxNode);
    const nodeById = new Map(d.nodes.map((nd) => [nd.id, nd]));

    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "group", "aria-label": `Network of ${d.nodes.length} ${d.node === "country" ? "countries" : "actors"} and ${d.edges.length} directed pairs` });
    const defs = svg("defs");
    for (const kind of ["coop", "mixed", "conflict"]) {
      const marker = svg("marker", { id: `arrow-${kind}`, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "5", markerHeight: "5", orient: "auto-start-reverse" });
      marker.append(svg("path", { d: "M0,0 L10,5 L0,10 z", class: `arrow-${kind}`, fill: kind === "coop" ? "#2e7d32" : kind === "conflict" ? "#c62828" : "#9e9e9e" }));
      defs.append(marker);
    }
    root.append(defs);

    const edgeLayer = svg("g", { class: "edges" });
    for (const e of d.edges) {
      const a = at.get(e.source);
      const b = at.get(e.target);
      if (!a || !b) continue;
      const kind = balanceClass(e.balance);
      // A slight curve keeps A->B and B->A apart.
      const mx = (a.x + b.x) / 2;
      const my = (a.y + b.y) / 2;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len = Math.max(Math.hypot(dx, dy), 1);
      const cx = mx - (dy / len) * len * 0.12;
      const cy = my + (dx / len) * len * 0.12;
      const rb = radius(nodeById.get(e.target)) + 2;
      const tx = b.x - ((b.x - cx) / Math.max(Math.hypot(b.x - cx, b.y - cy), 1)) * rb;
      const ty = b.y - ((b.y - cy) / Math.max(Math.hypot(b.x - cx, b.y - cy), 1)) * rb;
      const path = svg("path", {
        class: `edge ${kind}`,
        d: `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`,
        "stroke-width": (1 + 5 * Math.sqrt(e.count / maxEdge)).toFixed(2),
        stroke: balanceColor(e.balance),
        "marker-end": `url(#arrow-${kind})`,
        "data-source": e.source,
        "data-target": e.target,
        "data-balance": kind,
      });
      const src = nodeById.get(e.source).label;
      const dst = nodeById.get(e.target).label;
      path.append(svg("title", { text: `${src} → ${dst}: ${formatCount(e.count)} events, ${formatCount(e.cooperation)} cooperation, ${formatCount(e.conflict)} conflict` + (e.mean_score !== null ? `, mean PLOVER score ${e.mean_score}` : "") }));
      edgeLayer.append(path);
    }
    root.append(edgeLayer);

    const nodeLayer = svg("g", { class: "nodes" });
    d.nodes.forEach((nd, i) => {
      const p = pos[i];
      const label = `${nd.label}${d.node === "actor" && nd.country ? ` (${[nd.country, nd.sector].filter(Boolean).join(" ")})` : ""}`;
      const group = svg("g", {
        class: `node${this.isActive(nd) ? " active" : ""}`,
        tabindex: "0",
        role: "button",
        "aria-label": `${label}: ${formatCount(nd.count)} events on the shown pairs`,
        "data-node": nd.id,
      });
      group.append(
        svg("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: radius(nd).toFixed(1) }),
        svg("text", { x: (p.x + radius(nd) + 3).toFixed(1), y: (p.y + 4).toFixed(1), text: nd.label.length > 28 ? nd.label.slice(0, 27) + "…" : nd.label }),
        svg("title", { text: `${label}: ${formatCount(nd.count)} events` }),
      );
      group.addEventListener("click", () => this.choose(nd));
      group.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          this.choose(nd);
        }
      });
      nodeLayer.append(group);
    });
    root.append(nodeLayer);
    this.box.append(root);
  }
}
