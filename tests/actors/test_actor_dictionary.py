"""The actor dictionary: longest matches, dated roles, curated tables and case guards."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from eventwire.actors import ActorDictionary, ActorMatch

ARTICLE_DATE = date(2023, 9, 19)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def match(
    actors: ActorDictionary, text: str, start: int = 0, on: date | None = ARTICLE_DATE
) -> ActorMatch | None:
    return actors.match(text.split(), start, on)


def test_load_is_cached(actors: ActorDictionary) -> None:
    assert ActorDictionary.load() is actors
    assert len(actors) > 20000


def test_person_with_dated_roles(actors: ActorDictionary) -> None:
    m = match(actors, "Vladimir Putin said on Tuesday")
    assert m is not None
    assert (m.length, m.name, m.country, m.sector, m.kind) == (2, "Vladimir Putin", "RUS", "GOV", "person")
    assert m.source == "phoenix"
    assert m.since == date(2008, 5, 8) and m.until is None
    earlier = match(actors, "Putin", on=date(1995, 6, 1))
    assert earlier is not None and earlier.sector == "ELI"
    surname = match(actors, "Putin", on=None)
    assert surname is not None and surname.name == "Vladimir Putin" and surname.sector == "GOV"


def test_person_listed_in_two_dictionaries_keeps_both_roles(actors: ActorDictionary) -> None:
    before = match(actors, "Ban Ki-moon", on=date(2005, 1, 1))
    after = match(actors, "Ban Ki-moon", on=date(2010, 1, 1))
    assert before is not None and before.country == "KOR"
    assert after is not None and after.country == "UNO"


def test_longest_match_wins(actors: ActorDictionary) -> None:
    m = match(actors, "Korean Central News Agency reported")
    assert m is not None
    assert (m.length, m.country, m.sector, m.kind) == (4, "PRK", "MED", "agency")
    m = match(actors, "UN Security Council members")
    assert m is not None and (m.length, m.country, m.sector) == (3, "UNO", "GOV")


def test_demonyms(actors: ActorDictionary) -> None:
    south = match(actors, "South Korean President Yoon")
    north = match(actors, "North Korean leader Kim Jong Un")
    assert south is not None and (south.length, south.country, south.kind) == (2, "KOR", "demonym")
    assert north is not None and (north.length, north.country, north.kind) == (2, "PRK", "demonym")
    assert match(actors, "Korean officials") is None  # which Korea is not guessed


def test_countries_and_capitals(actors: ActorDictionary) -> None:
    for text, code, kind in [
        ("U.S. officials", "USA", "country"),
        ("US officials", "USA", "country"),
        ("Russia", "RUS", "country"),
        ("Pyongyang", "PRK", "capital"),
        ("Washington", "USA", "capital"),
        ("Kiev", "UKR", "capital"),
        ("Ivory Coast", "CIV", "country"),
    ]:
        m = match(actors, text)
        assert m is not None, text
        assert (m.country, m.kind) == (code, kind), text
        assert m.sector is None


def test_us_normalisation(actors: ActorDictionary) -> None:
    dotted = actors.match(["U.S.", "troops"], 0)
    plain = actors.match(["US", "troops"], 0)
    split = actors.match(["U.S", "troops"], 0)
    assert dotted == plain == split
    assert dotted is not None and dotted.country == "USA" and dotted.length == 1


def test_government_metonyms(actors: ActorDictionary) -> None:
    for text, code, sector, length in [
        ("the Kremlin said", "RUS", "GOV", 2),
        ("Kremlin spokesman", "RUS", "GOV", 1),
        ("the White House", "USA", "GOV", 3),
        ("Downing Street", "GBR", "GOV", 2),
        ("the Pentagon", "USA", "MIL", 2),
        ("the Elysee", "FRA", "GOV", 2),
        ("the Élysée", "FRA", "GOV", 2),
    ]:
        m = match(actors, text)
        assert m is not None, text
        assert (m.country, m.sector, m.kind, m.length) == (code, sector, "metonym", length), text


@pytest.mark.parametrize(
    ("text", "code", "sectors"),
    [
        ("KCNA", "PRK", ("MED", "GOV")),
        ("Xinhua", "CHN", ("MED", "GOV")),
        ("TASS", "RUS", ("MED", "GOV")),
        ("RIA Novosti", "RUS", ("MED", "GOV")),
        ("Interfax", "RUS", ("MED",)),
        ("IRNA", "IRN", ("MED", "GOV")),
        ("Fars", "IRN", ("MED", "GOV")),
        ("SANA", "SYR", ("MED", "GOV")),
        ("WAFA", "PSE", ("MED", "GOV")),
        ("Anadolu Agency", "TUR", ("MED", "GOV")),
        ("Yonhap", "KOR", ("MED",)),
        ("Kyodo", "JPN", ("MED",)),
        ("SPA", "SAU", ("MED", "GOV")),
        ("MENA", "EGY", ("MED", "GOV")),
        ("APS", "DZA", ("MED", "GOV")),
        ("QNA", "QAT", ("MED", "GOV")),
        ("KUNA", "KWT", ("MED", "GOV")),
        ("Bernama", "MYS", ("MED", "GOV")),
        ("Antara", "IDN", ("MED", "GOV")),
        ("PTI", "IND", ("MED",)),
        ("APP", "PAK", ("MED", "GOV")),
        ("AP", "USA", ("MED",)),
        ("Associated Press", "USA", ("MED",)),
        ("Reuters", "GBR", ("MED",)),
        ("AFP", "FRA", ("MED",)),
        ("Agence France-Presse", "FRA", ("MED",)),
        ("dpa", "DEU", ("MED",)),
        ("EFE", "ESP", ("MED",)),
        ("ANSA", "ITA", ("MED",)),
        ("Al Jazeera", "QAT", ("MED", "GOV")),
        ("BBC", "GBR", ("MED", "GOV")),
        ("CNN", "USA", ("MED",)),
    ],
)
def test_news_agencies(actors: ActorDictionary, text: str, code: str, sectors: tuple[str, ...]) -> None:
    m = actors.lookup(text)
    assert m is not None, text
    assert (m.country, m.sectors, m.kind) == (code, sectors, "agency")
    assert m.sector == "MED"


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("United Nations", "UNO", None),
        ("U.N.", "UNO", None),
        ("UN Security Council", "UNO", "GOV"),
        ("UNHCR", "UNO", None),
        ("UNICEF", "UNO", None),
        ("WHO", "UNO", "HLH"),
        ("World Health Organization", "UNO", "HLH"),
        ("IAEA", "UNO", None),
        ("European Union", "EUR", None),
        ("EU", "EUR", None),
        ("European Commission", "EUR", "GOV"),
        ("European Parliament", "EUR", "LEG"),
        ("NATO", "IGO", "MIL"),
        ("Nato", "IGO", "MIL"),
        ("African Union", "IGO", None),
        ("ASEAN", "IGO", None),
        ("OPEC", "IGO", None),
        ("Arab League", "IGO", None),
        ("IMF", "IGO", None),
        ("World Bank", "IGO", None),
        ("WTO", "IGO", None),
        ("OSCE", "IGO", None),
        ("G7", "IGO", "GOV"),
        ("G20", "IGO", "GOV"),
        ("APEC", "IGO", None),
        ("International Committee of the Red Cross", "NGO", None),
        ("ICRC", "NGO", None),
        ("Red Cross", "NGO", None),
        ("Amnesty International", "NGO", "SOC"),
        ("Human Rights Watch", "NGO", "SOC"),
        ("Doctors Without Borders", "NGO", "HLH"),
        ("MSF", "NGO", "HLH"),
        ("Greenpeace", "NGO", None),
    ],
)
def test_international_organisations(
    actors: ActorDictionary, text: str, code: str, sector: str | None
) -> None:
    m = actors.lookup(text)
    assert m is not None, text
    assert (m.country, m.sector) == (code, sector)
    assert m.kind == "organization"


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("Hamas", "PSE", "REB"),
        ("Hezbollah", "LBN", "REB"),
        ("Hizbollah", "LBN", "REB"),
        ("al-Qaeda", "IMG", "REB"),
        ("Islamic State", "IMG", "REB"),
        ("ISIS", "IMG", "REB"),
        ("ISIL", "IMG", "REB"),
        ("Boko Haram", "NGA", "REB"),
        ("al-Shabaab", "SOM", "REB"),
    ],
)
def test_armed_groups(actors: ActorDictionary, text: str, code: str, sector: str) -> None:
    m = actors.lookup(text)
    assert m is not None, text
    assert (m.country, m.sector, m.kind) == (code, sector, "group")


def test_group_with_dated_roles(actors: ActorDictionary) -> None:
    before = actors.lookup("Taliban", date(2015, 1, 1))
    after = actors.lookup("the Taliban", date(2023, 9, 19))
    assert before is not None and (before.country, before.sector) == ("AFG", "REB")
    assert after is not None and (after.country, after.sector) == ("AFG", "GOV")


def test_phoenix_groups(actors: ActorDictionary) -> None:
    m = actors.lookup("Taleban", date(2010, 1, 1))
    assert m is not None and (m.country, m.sector) == ("AFG", "REB")


def test_partially_recognised_entities(actors: ActorDictionary) -> None:
    m = actors.lookup("Abkhazia")
    assert m is not None and (m.country, m.sector) == ("GEO", "PRE")


def test_hyphens_possessives_and_clitics(actors: ActorDictionary) -> None:
    split = actors.match(["al", "-", "Qaeda", "fighters"], 0)
    assert split is not None and split.length == 3 and split.country == "IMG"
    possessive = actors.match(["Russia's", "foreign", "ministry"], 0)
    assert possessive is not None and possessive.length == 1 and possessive.country == "RUS"
    clitic = actors.match(["Russia", "'s", "foreign", "ministry"], 0)
    assert clitic is not None and clitic.length == 1 and clitic.country == "RUS"
    inner = actors.match(["People", "'s", "Republic", "of", "China", "said"], 0)
    assert inner is not None and inner.length == 5 and inner.country == "CHN"


def test_the_is_optional_for_organisations_not_for_demonyms(actors: ActorDictionary) -> None:
    m = match(actors, "the UN Security Council voted")
    assert m is not None and m.length == 4 and m.sector == "GOV"
    assert match(actors, "the Russian president") is None
    assert match(actors, "the Russian president", start=1) is not None


def test_case_guards(actors: ActorDictionary) -> None:
    assert match(actors, "turkey dinner") is None
    assert match(actors, "fine china") is None
    assert match(actors, "china", start=0) is None
    assert match(actors, "Who said") is None
    assert match(actors, "WHO said") is not None
    assert match(actors, "us officials") is None
    assert match(actors, "Kim Jong Un", start=2) is None  # "Un" is not the UN
    assert match(actors, "spa resort") is None
    relaxed = actors.match(["south", "korea"], 0, strict_case=False)
    assert relaxed is not None and relaxed.country == "KOR"
    assert actors.match(["us"], 0, strict_case=False) is None


def test_no_match_and_bounds(actors: ActorDictionary) -> None:
    assert match(actors, "the weather was fine") is None
    assert actors.match([], 0) is None
    assert actors.match(["Russia"], 5) is None
    assert actors.match(["Russia"], -1) is None
    assert actors.lookup("Russia said") is None


def test_agents(actors: ActorDictionary) -> None:
    assert actors.agent_sector("minister") == "GOV"
    assert actors.agent_sector("official") == "GOV"
    assert actors.agent_sector("journalist") == "MED"
    assert actors.match_agent(["riot", "police", "fired"], 0) == (2, "COP")


def test_loads_in_a_fresh_process_from_the_shipped_data() -> None:
    code = (
        "from eventwire.actors import ActorDictionary\n"
        "d = ActorDictionary.load()\n"
        "m = d.match(['Vladimir', 'Putin'], 0)\n"
        "print(len(d), m.country if m else None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    size, country = out.stdout.split()
    assert int(size) > 10_000 and country == "RUS"
