"""Event stores whose actor network has exactly the asked number of parties, for the network view's tests.

The parties are made-up but shaped like coded news: countries, governments and forces named by their
country ("Kenyan police", KEN COP), people and organisations with long and short names. They are joined by
a preferential-attachment tree (a few hubs, many leaves) plus some extra pairs, each pair with a
heavy-tailed number of events, so the heaviest `n - 1 + extra` pairs hold every party. A few busy entries
that are not parties ("two villages", "more funding from the US", an unresolved "Agency", a doer the
sentence does not name) are added too: the network must leave them out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

from eventwire.models import Article, CodedArticle, Entity, Event, Evidence, Segment, Trigger
from eventwire.store.duck import EventStore

COUNTRIES = (
    ("USA", "United States", "U.S."),
    ("RUS", "Russia", "Russian"),
    ("CHN", "China", "Chinese"),
    ("GBR", "United Kingdom", "British"),
    ("FRA", "France", "French"),
    ("DEU", "Germany", "German"),
    ("KEN", "Kenya", "Kenyan"),
    ("ETH", "Ethiopia", "Ethiopian"),
    ("NGA", "Nigeria", "Nigerian"),
    ("ZAF", "South Africa", "South African"),
    ("BRA", "Brazil", "Brazilian"),
    ("ARG", "Argentina", "Argentine"),
    ("MEX", "Mexico", "Mexican"),
    ("PER", "Peru", "Peruvian"),
    ("COL", "Colombia", "Colombian"),
    ("IND", "India", "Indian"),
    ("PAK", "Pakistan", "Pakistani"),
    ("AFG", "Afghanistan", "Afghan"),
    ("IRN", "Iran", "Iranian"),
    ("IRQ", "Iraq", "Iraqi"),
    ("SYR", "Syria", "Syrian"),
    ("TUR", "Turkey", "Turkish"),
    ("ISR", "Israel", "Israeli"),
    ("EGY", "Egypt", "Egyptian"),
    ("LBY", "Libya", "Libyan"),
    ("SDN", "Sudan", "Sudanese"),
    ("SSD", "South Sudan", "South Sudanese"),
    ("COD", "Democratic Republic of the Congo", "Congolese"),
    ("AGO", "Angola", "Angolan"),
    ("TCD", "Chad", "Chadian"),
    ("IDN", "Indonesia", "Indonesian"),
    ("PHL", "Philippines", "Philippine"),
    ("VNM", "Vietnam", "Vietnamese"),
    ("THA", "Thailand", "Thai"),
    ("KOR", "South Korea", "South Korean"),
    ("PRK", "North Korea", "North Korean"),
    ("JPN", "Japan", "Japanese"),
    ("AUS", "Australia", "Australian"),
    ("UKR", "Ukraine", "Ukrainian"),
    ("POL", "Poland", "Polish"),
)
SECTORS = (
    ("GOV", "government"),
    ("MIL", "forces"),
    ("COP", "police"),
    ("OPP", "opposition"),
    ("REB", "rebels"),
    ("BUS", "mining company"),
    ("MED", "journalists"),
    ("JUD", "supreme court"),
    ("LEG", "parliament"),
    ("CVL", "residents"),
)
FIRST = ("Amina", "Joseph", "Hana", "Mehdi", "Lucia", "Ivan", "Wei", "Priya", "Tomás", "Aiko", "Omar", "Ines")
LAST = ("Okafor", "Mwangi", "Tesfaye", "Eker", "Fernández", "Petrov", "Zhang", "Raman", "Silva", "Sato")
TITLES = ("Minister", "President", "General", "Ambassador", "Governor")
ORGS = (
    ("United Nations", "UNO", None),
    ("European Union", "EUR", None),
    ("African Union", "AFR", None),
    ("Human Rights Watch", "NGO", "SOC"),
    ("Amnesty International", "NGO", "SOC"),
    ("Doctors Without Borders", "NGO", "HLH"),
    ("International Committee of the Red Cross", "NGO", "HLH"),
    ("World Food Programme", "UNO", None),
    ("Newmont Mining", "MNC", None),
    ("Halliburton", "MNC", None),
)
COOPERATION = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID")
CONFLICT = ("ACCUSE", "REJECT", "THREATEN", "SANCTION", "ASSAULT", "COERCE")
NON_PARTIES = (
    Entity(text="two villages", sector="CVL"),
    Entity(text="more funding from the US", country="USA"),
    Entity(text="Agency", name="Agency"),
    Entity(text="(unnamed)", country="USA", sector="COP"),
)


@dataclass(frozen=True)
class Pair:
    source: int
    target: int
    count: int
    leaning: int  # 1 cooperation, -1 conflict, 0 mixed


def parties(n: int) -> list[Entity]:
    """`n` distinct parties, busiest kinds first: countries, organisations, then the rest mixed."""
    out: list[Entity] = [Entity(text=name, name=name, country=code) for code, name, _ in COUNTRIES]
    out += [Entity(text=name, name=name, country=code, sector=sector) for name, code, sector in ORGS]
    rest: list[Entity] = []
    for i, (code, _, adjective) in enumerate(COUNTRIES):
        for j, (sector, noun) in enumerate(SECTORS):
            rest.append(Entity(text=f"{adjective} {noun}", country=code, sector=sector))
            person = f"{FIRST[(i + j) % len(FIRST)]} {LAST[(i * 3 + j) % len(LAST)]}"
            title = TITLES[j % len(TITLES)]
            rest.append(Entity(text=f"{title} {person}", name=person, country=code, sector="GOV"))
    random.Random(3).shuffle(rest)
    out += rest
    seen: set[str] = set()
    unique = []
    for e in out:
        label = e.name or e.text
        if label not in seen:
            seen.add(label)
            unique.append(e)
    if n > len(unique):
        raise ValueError(f"at most {len(unique)} parties")
    return unique[:n]


def pairs(n: int, extra: int, seed: int = 11) -> list[Pair]:
    """A preferential-attachment tree over `n` parties plus `extra` further pairs, all distinct."""
    rng = random.Random(seed)
    degree = [1] * n
    out: list[Pair] = []
    used: set[tuple[int, int]] = set()

    def add(a: int, b: int) -> None:
        count = min(60, 1 + int(rng.paretovariate(1.2)))
        leaning = rng.choice((1, 1, -1, -1, 0))
        src, dst = (a, b) if rng.random() < 0.5 else (b, a)
        out.append(Pair(src, dst, count, leaning))
        used.update({(a, b), (b, a)})
        degree[a] += 1
        degree[b] += 1

    for i in range(1, n):
        j = rng.choices(range(i), weights=[d**1.3 for d in degree[:i]])[0]
        add(i, j)
    tries = 0
    while len(out) < n - 1 + extra and tries < 100 * (extra + 1):
        tries += 1
        a, b = rng.choices(range(n), weights=degree, k=2)
        if a != b and (a, b) not in used:
            add(a, b)
    return out


def _event(article_id: str, j: int, actor: Entity, recipient: Entity, etype: str, day: dt.date) -> Event:
    sentence = f"{actor.text} and {recipient.text}: {etype.lower()}."
    return Event(
        event_id=hashlib.sha256(f"{article_id}:{j}".encode()).hexdigest()[:16],
        article_id=article_id,
        type=etype,
        mode=None,
        context=[],
        actors=[actor],
        recipients=[recipient],
        date=day.isoformat(),
        date_precision="day",
        location=None,
        modality="asserted",
        attributed_to=None,
        evidence=Evidence(sentence, 0, len(sentence)),
        confidence=0.8,
        trigger=Trigger(etype.lower(), etype.lower(), 0, 1, "test"),
        pipeline_version="test",
    )


def _article(key: str, events: list[tuple[Entity, Entity, str]], day: dt.date) -> CodedArticle:
    article_id = hashlib.sha256(key.encode()).hexdigest()[:16]
    text = f"{key}\n\n" + " ".join(f"{a.text} and {r.text}." for a, r, _ in events)
    article = Article(
        article_id=article_id,
        text=text,
        published=day.isoformat(),
        source="Test Wire",
        title=key,
        segments=[Segment("title", 0, len(key)), Segment("body", len(key) + 2, len(text))],
    )
    return CodedArticle(article, [_event(article_id, j, a, r, t, day) for j, (a, r, t) in enumerate(events)])


def build_network_db(path: Path, n: int, extra: int, seed: int = 11) -> list[Entity]:
    """A store whose actor network has `n` parties joined by `n - 1 + extra` pairs; returns the parties."""
    rng = random.Random(seed)
    people = parties(n)
    start = dt.date(2024, 1, 1)
    coded: list[CodedArticle] = []
    for i, p in enumerate(pairs(n, extra, seed)):
        events = []
        for _ in range(p.count):
            side = p.leaning or rng.choice((1, -1))
            etype = rng.choice(COOPERATION if side > 0 else CONFLICT)
            events.append((people[p.source], people[p.target], etype))
        coded.append(_article(f"Pair {i}", events, start + dt.timedelta(days=i % 300)))
    # Busy entries that are not parties, with parties and among themselves.
    for i, junk in enumerate(NON_PARTIES):
        events = [(junk, people[0], "ACCUSE")] * 40 + [(people[1 % n], junk, "AID")] * 30
        events += [(junk, NON_PARTIES[(i + 1) % len(NON_PARTIES)], "CONSULT")] * 20
        coded.append(_article(f"Not a party {i}", events, start))
    with EventStore(path) as store:
        store.write_batch(coded)
    return people
