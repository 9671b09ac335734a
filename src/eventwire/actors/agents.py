"""Agent nouns -> PLOVER sectors ("minister" -> GOV, "rebels" -> REB, "riot police" -> COP).

The table is compiled from the Phoenix agents dictionary (``agents.json.gz``, singular and plural
forms, CAMEO codes translated) and corrected by the hand-kept ``agent_overrides.tsv``.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.actors import datafiles
from eventwire.actors.normalize import phrase_key
from eventwire.actors.phoenix_format import regular_plural
from eventwire.actors.phrase_index import PhraseIndex


class AgentTable:
    """Agent phrases and their sectors (primary first)."""

    def __init__(self, compiled: Sequence[Sequence[str]], overrides: Sequence[Sequence[str]] = ()) -> None:
        self._index: PhraseIndex[tuple[str, ...]] = PhraseIndex()
        for key, sectors in compiled:
            self._index.add(key, tuple(sectors.split()))
        for phrase, sectors in overrides:
            for form in _forms(phrase):
                key = phrase_key(form)
                if sectors.strip():
                    self._index.add(key, tuple(sectors.split()))
                else:
                    self._index.discard(key)

    @classmethod
    def from_package_data(cls) -> AgentTable:
        compiled = datafiles.data_json_gz("agents.json.gz")["agents"]
        overrides = [(row[0], row[1]) for row in datafiles.rows("agent_overrides.tsv", 3)]
        return cls(compiled, overrides)

    def __len__(self) -> int:
        return len(self._index)

    def sectors(self, noun: str) -> tuple[str, ...]:
        """All sectors of an agent noun or phrase (singular or plural), primary first."""
        return self._index.get(phrase_key(noun)) or ()

    def sector(self, noun: str) -> str | None:
        """The primary sector of an agent noun or phrase, or None."""
        found = self.sectors(noun)
        return found[0] if found else None

    def match(self, words: Sequence[str], start: int) -> tuple[int, str] | None:
        """The longest agent phrase starting at ``words[start]``: (number of words, sector)."""
        found = self._index.longest(words, start, lambda sectors, _span: bool(sectors))
        if found is None:
            return None
        length, sectors = found
        return length, sectors[0]


def _forms(phrase: str) -> list[str]:
    """The forms of an override phrase: ``X`` (and its regular plural), ``X|PLURAL``, ``X!`` (as is)."""
    if phrase.endswith("!"):
        return [phrase[:-1]]
    if "|" in phrase:
        return [p for p in phrase.split("|") if p.strip()]
    return [phrase, regular_plural(phrase.upper())]
