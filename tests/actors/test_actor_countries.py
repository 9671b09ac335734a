"""The country table: names, demonyms, capitals and codes."""

from __future__ import annotations

import pytest

from eventwire.actors.countries import (
    country_by_capital,
    country_by_demonym,
    country_by_name,
    country_name,
    country_table,
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("United States", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("U.S.A.", "USA"),
        ("America", "USA"),
        ("the United States", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("United Kingdom", "GBR"),
        ("North Korea", "PRK"),
        ("DPRK", "PRK"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("South Korea", "KOR"),
        ("Republic of Korea", "KOR"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("DR Congo", "COD"),
        ("Burma", "MMR"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Syria", "SYR"),
        ("Iran", "IRN"),
        ("Palestine", "PSE"),
        ("the Netherlands", "NLD"),
        ("Holland", "NLD"),
        ("UAE", "ARE"),
        ("Vatican", "VAT"),
        ("Hong Kong", "HKG"),
        ("Taiwan", "TWN"),
        ("Kosovo", "KOS"),
    ],
)
def test_country_by_name(text: str, code: str) -> None:
    record = country_by_name(text)
    assert record is not None, text
    assert record.code == code


def test_punctuation_and_case_tolerance() -> None:
    assert country_by_name("U.S.") == country_by_name("US") == country_by_name("U.S")
    assert country_by_name("north korea") == country_by_name("NORTH KOREA") == country_by_name("North Korea")


def test_common_word_aliases_need_capitals() -> None:
    assert country_by_name("us") is None
    assert country_by_name("Us") is None
    assert country_by_name("car") is None
    assert country_by_name("CAR") is not None


def test_ambiguous_names_are_not_guessed() -> None:
    assert country_by_name("Congo") is None  # Republic of the Congo or DR Congo
    assert country_by_demonym("Korean") is None
    assert country_by_demonym("Congolese") is None
    assert country_by_demonym("Kurdish") is None


def test_dependencies_fold_into_their_controlling_state() -> None:
    puerto_rico = country_by_name("Puerto Rico")
    assert puerto_rico is not None
    assert (puerto_rico.code, puerto_rico.iso3, puerto_rico.sovereign) == ("USA", "PRI", False)
    greenland = country_by_name("Greenland")
    assert greenland is not None and greenland.code == "DNK"
    western_sahara = country_by_name("Western Sahara")
    assert western_sahara is not None and western_sahara.code == "MAR" and western_sahara.pre
    hong_kong = country_by_name("Hong Kong")
    assert hong_kong is not None and hong_kong.code == "HKG" and hong_kong.sovereign


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("South Korean", "KOR"),
        ("South Koreans", "KOR"),
        ("North Korean", "PRK"),
        ("North Koreans", "PRK"),
        ("Saudi", "SAU"),
        ("Saudis", "SAU"),
        ("Emirati", "ARE"),
        ("Israeli", "ISR"),
        ("Israelis", "ISR"),
        ("Palestinian", "PSE"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("British", "GBR"),
        ("Briton", "GBR"),
        ("Russian", "RUS"),
        ("Chinese", "CHN"),
        ("French", "FRA"),
        ("Dutch", "NLD"),
        ("Filipino", "PHL"),
        ("Ivorian", "CIV"),
        ("South Sudanese", "SSD"),
        ("Sudanese", "SDN"),
        ("Kosovar", "KOS"),
    ],
)
def test_country_by_demonym(text: str, code: str) -> None:
    record = country_by_demonym(text)
    assert record is not None, text
    assert record.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Pyongyang", "PRK"),
        ("Seoul", "KOR"),
        ("Washington", "USA"),
        ("Moscow", "RUS"),
        ("Beijing", "CHN"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Tehran", "IRN"),
        ("Damascus", "SYR"),
        ("London", "GBR"),
        ("Paris", "FRA"),
        ("Ankara", "TUR"),
        ("Astana", "KAZ"),
        ("New Delhi", "IND"),
        ("Pristina", "KOS"),
    ],
)
def test_country_by_capital(text: str, code: str) -> None:
    record = country_by_capital(text)
    assert record is not None, text
    assert record.code == code


def test_ambiguous_capitals_are_left_out() -> None:
    assert country_by_capital("Victoria") is None  # Seychelles, but mostly elsewhere
    assert country_by_capital("Kingston") is None
    assert country_by_capital("Hamilton") is None  # a dependency's capital


def test_country_name() -> None:
    assert country_name("PRK") == "North Korea"
    assert country_name("USA") == "United States"
    assert country_name("KOS") == "Kosovo"
    assert country_name("UNO") == "United Nations"
    assert country_name("EUR") == "European Union"
    assert country_name("prk") == "North Korea"
    assert country_name("XYZ") is None


def test_every_state_has_a_name_and_plover_code() -> None:
    table = country_table()
    codes = table.plover_codes()
    assert codes["PRI"] == "USA"
    assert codes["KOS"] == "KOS"
    for iso3, record in table.records.items():
        assert record.name, iso3
        assert len(record.code) == 3
