"""PLOVER contexts (the "why" of an event) from the words of its sentence.

Context is topical: a sentence about missiles and armed forces is `military`, about trade `economic`.
Each context fires on its own cue lemmas; the sense that fired can add its default context as well.
"""

from __future__ import annotations

from spacy.tokens import Span

_CUES: dict[str, str] = {}


def _cues(context: str, words: str) -> None:
    for w in words.split():
        _CUES[w] = context


_cues(
    "military",
    "military army troop soldier armed navy naval warship missile weapon arm ammunition artillery "
    "tank jet bomber fighter drill maneuver manoeuvre defence defense arsenal munition airstrike "
    "brigade battalion",
)
_cues("intelligence", "intelligence spy espionage")
_cues(
    "economic",
    "economic economy trade tariff export import investment investor market finance financial "
    "loan debt currency inflation gdp budget tax business industry",
)
_cues(
    "diplomatic",
    "diplomatic diplomat ambassador embassy envoy summit talk negotiation ties relation "
    "fellowship friendship treaty consulate",
)
_cues("legal", "court judge lawsuit trial verdict tribunal prosecutor law legal sentence conviction")
_cues("election", "election vote voter ballot poll campaign candidate electoral")
_cues("human_rights", "rights")
_cues("cbrn", "nuclear chemical biological radiological uranium enrichment")
_cues("health", "health disease epidemic pandemic virus vaccine hospital outbreak covid-19 ebola")
_cues("migration", "refugee migrant migration asylum displaced")
_cues("disasters", "earthquake flood hurricane typhoon cyclone tsunami disaster wildfire drought")
_cues("terrorism", "terrorist terrorism militant jihadist extremist insurgent")
_cues("cyber", "cyber hack hacker cyberattack malware ransomware")
_cues("territory", "territory border annexation occupation sovereignty")
_cues("technology", "technology satellite semiconductor chip")
_cues("peacekeeping", "peacekeeper peacekeeping")
_cues("crime", "crime criminal murder theft robbery gang smuggling")
_cues("corruption", "corruption bribery bribe embezzlement graft")
_cues("environment", "environment pollution climate emission")
_cues("religion_ethnicity", "religious ethnic sectarian muslim christian jewish hindu buddhist")
_cues("illegal_drugs", "drug narcotic cocaine heroin cartel")
_cues("natural_resource", "oil gas mining mineral pipeline")


def contexts(sent: Span, defaults: tuple[str, ...] = ()) -> list[str]:
    found = set(defaults)
    for tok in sent:
        c = _CUES.get(tok.lemma_.lower()) or _CUES.get(tok.lower_)
        if c:
            found.add(c)
    return sorted(found)
