"""PLOVER country and sector codes, and the translation of CAMEO actor codes into them.

CAMEO codes (used by the Phoenix/PETRARCH dictionaries) are runs of 3-letter chunks: a country or
international prefix, then roles, e.g. ``RUSGOV``, ``IGOUNOHLHWHO``, ``NGOHRIAMN``, ``PSEREBHMS``.
PLOVER keeps one country field (an ISO 3166-1 alpha-3 code or one of seven international codes) and
sector codes.  This module holds the translation; it never guesses: chunks it does not know are dropped.

Sector conventions of this project (they differ from the PLOVER manual's table on two codes):

* ``MED`` is *news media* (journalists, newspapers, broadcasters, news agencies), as in CAMEO.
  PLOVER calls this ``JRN`` and uses ``MED`` for health.
* ``HLH`` is *health* (doctors, hospitals, health ministries), CAMEO's code, kept as is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# --- PLOVER country-level codes -------------------------------------------------------------------

#: International non-state codes of PLOVER's country field.
INTERNATIONAL_CODES: Mapping[str, str] = {
    "IGO": "International Governmental Organization",
    "UNO": "United Nations",
    "EUR": "European Union",
    "NGO": "Non-governmental Organization",
    "ISM": "International Social Movement",
    "IMG": "Transnational Militarized Group",
    "MNC": "Multi-national Corporation",
}

#: PLOVER's code for Kosovo, which has no ISO 3166-1 code.
KOSOVO = "KOS"

# --- sectors ---------------------------------------------------------------------------------------

#: Sector codes this project emits, with their meaning.
SECTORS: Mapping[str, str] = {
    "COP": "police, criminal investigation, protective agencies",
    "GOV": "government: executive, governing parties, executive divisions",
    "JUD": "judiciary: judges, courts, prosecutors",
    "LEG": "legislature: parliaments, assemblies, lawmakers",
    "MIL": "military: troops, soldiers, state military personnel and equipment",
    "PRM": "paramilitary organizations not in opposition to the government",
    "PTY": "political parties",
    "REB": "rebels: armed opposition groups or individuals",
    "SPY": "state intelligence services and their operatives",
    "UAF": "unidentified armed forces",
    "UNK": "unidentified actors",
    "AGR": "agriculture, peasants",
    "BUS": "business",
    "CRM": "criminals and criminal gangs",
    "CVL": "civilians, protesters, activists",
    "EDU": "education: teachers, schools, students",
    "ELI": "elites: former officials, their families",
    "LAB": "labour",
    "MED": "news media (CAMEO convention; PLOVER's JRN)",
    "HLH": "health (CAMEO convention; PLOVER's MED)",
    "REF": "refugees and displaced persons",
    "OPP": "political opposition",
    "PRE": "partially recognized entities",
    "REL": "religious organizations and institutions",
    "SOC": "civil society not covered elsewhere",
}

#: CAMEO role chunks and the sector each becomes.  Chunks missing here are dropped.
CAMEO_SECTORS: Mapping[str, str] = {
    **{
        code: code
        for code in (
            "COP",
            "GOV",
            "JUD",
            "LEG",
            "MIL",
            "PTY",
            "REB",
            "OPP",
            "SPY",
            "UAF",
            "AGR",
            "BUS",
            "CRM",
            "CVL",
            "EDU",
            "ELI",
            "LAB",
            "REF",
            "REL",
            "MED",
            "HLH",
        )
    },
    # PLOVER folds CAMEO's insurgents and separatists into rebels.
    "INS": "REB",
    "SEP": "REB",
    # CAMEO "human rights" organizations are civil society in PLOVER.
    "HRI": "SOC",
}

#: CAMEO international prefixes that become PLOVER country codes directly.
_CAMEO_INTERNATIONAL: Mapping[str, str] = {
    "NGO": "NGO",
    "NGM": "ISM",  # CAMEO non-governmental movements
    "MNC": "MNC",
    "IMG": "IMG",
    "UNO": "UNO",
}

#: CAMEO country codes that are not (or no longer) ISO 3166-1 alpha-3 codes.
CAMEO_COUNTRY_FIXES: Mapping[str, str] = {
    "TMP": "TLS",  # East Timor
    "KSV": KOSOVO,
    "ROM": "ROU",
    "ZAR": "COD",
}

#: CAMEO codes of states that no longer exist: roles coded with them are dropped.
CAMEO_HISTORICAL_STATES: frozenset[str] = frozenset({"DDR", "USR", "SUN", "YUG", "SCG", "FRY", "CSK"})


@dataclass(frozen=True)
class ActorCode:
    """A CAMEO code translated to PLOVER: a country code (or None) and the sectors, primary first."""

    country: str | None
    sectors: tuple[str, ...]

    @property
    def sector(self) -> str | None:
        return self.sectors[0] if self.sectors else None

    @property
    def empty(self) -> bool:
        return self.country is None and not self.sectors


def _chunks(code: str) -> list[str] | None:
    if not code or len(code) % 3 or not code.isalpha() or not code.isupper():
        return None
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def sectors_from_chunks(chunks: list[str]) -> tuple[str, ...]:
    """The PLOVER sectors of CAMEO role chunks, in order, without duplicates or unknown chunks."""
    out: list[str] = []
    for chunk in chunks:
        sector = CAMEO_SECTORS.get(chunk)
        if sector and sector not in out:
            out.append(sector)
    return tuple(out)


def translate_cameo(code: str, countries: Mapping[str, str]) -> ActorCode | None:
    """Translate one CAMEO actor code.

    ``countries`` maps ISO 3166-1 alpha-3 codes (and PLOVER's ``KOS``) to the code used in events
    (dependencies map to their controlling state).  Returns None for codes that cannot be read at all
    (wrong shape, historical states); an ``ActorCode`` whose country is None when the prefix is a
    region, a religion or an unknown code (the sectors are kept).
    """
    if code == "---":
        return ActorCode(None, ())
    chunks = _chunks(code)
    if chunks is None:
        return None
    head = chunks[0]
    if head in CAMEO_HISTORICAL_STATES:
        return None
    if head == "IGO":
        rest = chunks[1:]
        if rest[:1] == ["UNO"]:
            return ActorCode("UNO", sectors_from_chunks(rest[1:]))
        if rest[:2] == ["EUR", "EEC"]:
            return ActorCode("EUR", sectors_from_chunks(rest[2:]))
        return ActorCode("IGO", sectors_from_chunks(rest))
    if head in _CAMEO_INTERNATIONAL:
        return ActorCode(_CAMEO_INTERNATIONAL[head], sectors_from_chunks(chunks[1:]))
    if head == "INT":
        # CAMEO "international" prefix: armed ones are PLOVER's transnational militarized groups.
        sectors = sectors_from_chunks(chunks[1:])
        armed = bool({"REB", "UAF"} & set(sectors))
        return ActorCode("IMG" if armed else None, sectors)
    iso = CAMEO_COUNTRY_FIXES.get(head, head)
    if iso in countries:
        return ActorCode(countries[iso], sectors_from_chunks(chunks[1:]))
    if head in CAMEO_SECTORS:
        # A bare role such as "ELI" or "MED": no country.
        return ActorCode(None, sectors_from_chunks(chunks))
    # Regions (MEA, SAS, WEU ...), religions (BUD, HIN ...) and unknown prefixes: no country.
    return ActorCode(None, sectors_from_chunks(chunks[1:]))


def translate_agent(code: str) -> tuple[str, ...]:
    """The PLOVER sectors of a CAMEO agent code such as ``~GOVMED`` or ``NGO~`` (may be empty)."""
    chunks = _chunks(code.strip().strip("~").strip())
    return sectors_from_chunks(chunks) if chunks else ()
