// The map: country outlines shipped with the package (Natural Earth 1:110m) in a plain longitude/latitude
// projection, one marker per place sized by its events and coloured by their cooperation/conflict balance.
// A click (or Enter on a focused marker) filters every view to that place; zoom with the wheel or buttons,
// pan by dragging.

import { latestOnly, queryString } from "./api.js";
import { balanceColor } from "./colors.js";
import { clear, formatCount, svg } from "./dom.js";

const TOP = 84; // latitudes shown: 84N to 58S (Antarctica left out)
const BOTTOM = -58;
const WORLD = { x: 0, y: 0, w: 360, h: TOP - BOTTOM };
const FOCUSABLE = 100; // markers reachable with Tab, busiest first

const project = (lon, lat) => [lon + 180, TOP - lat];

function ringPath(ring) {
  let out = "";
  ring.forEach(([lon, lat], i) => {
    const [px, py] = project(lon, lat);
    out += `${i ? "L" : "M"}${px.toFixed(2)},${py.toFixed(2)}`;
  });
  return `${out}Z`;
}

function geometryPath(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map(ringPath).join("")).join("");
}

export class PlaceMap {
  constructor(state, { onStatus }) {
    this.state = state;
    this.onStatus = onStatus;
    this.box = document.getElementById("map");
    this.note = document.getElementById("map-note");
    this.fetch = latestOnly();
    this.view = { ...WORLD };
    this.places = [];
    this.root = null;
    this.markers = null;
    this.ready = this.drawBase();
    document.getElementById("map-zoom-in").addEventListener("click", () => this.zoom(0.6));
    document.getElementById("map-zoom-out").addEventListener("click", () => this.zoom(1 / 0.6));
    document.getElementById("map-reset").addEventListener("click", () => this.setView({ ...WORLD }));
    window.addEventListener("resize", () => this.sizeMarkers());
  }

  async drawBase() {
    const root = svg("svg", { viewBox: this.viewBox(), preserveAspectRatio: "xMidYMid meet", role: "group", "aria-label": "World map of event places" });
    const base = svg("g", { class: "base", "aria-hidden": "true" });
    for (let lon = -150; lon <= 150; lon += 30) {
      base.append(svg("line", { class: "graticule", x1: lon + 180, x2: lon + 180, y1: 0, y2: WORLD.h }));
    }
    for (let lat = -30; lat <= 60; lat += 30) {
      base.append(svg("line", { class: "graticule", x1: 0, x2: 360, y1: TOP - lat, y2: TOP - lat }));
    }
    try {
      const response = await fetch("/static/world/countries-110m.geojson");
      const world = await response.json();
      for (const feature of world.features) {
        const path = svg("path", { class: "country", d: geometryPath(feature.geometry) });
        path.append(svg("title", { text: feature.properties.name || "" }));
        base.append(path);
      }
    } catch (error) {
      this.onStatus(`Could not load the base map: ${error.message}`, true);
    }
    this.markers = svg("g", { class: "markers" });
    root.append(base, this.markers);
    this.root = root;
    this.enablePanZoom(root);
    clear(this.box);
    this.box.append(root);
  }

  viewBox() {
    const v = this.view;
    return `${v.x} ${v.y} ${v.w} ${v.h}`;
  }

  setView(view) {
    const w = Math.min(WORLD.w, Math.max(4, view.w));
    const h = (w / WORLD.w) * WORLD.h;
    const x = Math.min(WORLD.w - w, Math.max(0, view.x + (view.w - w) / 2));
    const y = Math.min(WORLD.h - h, Math.max(0, view.y + (view.h - h) / 2));
    this.view = { x, y, w, h };
    if (this.root) this.root.setAttribute("viewBox", this.viewBox());
    this.sizeMarkers();
  }

  zoom(factor, cx, cy) {
    const v = this.view;
    const px = cx ?? v.x + v.w / 2;
    const py = cy ?? v.y + v.h / 2;
    const w = Math.min(WORLD.w, Math.max(4, v.w * factor));
    const h = (w / WORLD.w) * WORLD.h;
    const x = px - ((px - v.x) / v.w) * w;
    const y = py - ((py - v.y) / v.h) * h;
    this.view = { x: Math.min(WORLD.w - w, Math.max(0, x)), y: Math.min(WORLD.h - h, Math.max(0, y)), w, h };
    this.root.setAttribute("viewBox", this.viewBox());
    this.sizeMarkers();
  }

  // Screen pixels to map units, for the current view and element size.
  unitsPerPixel() {
    const box = this.root ? this.root.getBoundingClientRect() : null;
    if (!box || !box.width) return this.view.w / 600;
    return Math.max(this.view.w / box.width, this.view.h / box.height);
  }

