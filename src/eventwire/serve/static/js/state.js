// The page's state: the filters every view shares plus each view's own settings, kept in the URL hash
// so a view can be bookmarked or shared.

import { FILTER_KEYS } from "./api.js";

const SETTINGS = { sort: "-date", bucket: "auto", stack: "types", node: "country", edges: "60" };

export class State {
  constructor() {
    this.filters = {};
    this.settings = { ...SETTINGS };
    this.listeners = [];
    this.readHash();
  }

  readHash() {
    const params = new URLSearchParams(window.location.hash.slice(1));
    this.filters = {};
    for (const key of FILTER_KEYS) {
      const value = params.get(key);
      if (value) this.filters[key] = value;
    }
    for (const key of Object.keys(SETTINGS)) {
      const value = params.get(key);
      if (value) this.settings[key] = value;
    }
  }

  writeHash() {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(this.filters)) if (value) params.set(key, value);
    for (const [key, value] of Object.entries(this.settings)) if (value !== SETTINGS[key]) params.set(key, value);
    const hash = params.toString();
    history.replaceState(null, "", hash ? `#${hash}` : window.location.pathname);
  }

  // Change some filters (an empty value removes one) and tell every view which keys changed.
  setFilters(changes) {
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === null || value === "") delete this.filters[key];
      else this.filters[key] = String(value);
    }
    this.writeHash();
    this.emit(Object.keys(changes));
  }

  replaceFilters(filters) {
    const keys = new Set([...Object.keys(this.filters), ...Object.keys(filters)]);
    this.filters = {};
    for (const [key, value] of Object.entries(filters)) if (value) this.filters[key] = String(value);
    this.writeHash();
    this.emit([...keys]);
  }

  setSetting(key, value) {
    this.settings[key] = value;
    this.writeHash();
    this.emit([`setting:${key}`]);
  }

  subscribe(listener) {
    this.listeners.push(listener);
  }

  emit(keys) {
    for (const listener of this.listeners) listener(keys);
  }
}
