// The timeline: event counts per day, week or month, stacked by type or by quad class. Dragging across
// it (or Shift+arrows then Enter) filters every other view to those dates; Escape clears the dates.

import { latestOnly, queryString } from "./api.js";
import { QUAD_COLORS, QUAD_LABELS, QUAD_ORDER, TYPE_ORDER, typeColor } from "./colors.js";
import { clear, el, formatCount, svg } from "./dom.js";

const DAY = 86400000;
const MARGIN = { left: 38, right: 10, top: 8, bottom: 20 };

function parseDay(text) {
  const [y, m, d] = text.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function periodEnd(start, bucket) {
  if (bucket === "day") return start + DAY;
  if (bucket === "week") return start + 7 * DAY;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

function periodLabel(ms, bucket) {
  const iso = isoDay(ms);
  if (bucket === "month") return iso.slice(0, 7);
  if (bucket === "week") return `week of ${iso}`;
  return iso;
}

export class Timeline {
  constructor(state, { onStatus }) {
    this.state = state;
    this.onStatus = onStatus;
    this.box = document.getElementById("timeline");
    this.legend = document.getElementById("timeline-legend");
    this.note = document.getElementById("timeline-note");
    this.focusNote = document.getElementById("timeline-focus");
    this.fetch = latestOnly();
    this.data = null;
    this.focus = null; // index of the period the keyboard is on
    this.anchor = null;
    this.box.addEventListener("keydown", (ev) => this.onKey(ev));
    window.addEventListener("resize", () => this.render());
  }

  async load() {
    const path = "/api/stats/timeline" + queryString(this.state.filters, { bucket: this.state.settings.bucket }, ["since", "until"]);
    this.box.classList.add("loading");
    try {
      const data = await this.fetch(path);
      if (!data) return;
      this.data = data;
      this.focus = null;
      this.anchor = null;
      this.render();
    } catch (error) {
      clear(this.box);
      this.box.append(el("p", { class: "empty", text: `Could not load the timeline: ${error.message}` }));
      this.onStatus(error.message, true);
    } finally {
      this.box.classList.remove("loading");
    }
  }

  seriesKeys() {
    const d = this.data;
    if (this.state.settings.stack === "quad_classes") return QUAD_ORDER.filter((q) => d.quad_classes[q].some((n) => n));
    return TYPE_ORDER.filter((t) => t in d.types).concat(Object.keys(d.types).filter((t) => !TYPE_ORDER.includes(t)));
  }

  color(key) {
    return this.state.settings.stack === "quad_classes" ? QUAD_COLORS[key] : typeColor(key);
  }

  render() {
    const d = this.data;
    if (!d) return;
    clear(this.box);
    this.note.textContent = `${d.bucket}s · ${formatCount(d.total - d.undated)} dated` +
      (d.undated ? ` · ${formatCount(d.undated)} without a date` : "");
    if (!d.periods.length) {
      this.box.append(el("p", { class: "empty", text: "No dated events match these filters." }));
      clear(this.legend);
      return;
    }
    const width = Math.max(this.box.clientWidth, 320);
    const height = this.box.clientHeight || 170;
    const starts = d.periods.map(parseDay);
    let x0 = starts[0];
    let x1 = periodEnd(starts[starts.length - 1], d.bucket);
    // Room for at least a dozen periods, so one busy day is a bar, not a wall.
    const minSpan = 12 * (periodEnd(x0, d.bucket) - x0);
    if (x1 - x0 < minSpan) {
      const pad = (minSpan - (x1 - x0)) / 2;
      x0 -= pad;
      x1 += pad;
    }
    const plotW = width - MARGIN.left - MARGIN.right;
    const plotH = height - MARGIN.top - MARGIN.bottom;
    const x = (ms) => MARGIN.left + ((ms - x0) / (x1 - x0)) * plotW;
    const source = this.state.settings.stack === "quad_classes" ? d.quad_classes : d.types;
    const keys = this.seriesKeys();
    const totals = starts.map((_, i) => keys.reduce((sum, k) => sum + source[k][i], 0));
    const maxTotal = Math.max(1, ...totals);
    const y = (n) => MARGIN.top + plotH - (n / maxTotal) * plotH;
    this.geometry = { x, starts, x0, x1, width, plotW };

    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `Timeline of ${formatCount(d.total - d.undated)} dated events by ${d.bucket}` });
    const axis = svg("g", { class: "axis" });
    for (const frac of [0, 0.5, 1]) {
      const n = Math.round(maxTotal * frac);
      axis.append(
        svg("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(n), y2: y(n) }),
        svg("text", { x: MARGIN.left - 4, y: y(n) + 3, "text-anchor": "end", text: formatCount(n) }),
      );
    }
    // Date labels left to right, each at least a label's width from the one before.
    const labelWidth = d.bucket === "month" ? 48 : 68;
    let lastLabel = -Infinity;
    for (const ms of starts) {
      const px = x(ms);
      if (px - lastLabel < labelWidth + 8 || px + labelWidth > width) continue;
      axis.append(svg("text", { x: px, y: height - 5, text: d.bucket === "month" ? isoDay(ms).slice(0, 7) : isoDay(ms) }));
      lastLabel = px;
    }
    root.append(axis);

    const since = this.state.filters.since ? parseDay(this.state.filters.since) : null;
    const until = this.state.filters.until ? parseDay(this.state.filters.until) : null;
    const bars = svg("g", { class: "bars" });
    starts.forEach((ms, i) => {
      const end = periodEnd(ms, d.bucket);
      const left = x(ms);
      const w = Math.max(1, x(end) - left - (x(end) - left > 4 ? 1 : 0));
      const outside = (since !== null && end <= since) || (until !== null && ms > until);
      const group = svg("g", { class: outside ? "tl-dim" : "", "data-period": d.periods[i] });
      let base = 0;
      for (const key of keys) {
        const n = source[key][i];
        if (!n) continue;
        const rect = svg("rect", { class: "tl-bar", x: left, width: w, y: y(base + n), height: y(base) - y(base + n), fill: this.color(key) });
        rect.append(svg("title", { text: `${periodLabel(ms, d.bucket)}: ${formatCount(n)} ${key.replace("_", " ")}` }));
        group.append(rect);
        base += n;
      }
      bars.append(group);
    });
    root.append(bars);

    if (since !== null || until !== null) {
      const left = since !== null ? Math.max(MARGIN.left, x(since)) : MARGIN.left;
      const right = until !== null ? Math.min(width - MARGIN.right, x(until + DAY)) : width - MARGIN.right;
      if (right > left) root.append(svg("rect", { class: "tl-brush", x: left, y: MARGIN.top, width: right - left, height: plotH, "pointer-events": "none" }));
    }
    if (this.focus !== null) {
      const lo = Math.min(this.focus, this.anchor ?? this.focus);
      const hi = Math.max(this.focus, this.anchor ?? this.focus);
      const left = x(starts[lo]);
      const right = x(periodEnd(starts[hi], d.bucket));
      root.append(svg("rect", { class: "tl-cursor", x: left, y: MARGIN.top, width: Math.max(2, right - left), height: plotH }));
    }
    this.brushLayer(root, MARGIN.top, plotH);
    this.box.append(root);
    this.renderLegend(keys);
  }

  brushLayer(root, top, plotH) {
    const { width } = this.geometry;
    const overlay = svg("rect", { x: MARGIN.left, y: top, width: width - MARGIN.left - MARGIN.right, height: plotH, fill: "transparent", class: "tl-overlay" });
    const live = svg("rect", { class: "tl-brush", x: 0, y: top, width: 0, height: plotH, visibility: "hidden", "pointer-events": "none" });
    let startX = null;
    const localX = (ev) => {
      const box = root.getBoundingClientRect();
      return ((ev.clientX - box.left) / box.width) * width;
    };
    overlay.addEventListener("pointerdown", (ev) => {
      startX = localX(ev);
      overlay.setPointerCapture(ev.pointerId);
      live.setAttribute("visibility", "visible");
      live.setAttribute("x", startX);
      live.setAttribute("width", 0);
    });
    overlay.addEventListener("pointermove", (ev) => {
      if (startX === null) return;
      const now = localX(ev);
      live.setAttribute("x", Math.min(startX, now));
      live.setAttribute("width", Math.abs(now - startX));
    });
    overlay.addEventListener("pointerup", (ev) => {
      if (startX === null) return;
      const endX = localX(ev);
      const a = Math.min(startX, endX);
      const b = Math.max(startX, endX);
      startX = null;
      live.setAttribute("visibility", "hidden");
      this.selectPixels(a, b);
    });
    root.append(overlay, live);
  }

  // Periods whose bars lie under [a, b] (a click picks the one period under it).
  selectPixels(a, b) {
    const { x, starts } = this.geometry;
    const bucket = this.data.bucket;
    if (b - a < 3) {
      const i = starts.findIndex((ms) => x(ms) <= a && a < x(periodEnd(ms, bucket)));
      if (i >= 0) this.applyRange(i, i);
      return;
    }
    const hits = starts.map((ms, i) => [i, x(ms), x(periodEnd(ms, bucket))]).filter(([, l, r]) => r > a && l < b);
    if (hits.length) this.applyRange(hits[0][0], hits[hits.length - 1][0]);
  }

  applyRange(lo, hi) {
    const { starts } = this.geometry;
    const since = isoDay(starts[lo]);
    const until = isoDay(periodEnd(starts[hi], this.data.bucket) - DAY);
    this.state.setFilters({ since, until });
  }

  onKey(ev) {
    if (!this.data || !this.data.periods.length) return;
    const last = this.data.periods.length - 1;
    const move = { ArrowLeft: -1, ArrowRight: 1, Home: -Infinity, End: Infinity }[ev.key];
    if (move !== undefined) {
      ev.preventDefault();
      const from = this.focus ?? (move > 0 ? -1 : last + 1);
      const to = Math.min(last, Math.max(0, move === Infinity ? last : move === -Infinity ? 0 : from + move));
      if (!ev.shiftKey || this.anchor === null) this.anchor = ev.shiftKey ? (this.focus ?? to) : to;
      this.focus = to;
      this.render();
      const lo = Math.min(this.anchor, this.focus);
      const hi = Math.max(this.anchor, this.focus);
      const sum = (i) => Object.values(this.data.types).reduce((s, arr) => s + arr[i], 0);
      let n = 0;
      for (let i = lo; i <= hi; i++) n += sum(i);
      const label = lo === hi ? this.data.periods[lo] : `${this.data.periods[lo]} to ${this.data.periods[hi]}`;
      this.focusNote.textContent = `${label}: ${formatCount(n)} events. Enter filters to these dates.`;
    } else if (ev.key === "Enter" && this.focus !== null) {
      ev.preventDefault();
      this.applyRange(Math.min(this.anchor, this.focus), Math.max(this.anchor, this.focus));
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      this.focus = null;
      this.anchor = null;
      this.focusNote.textContent = "";
      this.state.setFilters({ since: "", until: "" });
    }
  }

  renderLegend(keys) {
    clear(this.legend);
    const byType = this.state.settings.stack !== "quad_classes";
    for (const key of keys) {
      const swatch = el("span", { class: "key" });
      swatch.style.backgroundColor = this.color(key);
      const label = byType ? key : QUAD_LABELS[key];
      if (byType) {
        const active = this.state.filters.type === key;
        const button = el("button", { type: "button", class: "item", "aria-pressed": active ? "true" : "false", title: active ? "Show every type" : `Show only ${key}` }, swatch, label);
        button.addEventListener("click", () => this.state.setFilters({ type: active ? "" : key }));
        this.legend.append(button);
      } else {
        this.legend.append(el("span", { class: "item" }, swatch, label));
      }
    }
  }
}
