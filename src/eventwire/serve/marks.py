"""Where to mark an event's parts inside its article: the evidence sentence, the trigger, the actors,
the recipients and the party the claim is attributed to.

The trigger and the evidence carry exact offsets. Actors, recipients and attribution carry their text
only, so each is looked for inside the evidence sentence: its surface text first, then its resolved name,
the occurrence nearest the trigger winning; spans never overlap (the trigger is placed first). A part that
cannot be found in the sentence is simply not marked: the page lists it beside the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.models import Entity, Event


@dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int
    text: str
    label: str


def _label(e: Entity) -> str:
    code = " ".join(x for x in (e.country, e.sector) if x)
    name = e.name or e.text
    return f"{name} ({code})" if code else name


def _occurrences(haystack: str, needle: str) -> list[int]:
    if not needle.strip():
        return []
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", re.IGNORECASE)
    return [m.start() for m in pattern.finditer(haystack)]


def _overlaps(start: int, end: int, taken: list[Span]) -> bool:
    return any(start < s.end and s.start < end for s in taken)


def _place(
    kind: str, entity: Entity, sentence: str, base: int, anchor: int, taken: list[Span]
) -> Span | None:
    """The occurrence of the entity's text (or name) in the sentence nearest the anchor offset."""
    for needle in dict.fromkeys(x for x in (entity.text, entity.name) if x):
        starts = sorted(_occurrences(sentence, needle), key=lambda s: abs(base + s - anchor))
        for s in starts:
            start, end = base + s, base + s + len(needle)
            if not _overlaps(start, end, taken):
                return Span(kind, start, end, sentence[s : s + len(needle)], _label(entity))
    return None


def event_marks(event: Event, article_text: str, offset: int = 0) -> tuple[list[Span], bool]:
    """The spans to mark, in offsets of `article_text`, and whether the attribution was found in the
    sentence. `article_text` starts `offset` characters into the stored text (the shown text leaves out
    the wire header), so the event's stored offsets are moved back by `offset`."""
    ev = event.evidence
    start, end = ev.start - offset, ev.end - offset
    sentence = article_text[start:end] if start >= 0 else ""
    if sentence != ev.text:  # offsets that do not fit this text: mark nothing rather than the wrong words
        return [], False
    modality = event.modality
    spans = [Span("evidence", start, end, ev.text, f"{event.type} ({modality})")]
    inner: list[Span] = []
    tr = event.trigger
    if ev.start <= tr.start < tr.end <= ev.end:
        inner.append(
            Span("trigger", tr.start - offset, tr.end - offset, tr.text, f"trigger: {tr.lemma} ({tr.rule})")
        )
    anchor = tr.start - offset
    # Shortest text first: a long actor phrase that swallows the recipient's words ("Lula, with Angolan
    # Foreign Minister Tete Antonio") then falls back to its name, and both get marked.
    parts = [("actor", e) for e in event.actors] + [("recipient", e) for e in event.recipients]
    for kind, entry in sorted(parts, key=lambda p: len(p[1].text or p[1].name or "")):
        whole = _place(kind, entry, sentence, start, anchor, inner)
        if whole is not None:
            inner.append(whole)
            continue
        for member in entry.members:
            part = _place(kind, member, sentence, start, anchor, inner)
            if part is not None:
                inner.append(part)
    found_attribution = False
    if event.attributed_to is not None:
        span = _place("attribution", event.attributed_to, sentence, start, anchor, inner)
        if span is not None:
            inner.append(span)
            found_attribution = True
    return spans + sorted(inner, key=lambda s: s.start), found_attribution
