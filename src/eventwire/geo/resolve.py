"""Resolution: which gazetteer entry each toponym of an article refers to.

One sense per name and article. A candidate's score adds
- a prior: log population, a bonus by feature (countries, continents and regions before divisions
  before cities; national capitals up), a penalty for obscure alternate names;
- country context: the countries the article names or implies (demonyms, unambiguous places, the
  dateline, the source's home country);
- admin context: "Springfield, Illinois" keeps only candidates inside Illinois; divisions named
  elsewhere in the article favour their own towns ("Paris" near "Texas");
- proximity to the article's other places, once a first reading has placed them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from eventwire.geo.gazetteer import Candidate, Gazetteer
from eventwire.geo.records import Toponym
from eventwire.geo.sources import ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, REGION
from eventwire.geo.text import haversine_km

FEATURE_BONUS = {CITY: 0.0, ADMIN1: 1.0, ADMIN2: -1.0, COUNTRY: 3.0, CONTINENT: 3.0, REGION: 6.5}
CAPITAL_BONUS = 2.5
ALTERNATE_PENALTY = 1.5
COUNTRY_CONTEXT = 2.5
ADMIN_CONTEXT = 2.5
HOME_BONUS = 1.0
NEAR_BONUS = ((50.0, 1.5), (200.0, 1.0), (600.0, 0.5))
MAX_CANDIDATES = 60
# A city this large keeps its name against the division it lies in ("New York", not the state).
NAMESAKE_CITY = 500_000
_SUFFIXES = {
    " state": (ADMIN1,),
    " province": (ADMIN1,),
    " region": (ADMIN1, REGION),
    " county": (ADMIN2,),
    " city": (CITY,),
    " city centre": (CITY,),
    " district": (ADMIN2, ADMIN1),
}
_PREFIXES = {"state of ": (ADMIN1,), "province of ": (ADMIN1,), "city of ": (CITY,), "county of ": (ADMIN2,)}


@dataclass
class Mention:
    """All toponyms of an article that share a lookup key."""

    key: str
    toponyms: list[int] = field(default_factory=list)  # positions in the article's toponym list
    candidates: list[Candidate] = field(default_factory=list)
    fixed: int | None = None  # a demonym's or an abbreviation's only referent
    containers: list[str] = field(default_factory=list)  # keys of "X, <container>" divisions


def lookup(gaz: Gazetteer, key: str) -> list[Candidate]:
    """Candidates of a key, also reading "X State", "X County", "the city of X" as X of that feature."""
    found = gaz.candidates(key)
    if found:
        return found
    if key.startswith("the "):
        return lookup(gaz, key[4:])
    for suffix, features in _SUFFIXES.items():
        if key.endswith(suffix) and len(key) > len(suffix):
            base = [c for c in gaz.candidates(key[: -len(suffix)]) if int(gaz.feature[c.row]) in features]
            if base:
                return [Candidate(c.row, True) for c in base]
    for prefix, features in _PREFIXES.items():
        if key.startswith(prefix):
            base = [c for c in gaz.candidates(key[len(prefix) :]) if int(gaz.feature[c.row]) in features]
            if base:
                return [Candidate(c.row, True) for c in base]
    return []


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def prior(self, cand: Candidate) -> float:
        gaz, row = self.gaz, cand.row
        feature = int(gaz.feature[row])
        score = math.log10(int(gaz.pop[row]) + 10) + FEATURE_BONUS[feature]
        if gaz.is_capital(row):
            score += CAPITAL_BONUS
        if not cand.main_name:
            score -= ALTERNATE_PENALTY
        return score

    def mentions(self, toponyms: Sequence[Toponym]) -> list[Mention]:
        gaz = self.gaz
        by_key: dict[str, Mention] = {}
        for i, t in enumerate(toponyms):
            after_comma = i > 0 and _follows_comma(toponyms[i - 1], t)
            key = _key_of(t, after_comma, gaz)
            m = by_key.get(key)
            if m is None:
                m = by_key[key] = Mention(key)
                if key.startswith("demonym:"):
                    m.fixed = gaz.demonyms.get(t.key)
                elif key.startswith("abbrev:"):
                    m.fixed = gaz.after_comma[t.key]
                else:
                    cands = lookup(gaz, t.key)
                    if len(cands) > MAX_CANDIDATES:
                        cands = sorted(cands, key=self.prior, reverse=True)[:MAX_CANDIDATES]
                    m.candidates = cands
            m.toponyms.append(i)
            if i > 0 and after_comma:
                prev_key = toponyms[i - 1].key
                if prev_key in by_key and key not in by_key[prev_key].containers:
                    by_key[prev_key].containers.append(key)
        return list(by_key.values())

    def resolve(
        self,
        toponyms: Sequence[Toponym],
        home: str | None = None,
        dateline: Sequence[int] = (),
    ) -> list[int | None]:
        """Row of the chosen gazetteer entry for each toponym (None when nothing fits)."""
        gaz = self.gaz
        mentions = self.mentions(toponyms)
        dateline_set = set(dateline)
        chosen: dict[str, int | None] = {m.key: m.fixed for m in mentions if m.fixed is not None}

        # Containers first: "Pleasanton, Calif." decides Calif. before Pleasanton.
        def allowed(m: Mention) -> list[Candidate]:
            cands = m.candidates
            for ck in m.containers:
                row = chosen.get(ck)
                if row is None:
                    continue
                inside = [c for c in cands if self._inside(c.row, row)]
                if inside:
                    cands = inside
            if len(cands) > 1:
                cands = self._drop_namesake_divisions(cands, m)
            return cands

        ctx = _Context(home)
        for rnd in range(3):
            picks: dict[str, int | None] = {}
            margins: dict[str, float] = {}
            near = chosen if rnd == 2 else {}
            for m in mentions:
                if m.fixed is not None:
                    continue
                cands = allowed(m)
                if not cands:
                    picks[m.key] = None
                    continue
                scored = sorted(((self._score(c, m, ctx, near), c.row) for c in cands), reverse=True)
                picks[m.key] = scored[0][1]
                margins[m.key] = scored[0][0] - scored[1][0] if len(scored) > 1 else 5.0
            chosen.update(picks)
            # Context for the next round: every mention votes for its pick's country and admin1,
            # weighted by how many times it occurs and how sure the pick was.
            ctx = _Context(home)
            for m in mentions:
                row = chosen.get(m.key)
                if row is None:
                    continue
                conf = 1.0 if m.fixed is not None else min(1.0, 0.3 + margins.get(m.key, 0.0) / 3)
                weight = conf * (1 + math.log(len(m.toponyms)))
                if any(i in dateline_set for i in m.toponyms):
                    weight += 3.0
                division = int(gaz.feature[row]) in (ADMIN1, ADMIN2)
                ctx.vote(
                    m.key,
                    gaz.country_of(row),
                    gaz.admin1_of(row),
                    weight,
                    weight if division else 0.3 * weight,
                )
        return [
            chosen.get(_key_of(t, i > 0 and _follows_comma(toponyms[i - 1], t), gaz))
            for i, t in enumerate(toponyms)
        ]

    def _score(self, cand: Candidate, m: Mention, ctx: _Context, chosen: dict[str, int | None]) -> float:
        gaz, row = self.gaz, cand.row
        score = self.prior(cand)
        feature = int(gaz.feature[row])
        cc = gaz.country_of(row)
        if cc:
            score += COUNTRY_CONTEXT * ctx.share(ctx.cc, cc, m.key)
        a1 = gaz.admin1_of(row)
        if a1 and feature in (CITY, ADMIN2):
            score += ADMIN_CONTEXT * ctx.share(ctx.a1, a1, m.key)
        if ctx.home and cc == ctx.home:
            score += HOME_BONUS
        if chosen and feature in (CITY, ADMIN2):
            score += self._nearness(row, m, chosen)
        return score

    def _nearness(self, row: int, m: Mention, chosen: dict[str, int | None]) -> float:
        gaz = self.gaz
        lat, lon = float(gaz.lat[row]), float(gaz.lon[row])
        best = 0.0
        for key, other in chosen.items():
            if key == m.key or other is None or int(gaz.feature[other]) not in (CITY, ADMIN2):
                continue
            d = haversine_km(lat, lon, float(gaz.lat[other]), float(gaz.lon[other]))
            for limit, bonus in NEAR_BONUS:
                if d <= limit:
                    best = max(best, bonus)
                    break
        return best

    def _inside(self, row: int, container: int) -> bool:
        gaz = self.gaz
        feature = int(gaz.feature[container])
        if feature == COUNTRY:
            return gaz.country_of(row) == gaz.country_of(container)
        if feature in (ADMIN1, ADMIN2):
            return gaz.country_of(row) == gaz.country_of(container) and gaz.admin1_of(row) == gaz.admin1_of(
                container
            )
        return False

    def _drop_namesake_divisions(self, cands: list[Candidate], m: Mention) -> list[Candidate]:
        """ "New York", "Paris": a big city beats the division of the same name that holds it."""
        gaz = self.gaz
        big = [c for c in cands if int(gaz.feature[c.row]) == CITY and int(gaz.pop[c.row]) >= NAMESAKE_CITY]
        if not big or m.key.endswith((" state", " county", " province")):
            return cands
        drop = {
            c.row
            for c in cands
            if int(gaz.feature[c.row]) in (ADMIN1, ADMIN2) and any(self._inside(b.row, c.row) for b in big)
        }
        return [c for c in cands if c.row not in drop] if drop else cands


class _Context:
    """The countries and first-level divisions an article's places point to, by weight of evidence."""

    def __init__(self, home: str | None) -> None:
        self.home = home
        self.cc: dict[str, float] = defaultdict(float)
        self.a1: dict[str, float] = defaultdict(float)
        self.votes: dict[str, tuple[str | None, str | None, float, float]] = {}
        if home:
            self.cc[home] += 2.0

    def vote(self, key: str, cc: str | None, a1: str | None, w_cc: float, w_a1: float) -> None:
        self.votes[key] = (cc, a1, w_cc, w_a1)
        if cc:
            self.cc[cc] += w_cc
        if a1:
            self.a1[a1] += w_a1

    def share(self, table: dict[str, float], value: str, key: str) -> float:
        """value's weight relative to the strongest, leaving out the mention's own vote (a name must
        not be its own evidence)."""
        if not table:
            return 0.0
        vote = self.votes.get(key)
        voted, weight = (
            (None, 0.0) if vote is None else ((vote[0], vote[2]) if table is self.cc else (vote[1], vote[3]))
        )
        own = table.get(value, 0.0) - (weight if voted == value else 0.0)
        top = max(v - (weight if k == voted else 0.0) for k, v in table.items())
        return min(1.0, own / top) if own > 1e-9 and top > 0 else 0.0


def _follows_comma(prev: Toponym, t: Toponym) -> bool:
    if prev.doc_index != t.doc_index or prev.span.doc is not t.span.doc:
        return False
    doc = t.span.doc
    return t.span.start == prev.span.end + 1 and doc[prev.span.end].text == ","


def _key_of(t: Toponym, after_comma: bool, gaz: Gazetteer) -> str:
    """Mention key: demonyms and state abbreviations have one referent and their own namespace."""
    if t.kind == "demonym" or t.key in gaz.demonyms:
        return "demonym:" + t.key
    # "Severn, Md.": the abbreviation; "Md." alone only when no place has that as a main name.
    if t.key in gaz.after_comma and (after_comma or not any(c.main_name for c in gaz.candidates(t.key))):
        return "abbrev:" + t.key
    return t.key
