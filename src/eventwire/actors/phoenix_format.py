"""Readers for the PETRARCH/TABARI dictionary formats used by the Phoenix dictionaries.

Actor dictionaries hold records of a primary phrase, synonyms (lines starting with ``+``) and codes,
either on the phrase line (``HAMAS_ [PSEREB]``) or as indented date restrictions::

    VLADIMIR_PUTIN_
    +PUTIN_
        [RUSELI 700101-990809]
        [RUSGOV >080508]
        [RUSELI]

A restriction is ``<date`` (until), ``>date`` (from), ``date-date`` or none (the default code); dates
are ``YYMMDD`` (years up to 30 are 20xx) or ``YYYYMMDD``.  As in PETRARCH, a primary phrase that
follows a record which has no code yet joins that record.

Agent dictionaries hold ``PHRASE {plural} [~CODE]`` lines and substitution sets (``!PERSON! = MAN,
MEN, ...``); regular plurals are formed automatically.

These readers only parse; translating the codes is :mod:`eventwire.actors.codes`' job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventwire.actors.roles import OPEN_END, OPEN_START

_BRACKET = re.compile(r"\[([^\]\[}]*)[\]}]")
_RESTRICTION = re.compile(r"^\s*(?P<code>[A-Z-]+)\s*(?P<rest>.*?)\s*$")
_INTERVAL = re.compile(r"^(\d{6,9})\s*-\s*(\d{6,9})$")
_BOUND = re.compile(r"^([<>])\s*(\d{6,9})$")


@dataclass(frozen=True)
class RawCode:
    """A code as written in an actor dictionary with its date restriction (ints ``YYYYMMDD``)."""

    code: str
    start: int = OPEN_START
    end: int = OPEN_END


@dataclass
class ActorRecord:
    """One record of an actor dictionary and its codes.

    ``groups`` holds one list per primary phrase: the primary phrase, then its synonyms.  A record has
    several groups when primary phrases without codes were followed by another primary phrase: all
    groups share the codes.
    """

    groups: list[list[str]]
    codes: list[RawCode] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    line: int = 0

    @property
    def primary(self) -> str:
        return self.groups[0][0]

    @property
    def phrases(self) -> list[str]:
        return [p for group in self.groups for p in group]


@dataclass(frozen=True)
class AgentRecord:
    """One agent phrase (singular or plural form) and its raw code, e.g. ``~GOVMED``."""

    phrase: str
    code: str
    line: int


def parse_date(text: str) -> int | None:
    """``YYMMDD`` or ``YYYYMMDD`` as an int ``YYYYMMDD``; None when it is not a valid date.

    Like PETRARCH, a longer digit string is read by its first 8 (or, below 8 digits, 6) digits.
    """
    text = text.strip()
    if not text.isdigit():
        return None
    if len(text) >= 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    elif len(text) >= 6:
        year, month, day = int(text[:2]), int(text[2:4]), int(text[4:6])
        year += 2000 if year <= 30 else 1900
    else:
        return None
    try:
        date(year, month, day)
    except ValueError:
        return None
    return year * 10000 + month * 100 + day


def parse_restriction(text: str) -> RawCode | None:
    """The inside of one ``[...]``: a code with an optional date restriction."""
    m = _RESTRICTION.match(text)
    if not m:
        return None
    code, rest = m.group("code"), m.group("rest")
    if not rest:
        return RawCode(code)
    if m2 := _BOUND.match(rest):
        day = parse_date(m2.group(2))
        if day is None:
            return None
        return RawCode(code, end=day) if m2.group(1) == "<" else RawCode(code, start=day)
    if m2 := _INTERVAL.match(rest):
        start, end = parse_date(m2.group(1)), parse_date(m2.group(2))
        if start is None or end is None or end < start:
            return None
        return RawCode(code, start=start, end=end)
    return None


def _split_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    body = body.split(";", 1)[0]
    return body, comment.strip()


def _codes_in(text: str) -> tuple[str, list[RawCode]]:
    codes = [c for c in (parse_restriction(m) for m in _BRACKET.findall(text)) if c is not None]
    return _BRACKET.sub(" ", text).split("[", 1)[0], codes


def read_actor_records(lines: Iterable[str]) -> Iterator[ActorRecord]:
    """Parse the lines of an actor dictionary into records."""
    current: ActorRecord | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n\r")
        if not line.strip() or line.lstrip().startswith(("#", "<")):
            continue
        body, comment = _split_comment(line)
        if line[0] in " \t":
            if current is not None and "[" in body:
                current.codes.extend(_codes_in(body)[1])
            continue
        text, codes = _codes_in(body)
        if text.lstrip().startswith("+"):
            if current is None:
                continue
            current.groups[-1].extend(p.strip() for p in text.split("+") if p.strip())
            current.codes.extend(codes)
            if comment:
                current.comments.append(comment)
            continue
        phrase = text.strip()
        if not phrase:
            continue
        if current is not None and not current.codes:
            # PETRARCH: a primary phrase after a record without codes shares that record's codes.
            current.groups.append([phrase])
            current.codes.extend(codes)
            if comment:
                current.comments.append(comment)
            continue
        if current is not None:
            yield current
        current = ActorRecord([[phrase]], list(codes), [comment] if comment else [], number)
    if current is not None:
        yield current


def read_actor_file(path: Path) -> list[ActorRecord]:
    with path.open(encoding="utf-8", errors="replace") as fh:
        return list(read_actor_records(fh))


# --- agents -----------------------------------------------------------------------------------------

_MARKER = re.compile(r"!([A-Z]+)!")


def regular_plural(phrase: str) -> str:
    """PETRARCH's regular plural of a phrase: Y -> IES, S -> SES, else + S (on the last word)."""
    if phrase.endswith("Y"):
        return phrase[:-1] + "IES"
    if phrase.endswith("S"):
        return phrase + "ES"
    return phrase + "S"


