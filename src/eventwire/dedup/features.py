"""What tells one happening from another: the features an article brings to story clustering.

Topic words alone put two earthquakes (or two celebrities entering rehab) in one story, so the bag of
features gives most weight to what differs between happenings of one kind: named participants and places
(runs of capitalised words), dates and years, and numbers. Topic
words come in with a low weight. Everything here is plain regular expressions: it is cheap enough to run
on every article at ingest and on 100k articles in the benchmark.

A feature is a string with a kind prefix: `n:` a name phrase, `t:` one token of a name, `d:` a day of the
year, `y:` a year, `#:` a number, `w:` a topic word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from eventwire.models import Article, Mention

# Feature kind -> weight in the similarity: specifics count two to three times a topic word.
KIND_WEIGHTS: dict[str, float] = {
    "n": 2.0,
    "t": 2.0,
    "d": 3.0,
    "y": 3.0,
    "#": 3.0,
    "w": 1.0,
}

_TOKEN = re.compile(r"[^\W_](?:[\w]|[-.'’&](?=[^\W_])|(?<=\d),(?=\d{3}))*")
_SENTENCE_END = re.compile(r"[.!?:;]['\"”’)]*\s*$|^\s*$|[\"“‘(\[]\s*$")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_NUMBER = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
_SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
WEEKDAYS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat
    sun
    """
)
# Capitalised words that name no participant: honorifics, pronouns, sentence openers.
NOT_NAMES = _words(
    """
    mr mrs ms dr sir st jr sr the a an this that these those he she it they we i you his her its
    their our my your but and or if in on at by for of to from with as after before when while where
    there here then so yet not no yes all some any one two three four five six seven eight nine ten
    monday update breaking photo video source copyright reuters ap afp
    """
)
# A full stop after these is no sentence end ("Mr. Obama", "Gen. Petraeus"); nor after an initial ("John W.").
ABBREVIATIONS = _words(
    """
    mr mrs ms dr st gen sen rep gov lt col capt sgt maj adm prof rev jr sr vs no mt ft
    """
)
# Lowercase words between capitalised ones that belong to the name ("Bank of England", "Abu al-Baghdadi").
NAME_LINKS = _words(
    """
    of de del der van von da du la le al bin ibn el y
    """
)

STOP_WORDS = _words(
    """
    a about above after again against all almost also although always am among an and another any
    are around as at away back be became because been before being below between both but by came
    can cannot could did do does doing done down during each either else even ever every few first
    for former from further get gets getting go goes going gone got had has have having he her here
    hers herself him himself his how however i if in including into is it its itself just last later
    latest least less like made make many may me might more most mostly much must my myself near
    never new next no nor not now of off often on once one only or other others otherwise our ours
    ourselves out over own per perhaps put rather re really said same say says see seem seemed seems
    several she should show since so some still such take than that the their theirs them themselves
    then there these they this those though through thus to too toward towards under until up upon
    us use used very via was way we well were what whatever when where whether which while who whole
    whom whose why will with within without would yet you your yours yourself yourselves told tell
    according reported report reports year years day days week weeks month months time times today
    yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday mr mrs ms percent
    people two three four five six seven eight nine ten http https www com html htm
    """
)


def article_features(article: Article, mentions: Sequence[Mention] = ()) -> Counter[str]:
    """The feature counts of one article: its title and coded text, and the days its time expressions name.

    Names come from the text itself, not from the actor dictionary: the people that tell two happenings
    apart (a celebrity, a boxer's opponent) are seldom political actors.
    """
    feats = text_features(story_text(article))
    for m in mentions:
        if m.kind == "time" and m.value.get("precision") == "day":
            value = str(m.value.get("value") or "")
            if re.match(r"^\d{4}-\d{2}-\d{2}", value):
                feats[f"d:{value[5:10]}"] += 1
    return feats


def story_text(article: Article) -> str:
    """Title, body and captions (each caption once); header, credit and local-time lines left out."""
    if not article.segments:
        return article.text
    parts = [article.title or ""] if article.title else []
    for s in article.segments:
        if s.kind in ("body", "caption") and s.duplicate_of is None:
            parts.append(article.segment_text(s))
    return "\n".join(parts)