  enablePanZoom(root) {
    root.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const box = root.getBoundingClientRect();
      const k = this.unitsPerPixel();
      const cx = this.view.x + (ev.clientX - box.left - (box.width - this.view.w / k) / 2) * k;
      const cy = this.view.y + (ev.clientY - box.top - (box.height - this.view.h / k) / 2) * k;
      this.zoom(ev.deltaY < 0 ? 0.8 : 1.25, cx, cy);
    }, { passive: false });
    let drag = null;
    root.addEventListener("pointerdown", (ev) => {
      if (ev.target.classList.contains("marker")) return;
      drag = { x: ev.clientX, y: ev.clientY, view: { ...this.view } };
      root.setPointerCapture(ev.pointerId);
    });
    root.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const k = this.unitsPerPixel();
      const v = drag.view;
      const x = Math.min(WORLD.w - v.w, Math.max(0, v.x - (ev.clientX - drag.x) * k));
      const y = Math.min(WORLD.h - v.h, Math.max(0, v.y - (ev.clientY - drag.y) * k));
      this.view = { ...v, x, y };
      root.setAttribute("viewBox", this.viewBox());
    });
    root.addEventListener("pointerup", () => {
      drag = null;
    });
  }

  async load() {
    await this.ready;
    const path = "/api/places" + queryString(this.state.filters, { limit: 1000 }, ["place", "geonames_id"]);
    this.box.classList.add("loading");
    try {
      const data = await this.fetch(path);
      if (!data) return;
      this.places = data.items;
      const shown = data.items.reduce((s, p) => s + p.count, 0);
      this.note.textContent = `${formatCount(data.items.length)} places · ${formatCount(shown)} events placed` +
        (data.unplaced ? ` · ${formatCount(data.unplaced)} without a place` : "");
      this.drawMarkers();
    } catch (error) {
      this.note.textContent = `Could not load places: ${error.message}`;
      this.onStatus(error.message, true);
    } finally {
      this.box.classList.remove("loading");
    }
  }

  isActive(place) {
    const f = this.state.filters;
    if (f.geonames_id) return String(place.geonames_id) === f.geonames_id;
    return Boolean(f.place) && (place.name || "").toLowerCase() === f.place.toLowerCase();
  }

  nameFor(geonamesId) {
    const hit = this.places.find((p) => String(p.geonames_id) === String(geonamesId));
    return hit ? hit.name : null;
  }

  choose(place) {
    if (this.isActive(place)) this.state.setFilters({ place: "", geonames_id: "" });
    else if (place.geonames_id !== null && place.geonames_id !== undefined) this.state.setFilters({ geonames_id: place.geonames_id, place: "" });
    else this.state.setFilters({ place: place.name, geonames_id: "" });
  }

  drawMarkers() {
    if (!this.markers) return;
    clear(this.markers);
    const max = Math.max(1, ...this.places.map((p) => p.count));
    // Big markers first, so small ones stay clickable on top.
    const ordered = [...this.places].sort((a, b) => b.count - a.count);
    ordered.forEach((place, rank) => {
      const [cx, cy] = project(place.lon, place.lat);
      const balance = place.count ? (place.cooperation - place.conflict) / place.count : 0;
      const label = `${place.name || "unnamed place"}${place.country ? ` (${place.country})` : ""}: ${formatCount(place.count)} event${place.count === 1 ? "" : "s"}`;
      const marker = svg("circle", {
        class: `marker${this.isActive(place) ? " active" : ""}`,
        cx: cx.toFixed(3),
        cy: cy.toFixed(3),
        fill: balanceColor(balance),
        role: "button",
        tabindex: rank < FOCUSABLE ? "0" : "-1",
        "aria-label": label,
        "data-place": place.name || "",
        "data-count": place.count,
        "data-lat": place.lat,
        "data-lon": place.lon,
      });
      marker.dataset.radiusPx = String(3 + 10 * Math.sqrt(place.count / max));
      marker.append(svg("title", { text: label }));
      marker.addEventListener("click", () => this.choose(place));
      marker.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          this.choose(place);
        }
      });
      this.markers.append(marker);
    });
    this.sizeMarkers();
    if (!this.places.length) {
      this.note.textContent = "No events with a place match these filters.";
    }
  }

  sizeMarkers() {
    if (!this.markers) return;
    const k = this.unitsPerPixel();
    for (const marker of this.markers.children) {
      marker.setAttribute("r", (Number(marker.dataset.radiusPx) * k).toFixed(3));
    }
  }
}