def read_agent_records(lines: Iterable[str]) -> Iterator[AgentRecord]:
    """Parse the lines of an agent dictionary; plurals and substitution sets are expanded."""
    substitutions: dict[str, list[str]] = {}
    for number, raw in enumerate(lines, start=1):
        body, _ = _split_comment(raw.rstrip("\n\r"))
        if not body.strip() or body.lstrip().startswith("<"):
            continue
        if "!" in body and "=" in body:
            marker = _MARKER.search(body)
            if marker:
                items = body.split("=", 1)[1].split(",")
                substitutions[marker.group(1)] = [i.strip() for i in items if i.strip()]
            continue
        if "[" not in body:
            continue
        phrase_part, _, code_part = body.partition("[")
        code = re.split(r"[\]}]", code_part, maxsplit=1)[0].strip()
        phrase = phrase_part.strip()
        if not phrase or not code:
            continue
        marker = _MARKER.search(phrase)
        if marker and marker.group(1) in substitutions:
            for item in substitutions[marker.group(1)]:
                expanded = phrase[: marker.start()] + item + phrase[marker.end() :]
                # A marker left inside a word is an editing artefact ("AD!MINIST!RATIVE").
                expanded = _MARKER.sub(lambda m: m.group(1), expanded)
                yield AgentRecord(expanded, code, number)
            continue
        if "{" in phrase:
            singular, _, plural_part = phrase.partition("{")
            plural = plural_part.split("}", 1)[0].strip()
            yield AgentRecord(singular.strip(), code, number)
            if plural:
                yield AgentRecord(plural, code, number)
            continue
        yield AgentRecord(phrase, code, number)
        yield AgentRecord(regular_plural(phrase.rstrip("_ ")), code, number)


def read_agent_file(path: Path) -> list[AgentRecord]:
    with path.open(encoding="utf-8", errors="replace") as fh:
        return list(read_agent_records(fh))
