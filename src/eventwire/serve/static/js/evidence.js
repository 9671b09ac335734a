// The evidence panel: the event's sentence highlighted inside its article, with the actor, recipient,
// trigger and attribution marked, and the modality shown on the sentence and beside it.

import { getJSON } from "./api.js";
import { typeColor } from "./colors.js";
import { clear, el } from "./dom.js";
import { entitiesLabel } from "./table.js";

const INNER_KINDS = ["trigger", "actor", "recipient", "attribution"];

function markNode(span, modality) {
  const attrs = { class: `m-${span.kind}`, title: `${span.kind}: ${span.label}`, "data-kind": span.kind };
  if (span.kind === "evidence") {
    attrs.class += ` modality-${modality}`;
    attrs.id = "evidence-sentence";
  }
  return el("mark", attrs);
}

// Article text with the marks laid in: the evidence span, and inside it the non-overlapping inner marks.
function renderText(container, text, marks, modality, title) {
  const evidence = marks.find((m) => m.kind === "evidence");
  const inner = marks.filter((m) => INNER_KINDS.includes(m.kind)).sort((a, b) => a.start - b.start);
  const add = (parent, from, to) => {
    if (to > from) parent.append(document.createTextNode(text.slice(from, to)));
  };
  let pos = 0;
  if (title && text.startsWith(title)) {
    container.append(el("span", { class: "a-title", text: title }));
    pos = title.length;
  }
  if (!evidence) {
    add(container, pos, text.length);
    return;
  }
  add(container, pos, evidence.start);
  const sentence = markNode(evidence, modality);
  let cursor = evidence.start;
  for (const span of inner) {
    if (span.start < cursor || span.end > evidence.end) continue;
    add(sentence, cursor, span.start);
    const node = markNode(span, modality);
    node.textContent = text.slice(span.start, span.end);
    sentence.append(node);
    cursor = span.end;
  }
  add(sentence, cursor, evidence.end);
  container.append(sentence);
  add(container, evidence.end, text.length);
}

function fact(term, ...value) {
  return [el("dt", { text: term }), el("dd", {}, ...value)];
}

function renderMeta(container, detail, onOther) {
  const e = detail.event;
  const a = detail.article;
  const tag = el("span", { class: "type-tag", text: e.mode ? `${e.type}/${e.mode}` : e.type });
  tag.style.backgroundColor = typeColor(e.type);
  const attribution = e.attributed_to
    ? `${entitiesLabel([e.attributed_to])}${detail.attribution_in_sentence ? "" : " (named outside this sentence)"}`
    : "—";
  const source = [a.source, a.published, a.section].filter(Boolean).join(" · ");
  const where = e.location ? `${e.location.name}${e.location.country ? ` (${e.location.country})` : ""}` : "—";
  const facts = el(
    "dl",
    { class: "evidence-meta" },
    fact("Event", tag, " ", el("span", { class: `badge modality-${e.modality}`, text: e.modality, "data-field": "modality" })),
    fact("Actors", el("span", { "data-field": "actors", text: entitiesLabel(e.actors) })),
    fact("Recipients", el("span", { "data-field": "recipients", text: entitiesLabel(e.recipients) })),
    fact("Trigger", el("span", { "data-field": "trigger", text: `${e.trigger.text} (${e.trigger.rule})` })),
    fact("Attributed to", el("span", { "data-field": "attribution", text: attribution })),
    fact("Date", `${e.date || "—"}${e.date_precision ? ` (${e.date_precision})` : ""}`),
    fact("Place", where),
    fact("Confidence", Number(e.confidence).toFixed(2)),
    fact("Article", el("span", { "data-field": "article", text: `${a.title || a.article_id}${source ? ` — ${source}` : ""}` })),
  );
  if (e.story_id) facts.append(...fact("Story", e.story_id));
  if (detail.merged) {
    const m = detail.merged;
    const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
    facts.append(...fact("Reports", el("span", { "data-field": "reports", text: `${plural(m.num_mentions, "mention")} in ${plural(m.num_articles, "article")} from ${plural(m.num_sources, "source")}` })));
    if (m.other_reports.length) {
      const list = el("ul", { class: "other-reports" });
      for (const r of m.other_reports) {
        const label = [r.source, r.published].filter(Boolean).join(", ");
        const button = el("button", { type: "button", class: "link", "data-event-id": r.event_id, text: r.evidence || r.event_id });
        button.addEventListener("click", () => onOther(r.event_id));
        list.append(el("li", {}, button, label ? el("span", { class: "muted", text: ` — ${label}` }) : null));
      }
      facts.append(...fact("Other reports", list));
    }
  }
  container.replaceWith(facts);
  facts.id = "evidence-meta";
}

export class EvidencePanel {
  constructor() {
    this.dialog = document.getElementById("evidence");
    this.title = document.getElementById("evidence-title");
    this.article = document.getElementById("evidence-article");
    this.returnFocus = null;
    document.getElementById("evidence-close").addEventListener("click", () => this.close());
    this.dialog.addEventListener("close", () => {
      if (this.returnFocus) this.returnFocus.focus();
    });
    this.dialog.addEventListener("click", (ev) => {
      if (ev.target === this.dialog) this.close(); // a click on the backdrop
    });
  }

  async open(eventId, from) {
    this.returnFocus = from || null;
    this.dialog.dataset.eventId = eventId;
    this.dialog.setAttribute("aria-busy", "true");
    clear(this.article);
    this.article.textContent = "Loading…";
    if (!this.dialog.open) this.dialog.showModal();
    try {
      const detail = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
      if (this.dialog.dataset.eventId !== eventId) return;
      const e = detail.event;
      this.title.textContent = `${e.type}${e.mode ? "/" + e.mode : ""} — evidence in its article`;
      renderMeta(document.getElementById("evidence-meta"), detail, (id) => this.open(id, this.returnFocus));
      clear(this.article);
      renderText(this.article, detail.article.text, detail.marks, e.modality, detail.article.title);
      const sentence = document.getElementById("evidence-sentence");
      if (sentence) sentence.scrollIntoView({ block: "center" });
    } catch (error) {
      this.article.textContent = `Could not load the evidence: ${error.message}`;
    } finally {
      this.dialog.removeAttribute("aria-busy");
    }
  }

  close() {
    if (this.dialog.open) this.dialog.close();
  }
}
