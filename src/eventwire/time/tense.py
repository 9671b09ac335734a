"""Which way an underspecified expression points: the tense cues of its sentence.

News reports the past by default: "Kim visited the site Monday" is the Monday before publication,
"Kim will visit the site Monday" the one after it. The cue nearest to the expression decides, cues
before it weighing more than cues after it (the governing verb usually comes first). Reporting verbs
("said", "told") only decide when they sit right next to it ("said Monday") or when the sentence has
no other cue, since "X will happen Friday, officials said" is future.
"""

from __future__ import annotations

import re
from typing import Literal

from eventwire.time.textutil import words

Direction = Literal["past", "future"]

_FUTURE = (
    r"will|won't|wo n't|'ll|shall|going to|gonna|would|wouldn't|could|may|might|should|must|can|"
    r"plans? to|planning to|intends? to|scheduled|expected|expects? to|set to|is to|are to|"
    r"aims? to|hopes? to|upcoming|next|due to (?:be|begin|start|meet|take|hold|arrive|visit|vote|return|"
    r"open|end|resume|leave|travel)|is due|are due|to be held|slated|planned|forthcoming|later this|"
    r"ahead of|postponed until|"
    # Present tense of scheduled events: "The pope arrives Wednesday", "The talks open Monday".
    r"arrives|begins|starts|opens|closes|meets|convenes|departs|leaves|resumes|expires|takes place|"
    r"take place|kicks off|gets under way|visits|travels|hosts|faces|votes|concludes|"
    # "crude for September delivery": a contract month lies ahead.
    r"delivery|futures|contracts?"
)
# A past form that is really part of a plan: "had been scheduled for June 12" is past.
_PAST_COMPOUND = r"(?:had|was|were|had\s+been)\s+(?:scheduled|expected|planned|due|set|slated|supposed)"
_PAST_IRREGULAR = (
    r"was|were|had|did|didn't|wasn't|weren't|hadn't|began|came|went|met|took|made|gave|held|left|"
    r"saw|got|found|became|brought|sent|spoke|won|lost|fell|rose|paid|sold|struck|fought|led|ran|"
    r"sought|kept|wrote|flew|drove|broke|chose|grew|knew|threw|shot|hit|fled|slid|bought|caught|"
    r"taught|felt|built|spent|stood|heard|meant|beat|swept|shook|ago|last|earlier|previously|"
    r"has been|have been|had been"
)
_REPORTING = r"said|says|say|told|tells"

_CUE = re.compile(
    rf"\b(?:(?P<pastc>{_PAST_COMPOUND})|(?P<future>{_FUTURE})|(?P<report>{_REPORTING})|(?P<past>{_PAST_IRREGULAR})|"
    r"(?P<ed>[a-z]{3,}ed))\b",
    re.IGNORECASE,
)
# Words in -ed that are not past-tense verbs.
_NOT_PAST_ED = frozenset(
    {
        "need", "speed", "seed", "bed", "red", "hundred", "breed", "feed", "deed", "united", "based",
        "intended", "proposed", "related", "detailed", "armed", "advanced", "limited", "unprecedented",
        "alleged", "supposed", "concerned", "interested", "committed", "dedicated", "embed", "shed",
        "sled", "weed", "wed", "indeed", "creed", "greed", "steed", "tweed", "naked", "wicked",
        "sacred", "kindred", "rugged", "biased", "talented", "skilled", "renewed",
    }
)  # fmt: skip
# Verbs whose complement happens later: "promised to leave by Jan. 31".
_FORWARD_VERBS = words(
    "promised pledged vowed agreed decided threatened voted asked offered proposed hoped wanted "
    "intended aimed prepared urged called ordered invited"
)
# A past form inside a future verb group: "will be extended", "would remain closed", "to be held".
# A perfect infinitive ("is believed to have started", "would have been held") is past; a future
# perfect ("will have left by June") is not.
_AUX_BEFORE = re.compile(
    r"\b(?:(?:will|'ll|shall)\s+(?:not\s+)?(?:\w+\s+)?|"
    r"(?:would|could|may|might|can|should|must)\s+(?:not\s+)?(?!have\b)(?:\w+\s+)?|"
    r"to\s+(?:be|get)\s+)$",
    re.IGNORECASE,
)
_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|mon|tues?|wed|thu|thurs|fri|sat|sun|mr|mrs|ms|"
    r"dr|st|gen|sen|rep|gov|lt|col|sgt|capt|prof|jr|sr|inc|corp|co|ltd|no|vs|mt|ft|ave|gov|adm|maj|rev)|"
    r"\b[a-z]\.[a-z]|\b[A-Z])\.$",
    re.IGNORECASE,
)


