"""Actors: who did what to whom, as PLOVER country and sector codes.

* :class:`ActorDictionary` (``dictionary``): longest-match look-up of actor names (persons with dated
  roles, organisations, armed groups, countries, capitals, demonyms, news agencies, government
  metonyms) and of agent nouns ("minister" -> GOV).
* ``countries``: the country table (ISO codes, names, demonyms, capitals).
* ``codes``: PLOVER codes and the translation of CAMEO codes.

Reference data live in ``data/``; the Phoenix-derived files are rebuilt by
``scripts/build_actor_data.py`` and carry the MIT notice in ``data/NOTICE``.
"""

from eventwire.actors.countries import (
    CountryRecord,
    country_by_capital,
    country_by_demonym,
    country_by_name,
    country_name,
)
from eventwire.actors.dictionary import ActorDictionary
from eventwire.actors.match import ActorKind, ActorMatch

__all__ = [
    "ActorDictionary",
    "ActorKind",
    "ActorMatch",
    "CountryRecord",
    "country_by_capital",
    "country_by_demonym",
    "country_by_name",
    "country_name",
]