def text_features(text: str) -> Counter[str]:
    """Feature counts of plain text (see the module docstring for the kinds)."""
    feats: Counter[str] = Counter()
    # A web address names its story in words; its digits are page numbers, not facts.
    for url in _URL.findall(text):
        for part in re.findall(r"[a-z]{3,}", url.lower()):
            if part not in STOP_WORDS:
                feats[f"w:{stem(part)}"] += 1
    text = _URL.sub(" ", text)
    tokens = _tokens(text)
    lower_seen = {word.lower() for word, _, _, _ in tokens if word[0].islower()}
    # Words written with a capital inside a sentence: a sentence opener is a name only when one of these.
    cap_inside = {word.lower() for word, _, at_start, _ in tokens if not at_start and _is_capitalised(word)}
    headlines = _headline_line_ends(text)
    run: list[str] = []
    run_opens_sentence = False
    prev_lower: str | None = None
    for word, start, at_start, joined in tokens:
        low = word.lower()
        if run and not (joined and (_is_capitalised(word) or low in NAME_LINKS)):
            _emit_name(run, feats, run_opens_sentence, cap_inside)
            run = []
        named = False
        if _is_capitalised(word) and not _is_contraction(word):
            # A sentence opener, or any word of a title-case headline, is no name when the text also
            # writes it in lower case.
            ambiguous = at_start or _in_headline(start, headlines)
            common = ambiguous and (low in lower_seen or low in STOP_WORDS)
            if low in MONTHS or low in WEEKDAYS or low in NOT_NAMES or common:
                _emit_name(run, feats, run_opens_sentence, cap_inside)
                run = []
            else:
                if not run:
                    run_opens_sentence = at_start
                run.append(low)
                named = True
        elif run and low in NAME_LINKS and joined:
            run.append(low)
            named = True
        if not named:
            _count_token(word, low, prev_lower, feats)
        prev_lower = low
    _emit_name(run, feats, run_opens_sentence, cap_inside)
    for m in _SLASH_DATE.finditer(text):
        month, day, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if 1 <= month <= 12 and 1 <= day <= 31:
            feats[f"d:{month:02d}-{day:02d}"] += 1
            feats[f"y:{year if len(year) == 4 else '20' + year}"] += 1
    return feats


def _headline_line_ends(text: str) -> list[tuple[int, int]]:
    """(start, end) of lines written in title case: most of their longer words capitalised."""
    out = []
    pos = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[A-Za-z]+", line) if len(w) > 3]
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _in_headline(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _count_token(word: str, low: str, prev_lower: str | None, feats: Counter[str]) -> None:
    if _NUMBER.match(word):
        value = word.replace(",", "")
        if len(value) == 4 and value[:2] in ("19", "20") and "." not in value:
            feats[f"y:{value}"] += 1
        elif prev_lower in MONTHS and value.isdigit() and 1 <= int(value) <= 31:
            feats[f"d:{MONTHS[prev_lower]:02d}-{int(value):02d}"] += 1
        elif len(value) > 1:
            feats[f"#:{value}"] += 1
        return
    if "-" in word:  # "33-year-old", "6.1-magnitude": the number counts, and so do the words
        for part in word.split("-"):
            if part:
                _count_token(part, part.lower(), None, feats)
        return
    if low in MONTHS and prev_lower is not None and prev_lower.isdigit() and 1 <= int(prev_lower) <= 31:
        feats[f"d:{MONTHS[low]:02d}-{int(prev_lower):02d}"] += 1
        return
    if len(low) >= 3 and low not in STOP_WORDS and low.isalpha():
        feats[f"w:{stem(low)}"] += 1


def _tokens(text: str) -> list[tuple[str, int, bool, bool]]:
    """(word less a possessive 's, start, opens a sentence, follows the previous word after a space)."""
    out = []
    prev_end = 0
    prev = ""
    for m in _TOKEN.finditer(text):
        start = m.start()
        gap = text[prev_end:start]
        after_abbreviation = gap.startswith(".") and (prev.lower() in ABBREVIATIONS or len(prev) == 1)
        at_start = not after_abbreviation and (
            prev_end == 0 or "\n" in gap or bool(_SENTENCE_END.search(text[max(0, prev_end - 3) : start]))
        )
        out.append((_strip_possessive(m.group()), start, at_start, gap.strip() == "" and not at_start))
        prev_end = m.end()
        prev = m.group()
    return out


def _emit_name(run: list[str], feats: Counter[str], opens_sentence: bool, cap_inside: set[str]) -> None:
    while run and run[-1] in NAME_LINKS:
        run.pop()
    while run and run[0] in NAME_LINKS:
        run.pop(0)
    if not run:
        return
    if len(run) == 1 and opens_sentence and run[0] not in cap_inside:
        feats[f"w:{stem(run[0])}"] += 1  # "Sadly, ...": a capital only because it opens the sentence
        return
    feats[f"n:{' '.join(run)}"] += 1
    if len(run) > 1:
        for tok in run:
            if tok not in NAME_LINKS:
                feats[f"t:{tok}"] += 1


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() and not word.isdigit()


def _is_contraction(word: str) -> bool:
    return word.lower().replace("’", "'").endswith(("'ve", "'m", "'ll", "'d", "'re", "n't"))


def _strip_possessive(tok: str) -> str:
    if tok.endswith(("'s", "’s")):
        return tok[:-2]
    return tok


def stem(word: str) -> str:
    """A light suffix stripper, so that 'sentenced', 'sentences' and 'sentencing' meet."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word
