// The event table: one server page at a time (keyset cursors), sortable columns, keyboard rows.

import { latestOnly, queryString } from "./api.js";
import { typeColor } from "./colors.js";
import { clear, el, formatCount } from "./dom.js";

const PAGE_SIZE = 50;

function entityLabel(entry) {
  if (entry.members && entry.members.length) {
    return entry.members.map(entityLabel).join(" + ");
  }
  const code = [entry.country, entry.sector].filter(Boolean).join(" ");
  const name = entry.name || entry.text;
  return code ? `${name} (${code})` : name;
}

export function entitiesLabel(entries) {
  return entries && entries.length ? entries.map(entityLabel).join("; ") : "—";
}

export class EventTable {
  constructor(state, { onOpen, onStatus }) {
    this.state = state;
    this.onOpen = onOpen;
    this.onStatus = onStatus;
    this.table = document.getElementById("events-table");
    this.body = this.table.querySelector("tbody");
    this.count = document.getElementById("event-count");
    this.prev = document.getElementById("page-prev");
    this.next = document.getElementById("page-next");
    this.info = document.getElementById("page-info");
    this.fetch = latestOnly();
    this.cursors = [null]; // cursor of each page shown so far; the last is the current page's
    this.nextCursor = null;
    this.total = 0;
    this.setupHeaders();
    this.prev.addEventListener("click", () => this.turn(-1));
    this.next.addEventListener("click", () => this.turn(1));
    this.body.addEventListener("keydown", (ev) => this.onKey(ev));
  }

  setupHeaders() {
    for (const th of this.table.querySelectorAll("th[data-sort]")) {
      const label = th.textContent;
      th.textContent = "";
      const button = el("button", { type: "button", class: "sort", text: label });
      button.addEventListener("click", () => {
        const field = th.dataset.sort;
        const current = this.state.settings.sort;
        let next = field === "date" || field === "confidence" ? `-${field}` : field;
        if (current === next) next = next.startsWith("-") ? next.slice(1) : `-${next}`;
        this.state.setSetting("sort", next);
      });
      th.append(button);
    }
    this.markSort();
  }

  markSort() {
    const sort = this.state.settings.sort;
    const field = sort.replace(/^-/, "");
    for (const th of this.table.querySelectorAll("th[data-sort]")) {
      if (th.dataset.sort === field) th.setAttribute("aria-sort", sort.startsWith("-") ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    }
  }

  reset() {
    this.cursors = [null];
    this.markSort();
    return this.load();
  }

  turn(step) {
    if (step > 0 && this.nextCursor) this.cursors.push(this.nextCursor);
    else if (step < 0 && this.cursors.length > 1) this.cursors.pop();
    else return Promise.resolve();
    return this.load();
  }

  async load() {
    const cursor = this.cursors[this.cursors.length - 1];
    const path = "/api/events" + queryString(this.state.filters, { sort: this.state.settings.sort, limit: PAGE_SIZE, cursor });
    this.table.setAttribute("aria-busy", "true");
    try {
      const page = await this.fetch(path);
      if (!page) return;
      this.render(page);
    } catch (error) {
      this.renderError(error);
    } finally {
      this.table.removeAttribute("aria-busy");
    }
  }

  render(page) {
    this.total = page.total;
    this.nextCursor = page.next_cursor;
    clear(this.body);
    if (!page.items.length) {
      this.body.append(el("tr", {}, el("td", { colspan: 8, class: "empty", text: "No events match these filters." })));
    }
    for (const item of page.items) this.body.append(this.row(item));
    const first = (this.cursors.length - 1) * PAGE_SIZE + (page.items.length ? 1 : 0);
    const last = (this.cursors.length - 1) * PAGE_SIZE + page.items.length;
    this.count.textContent = `(${formatCount(page.total)})`;
    this.info.textContent = page.total ? `${formatCount(first)}–${formatCount(last)} of ${formatCount(page.total)}` : "";
    this.prev.disabled = this.cursors.length <= 1;
    this.next.disabled = !page.next_cursor;
    this.onStatus(page.total === 1 ? "1 event matches" : `${formatCount(page.total)} events match`);
  }

  renderError(error) {
    clear(this.body);
    this.body.append(el("tr", {}, el("td", { colspan: 8, class: "empty", text: `Could not load events: ${error.message}` })));
    this.onStatus(error.message, true);
  }

  row(item) {
    const place = item.location ? item.location.name : "—";
    const type = item.mode ? `${item.type}/${item.mode}` : item.type;
    const tag = el("span", { class: "type-tag", text: item.type });
    tag.style.backgroundColor = typeColor(item.type);
    const typeCell = el("td", {}, tag, item.mode ? el("span", { class: "mode", text: item.mode }) : null);
    const tr = el(
      "tr",
      {
        tabindex: "0",
        "data-event-id": item.event_id,
        "aria-label": `${type} on ${item.date || "no date"}: ${item.evidence.text}`,
      },
      el("td", { class: "nowrap", text: item.date || "—" }),
      typeCell,
      el("td", { class: `mod mod-${item.modality}`, text: item.modality }),
      el("td", { text: entitiesLabel(item.actors) }),
      el("td", { text: entitiesLabel(item.recipients) }),
      el("td", { text: place }),
      el("td", { class: "evidence" }, el("span", { text: item.evidence.text })),
      el("td", { text: Number(item.confidence).toFixed(2) }),
    );
    tr.addEventListener("click", () => this.onOpen(item.event_id, tr));
    return tr;
  }

  onKey(ev) {
    const row = ev.target.closest("tr[data-event-id]");
    if (!row) return;
    if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      this.onOpen(row.dataset.eventId, row);
    } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      const sibling = ev.key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling;
      if (sibling) sibling.focus();
    } else if (ev.key === "PageDown" && !this.next.disabled) {
      ev.preventDefault();
      this.turn(1).then(() => this.focusFirst());
    } else if (ev.key === "PageUp" && !this.prev.disabled) {
      ev.preventDefault();
      this.turn(-1).then(() => this.focusFirst());
    }
  }

  focusFirst() {
    const first = this.body.querySelector("tr[data-event-id]");
    if (first) first.focus();
  }
}
