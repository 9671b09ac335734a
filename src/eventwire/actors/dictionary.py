"""The actor dictionary: names of persons, organisations, groups, countries, capitals, demonyms,
news agencies and government metonyms -> PLOVER country and sector codes.

Load it once per process with :meth:`ActorDictionary.load` (cached).  Layers, later ones winning
when they know the same name:

1. the compiled Phoenix dictionaries (``phoenix_actors.json.gz``): persons with dated roles,
   organisations, armed groups, spelling variants of country names;
2. capitals, demonyms and country names (:mod:`eventwire.actors.countries`);
3. partially recognised entities, international organisations, armed groups, news agencies and
   government metonyms (:mod:`eventwire.actors.curated`).

Matching is case-insensitive with two guards: a match must contain a capital letter (so "turkey"
and "china" the common nouns do not match) unless the alias is marked as lower-case-friendly, and
aliases that are also common words ("US", "WHO", "SPA") match only text in capitals.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from eventwire.actors import curated, datafiles
from eventwire.actors.agents import AgentTable
from eventwire.actors.countries import CountryTable, country_table
from eventwire.actors.datafiles import LOWER_OK, UPPER_ONLY, Alias
from eventwire.actors.match import ActorKind, ActorMatch, Source
from eventwire.actors.normalize import all_upper, has_upper, phrase_key, word_tokens
from eventwire.actors.phrase_index import PhraseIndex
from eventwire.actors.roles import Role, int_to_date, role_on


class _Actor:
    """An indexed actor.  Compiled roles stay raw lists until the actor is first matched."""

    __slots__ = ("_raw", "_roles", "kind", "name", "source")

    def __init__(self, name: str, kind: ActorKind, roles: Sequence[Any], source: Source) -> None:
        self.name = name
        self.kind = kind
        self.source = source
        self._roles: tuple[Role, ...] | None = tuple(roles) if source == "curated" else None
        self._raw = roles

    @property
    def roles(self) -> tuple[Role, ...]:
        if self._roles is None:
            self._roles = tuple(
                Role(country, tuple(sectors.split()), start, end)
                for country, sectors, start, end in self._raw
            )
        return self._roles


_Entry = tuple[int, int]  # actor index, alias flags


class ActorDictionary:
    """Longest-match look-up of actor names, and of agent nouns."""

    def __init__(self, countries: CountryTable, agents: AgentTable) -> None:
        self._actors: list[_Actor] = []
        self._index: PhraseIndex[_Entry] = PhraseIndex()
        self._countries = countries
        self._agents = agents

    # --- loading ---------------------------------------------------------------------------------

    @classmethod
    def load(cls) -> ActorDictionary:
        """The process-wide dictionary (built on first use)."""
        return _shared_dictionary()

    @classmethod
    def build(cls) -> ActorDictionary:
        """A new dictionary from the package data (``load`` caches one of these)."""
        dictionary = cls(country_table(), AgentTable.from_package_data())
        dictionary._add_phoenix(datafiles.data_json_gz("phoenix_actors.json.gz"))
        dictionary._add_country_table()
        for group in (
            curated.partially_recognized_entities(),
            curated.international_organizations(),
            curated.armed_groups(),
            curated.news_agencies(),
            curated.government_metonyms(),
        ):
            for actor in group:
                dictionary._add_actor(actor.name, actor.kind, actor.roles, "curated", actor.aliases)
        return dictionary

    def _add_phoenix(self, payload: dict[str, Any]) -> None:
        offset = len(self._actors)
        for name, kind, _source, roles in payload["actors"]:
            self._actors.append(_Actor(name, kind, roles, "phoenix"))
        for key, actor, flags in payload["aliases"]:
            self._index.add(key, (offset + actor, flags))

    def _add_country_table(self) -> None:
        table = self._countries
        for alias in sorted(table.aliases(), key=lambda a: ("capital", "demonym", "country").index(a.kind)):
            record = table.by_code(alias.iso3)
            if record is None:
                continue
            sectors = ("PRE",) if record.pre else ()
            name = alias.text if alias.kind == "capital" else record.name
            self._add_actor(
                name, alias.kind, (Role(record.code, sectors),), "curated", (Alias(alias.text, alias.flags),)
            )

    def _add_actor(
        self,
        name: str,
        kind: ActorKind,
        roles: tuple[Role, ...],
        source: Source,
        aliases: Iterable[Alias],
    ) -> None:
        index = len(self._actors)
        self._actors.append(_Actor(name, kind, roles, source))
        for alias in aliases:
            key = phrase_key(alias.text)
            keys = [key, key[4:]] if key.startswith("the ") and len(key) > 4 else [key]
            for one in keys:
                previous = self._index.get(one)
                flags = alias.flags
                if previous is not None and previous[0] == index:
                    flags = _merge_flags(previous[1], flags)
                self._index.add(one, (index, flags))

    # --- actors ------------------------------------------------------------------------------------

    def __len__(self) -> int:
        """The number of phrases indexed."""
        return len(self._index)

    @property
    def countries(self) -> CountryTable:
        return self._countries

    def match(
        self,
        words: Sequence[str],
        start: int,
        on_date: date | None = None,
        *,
        strict_case: bool = True,
    ) -> ActorMatch | None:
        """The longest dictionary phrase starting at ``words[start]``, resolved for ``on_date``.

        ``on_date`` picks among a person's dated roles (None: the current role).  With
        ``strict_case=False`` a match need not contain a capital letter (for text in lower case);
        aliases that are common words still need capitals.
        """

        def accept(entry: _Entry, span: Sequence[str]) -> bool:
            return _case_ok(entry[1], span, strict_case)

        found = self._index.longest(words, start, accept)
        if 0 <= start < len(words) - 1 and words[start].lower() == "the":
            # A leading "the" belongs to the names of organisations, groups, places and buildings.
            after = self._index.longest(words, start + 1, accept)
            taking_the = after is not None and self._actors[after[1][0]].kind in _KINDS_TAKING_THE
            if after is not None and taking_the and (found is None or after[0] + 1 > found[0]):
                found = (after[0] + 1, after[1])
        if found is None:
            return None
        length, (actor_index, _flags) = found
        return self._resolve(actor_index, length, on_date)

    def lookup(
        self, text: str, on_date: date | None = None, *, strict_case: bool = True
    ) -> ActorMatch | None:
        """The actor named by the whole of ``text`` ("the Kremlin", "Vladimir Putin"), or None."""
        words = text.split()
        found = self.match(words, 0, on_date, strict_case=strict_case)
        return found if found is not None and found.length == len(words) else None

    def _resolve(self, actor_index: int, length: int, on_date: date | None) -> ActorMatch:
        actor = self._actors[actor_index]
        role = role_on(actor.roles, on_date)
        if role is None:
            return ActorMatch(length, actor.name, None, None, (), actor.kind, actor.source)
        return ActorMatch(
            length,
            actor.name,
            role.country,
            role.sector,
            role.sectors,
            actor.kind,
            actor.source,
            int_to_date(role.start),
            int_to_date(role.end),
        )

    # --- agents ------------------------------------------------------------------------------------

    def agent_sector(self, noun_lemma: str) -> str | None:
        """The sector of an agent noun ("minister" -> GOV, "troops" -> MIL), or None."""
        return self._agents.sector(noun_lemma)

    def agent_sectors(self, noun: str) -> tuple[str, ...]:
        """All sectors of an agent noun or phrase, primary first ("state media" -> MED, GOV)."""
        return self._agents.sectors(noun)

    def match_agent(self, words: Sequence[str], start: int) -> tuple[int, str] | None:
        """The longest agent phrase at ``words[start]`` ("riot police"): (number of words, sector)."""
        return self._agents.match(words, start)


_KINDS_TAKING_THE = frozenset({"organization", "group", "agency", "metonym"})


def _merge_flags(old: int, new: int) -> int:
    """Flags of one key written several ways ("dpa" and "DPA"): the most permissive wins."""
    if (old | new) & LOWER_OK:
        return LOWER_OK
    if old & new & UPPER_ONLY:
        return UPPER_ONLY
    return 0


def _case_ok(flags: int, span: Sequence[str], strict: bool) -> bool:
    words = [w for w in span if word_tokens(w)]
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    if flags & UPPER_ONLY:
        return all_upper(words)
    if not strict or flags & LOWER_OK:
        return True
    return any(has_upper(w) for w in words)


@lru_cache(maxsize=1)
def _shared_dictionary() -> ActorDictionary:
    return ActorDictionary.build()
