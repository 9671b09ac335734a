// Wires the page together: the filter form, the shared state, and the four views that follow it.

import { getJSON } from "./api.js";
import { TYPE_ORDER } from "./colors.js";
import { el, formatCount } from "./dom.js";
import { EvidencePanel } from "./evidence.js";
import { PlaceMap } from "./map.js";
import { Network, PAIR_KEYS } from "./network.js";
import { State } from "./state.js";
import { EventTable } from "./table.js";
import { Timeline } from "./timeline.js";

const FORM_FIELDS = ["type", "modality", "country", "actor", "text", "since", "until", "story"];

const state = new State();
const statusLine = document.getElementById("status");

function setStatus(message, isError = false) {
  statusLine.textContent = message;
  statusLine.classList.toggle("error", Boolean(isError));
}

const evidence = new EvidencePanel();
const table = new EventTable(state, { onOpen: (id, row) => evidence.open(id, row), onStatus: setStatus });
const timeline = new Timeline(state, { onStatus: setStatus });
const map = new PlaceMap(state, { onStatus: setStatus });
const network = new Network(state, { onStatus: setStatus });

const form = document.getElementById("filters");
const input = (name) => document.getElementById(`f-${name}`);

function fillForm() {
  for (const name of FORM_FIELDS) {
    const field = input(name);
    if (field) field.value = state.filters[name] || "";
  }
  const chip = document.getElementById("place-chip");
  const { place, geonames_id: geonamesId } = state.filters;
  if (place || geonamesId) {
    const name = place || map.nameFor(geonamesId) || `GeoNames ${geonamesId}`;
    document.getElementById("place-chip-text").textContent = `Place: ${name}`;
    chip.hidden = false;
  } else {
    chip.hidden = true;
  }
  const pair = state.filters;
  const from = pair.actor_name || pair.actor_country;
  const to = pair.recipient_name || pair.recipient_country;
  document.getElementById("pair-chip-text").textContent = from || to ? `Pair: ${from || "any"} → ${to || "any"}` : "";
  document.getElementById("pair-chip").hidden = !(from || to);
  document.getElementById("t-bucket").value = state.settings.bucket;
  document.getElementById("t-stack").value = state.settings.stack;
  document.getElementById("n-node").value = state.settings.node;
  document.getElementById("n-edges").value = state.settings.edges;
}

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const changes = {};
  for (const name of FORM_FIELDS) {
    const field = input(name);
    if (field) changes[name] = field.value.trim();
  }
  if (changes.country) changes.country = changes.country.toUpperCase();
  state.setFilters(changes);
});
// Selects apply at once; text fields apply on Enter (the form's submit).
for (const name of ["type", "modality", "since", "until"]) {
  input(name).addEventListener("change", () => form.requestSubmit());
}
document.getElementById("f-clear").addEventListener("click", () => state.replaceFilters({}));
document.getElementById("place-chip-clear").addEventListener("click", () => state.setFilters({ place: "", geonames_id: "" }));
document.getElementById("pair-chip-clear").addEventListener("click", () => state.setFilters(Object.fromEntries(PAIR_KEYS.map((k) => [k, ""]))));
document.getElementById("t-bucket").addEventListener("change", (ev) => state.setSetting("bucket", ev.target.value));
document.getElementById("t-stack").addEventListener("change", (ev) => state.setSetting("stack", ev.target.value));
document.getElementById("n-node").addEventListener("change", (ev) => state.setSetting("node", ev.target.value));
document.getElementById("n-edges").addEventListener("change", (ev) => state.setSetting("edges", ev.target.value));
window.addEventListener("hashchange", () => {
  state.readHash();
  fillForm();
  reloadAll();
});

function only(keys, allowed) {
  return keys.length > 0 && keys.every((k) => allowed.includes(k));
}

function reloadAll() {
  return Promise.all([table.reset(), timeline.load(), map.load(), network.load()]);
}

state.subscribe((keys) => {
  fillForm();
  if (only(keys, ["setting:stack"])) {
    timeline.render();
    return;
  }
  if (only(keys, ["setting:bucket"])) {
    timeline.load();
    return;
  }
  if (only(keys, ["setting:node", "setting:edges"])) {
    network.load();
    return;
  }
  if (only(keys, ["setting:sort"])) {
    table.reset();
    return;
  }
  // A view never filters itself: the timeline ignores dates, the map ignores the place.
  table.reset();
  network.load();
  if (only(keys, ["since", "until"])) timeline.render();
  else timeline.load();
  if (only(keys, ["place", "geonames_id"])) map.drawMarkers();
  else map.load();
});

async function start() {
  try {
    const summary = await getJSON("/api/summary");
    const span = summary.first_date ? `${summary.first_date} to ${summary.last_date}` : "no dates";
    document.getElementById("db-summary").textContent =
      `${summary.database}: ${formatCount(summary.events)} events from ${formatCount(summary.articles)} articles, ${span}`;
    const counts = Object.fromEntries(summary.types.map((t) => [t.value, t.count]));
    const typeSelect = input("type");
    for (const type of TYPE_ORDER) {
      typeSelect.append(el("option", { value: type, text: `${type}${counts[type] ? ` (${formatCount(counts[type])})` : ""}` }));
    }
    const modalitySelect = input("modality");
    for (const m of summary.modalities) {
      modalitySelect.append(el("option", { value: m.value, text: `${m.value} (${formatCount(m.count)})` }));
    }
    document.getElementById("f-story-label").hidden = !summary.has_stories;
  } catch (error) {
    setStatus(`Could not reach the API: ${error.message}`, true);
  }
  fillForm();
  await reloadAll();
  fillForm();
  document.body.dataset.ready = "true";
}

start();