def _boundaries(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentence ends in text[lo:hi], skipping the periods of abbreviations ("Sept. 28", "Mr. Kim")."""
    out = []
    for m in _SENT_END.finditer(text, lo, hi):
        if m.group(0)[0] == ".":
            tail = text[max(0, m.start() - 8) : m.start() + 1]
            if _ABBREVIATION.search(tail):
                # "p.m." or "U.S." can still end a sentence when a capital follows.
                closes = re.search(r"(?:[ap]\.m|U\.S|\b[A-Z]\.[A-Z])\.$", tail)
                if not (closes and text[m.end() : m.end() + 1].isupper()):
                    continue
        out.append((m.start(), m.end()))
    return out


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character span of the sentence around [start, end)."""
    lo = max(0, start - 400)
    s = lo
    for _b, e in _boundaries(text, lo, start):
        s = e
    hi = min(len(text), end + 400)
    after = _boundaries(text, end, hi)
    return s, (after[0][0] + 1 if after else hi)


# Words right before the expression that settle its direction: "since March", "the vote is Friday".
_ADJACENT_PAST = re.compile(r"\b(?:since|was|were)\s+(?:on\s+|in\s+)?$", re.IGNORECASE)
_ADJACENT_FUTURE = re.compile(
    r"\b(?:is|are)\s+(?:on\s+|in\s+|due\s+|set\s+for\s+|scheduled\s+for\s+)?$", re.IGNORECASE
)


# A present-tense verb of the clause: "There's another meeting Wednesday", "The vote is on Friday".
_PRESENT = re.compile(
    r"\b(?:is|are|am|isn't|aren't|(?:there|it|that|here|what|who|he|she)['’]s|(?:they|we|you)['’]re)\b",
    re.IGNORECASE,
)


def present_tense(text: str, start: int, end: int) -> bool:
    """True when the sentence around [start, end) has a present-tense verb ("is", "there's")."""
    s, e = sentence_bounds(text, start, end)
    return any(not (start <= m.start() < end) for m in _PRESENT.finditer(text, s, e))


def direction(text: str, start: int, end: int) -> Direction | None:
    """Past or future reading of the expression at [start, end), from the cues of its sentence."""
    near = text[max(0, start - 25) : start]
    if _ADJACENT_PAST.search(near):
        return "past"
    if _ADJACENT_FUTURE.search(near):
        return "future"
    s, e = sentence_bounds(text, start, end)
    best: tuple[int, Direction] | None = None  # (weighted distance, direction)
    fallback: Direction | None = None
    for m in _CUE.finditer(text, s, e):
        if start <= m.start() < end:
            continue  # a word of the expression itself ("next", "last")
        kind: Direction
        if m.group("report"):
            gap = text[m.end() : start] if m.end() <= start else ""
            if m.end() <= start and re.fullmatch(r"\s*(?:on\s+|late\s+|early\s+)?", gap):
                return "past"
            fallback = fallback or "past"
            continue
        if m.group("pastc"):
            kind = "past"
        elif m.group("future"):
            kind = "future"
        else:
            word = m.group(0).lower()
            if m.group("ed") and word in _NOT_PAST_ED:
                continue
            kind = "past"
            if _AUX_BEFORE.search(text[max(s, m.start() - 30) : m.start()]) or (
                word in _FORWARD_VERBS and re.match(r"\s+to\s+[a-z]", text[m.end() : m.end() + 8])
            ):
                kind = "future"
        before = m.end() <= start
        dist = start - m.end() if before else 3 * (m.start() - end) + 10
        if best is None or dist < best[0]:
            best = (dist, kind)
    if best is not None:
        return best[1]
    return fallback
