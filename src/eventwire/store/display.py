"""An article's text as shown to a reader: without the wire header lines (`date 2024-11-20 World` and the
agency line) that the stored text keeps so that stored offsets stay those of the input.

The shown text starts `offset` characters into the stored text; every offset shown with it (evidence,
marks, segments) is the stored offset minus `offset`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, is_dataclass
from typing import Any


def _segments(segments: Any) -> list[Mapping[str, Any]]:
    """Segments as stored (a JSON text or list) or as `Segment` records, as mappings."""
    if isinstance(segments, str):
        segments = json.loads(segments)
    out: list[Mapping[str, Any]] = []
    for s in segments or ():
        out.append(asdict(s) if is_dataclass(s) and not isinstance(s, type) else s)
    return out


def header_end(text: str, segments: Any, keep: Iterable[int] = ()) -> int:
    """Where the shown text starts: after the header segments leading the text and the blank space after
    them; never after an offset in `keep` (an evidence start), so that no shown span is cut."""
    cut = 0
    for seg in sorted(_segments(segments), key=lambda s: int(s["start"])):
        if seg["kind"] != "header":
            break
        cut = max(cut, int(seg["end"]))
    if cut == 0:
        return 0
    while cut < len(text) and text[cut].isspace():
        cut += 1
    return min([cut, *keep])


def shown_article(article: dict[str, Any]) -> dict[str, Any]:
    """An article dict as served (`text`, parsed `segments`, `events` with evidence offsets) with the
    header left out of `text`, the offsets moved with it, and `text_offset` saying by how much."""
    events: Sequence[dict[str, Any]] = article.get("events") or []
    segments = _segments(article.get("segments"))
    cut = header_end(article["text"], segments, (int(e["evidence_start"]) for e in events))
    shown = dict(article)
    shown["text"] = article["text"][cut:]
    shown["text_offset"] = cut
    shown["segments"] = [
        {**s, "start": int(s["start"]) - cut, "end": int(s["end"]) - cut}
        | ({"duplicate_of": int(s["duplicate_of"]) - cut} if s.get("duplicate_of") is not None else {})
        for s in segments
        if int(s["end"]) > cut
    ]
    shown["events"] = [
        {**e, "evidence_start": int(e["evidence_start"]) - cut, "evidence_end": int(e["evidence_end"]) - cut}
        for e in events
    ]
    return shown
