"""Reading the PETRARCH/TABARI dictionary formats and translating CAMEO codes."""

from __future__ import annotations

from eventwire.actors.codes import ActorCode, translate_agent, translate_cameo
from eventwire.actors.phoenix_format import (
    RawCode,
    parse_date,
    parse_restriction,
    read_actor_records,
    read_agent_records,
    regular_plural,
)
from eventwire.actors.roles import OPEN_END, OPEN_START

COUNTRIES = {"RUS": "RUS", "AFG": "AFG", "USA": "USA", "PRI": "USA", "TLS": "TLS", "KOS": "KOS", "ARM": "ARM"}

ACTORS = """\
# a comment
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_

VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
\t[RUSELI 700101-990809]
\t[RUSGOV >080508]
\t[RUSELI]
AMERICAN_VICE_PRESIDENT
+US_VICE_PRESIDENT
AMERICAN_VICE-PRESIDENT
\t[USAGOV]
ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]# inline restrictions
TAIWAN_  [TWN]
+TAIOAN_ +TAWIAN_
DAVID_CAMERON_
\t[GBRGOV >201005011]
"""


def test_dates() -> None:
    assert parse_date("080508") == 20080508
    assert parse_date("700101") == 19700101
    assert parse_date("19270101") == 19270101
    assert parse_date("201005011") == 20100501  # PETRARCH reads the first 8 digits
    assert parse_date("20100231") is None
    assert parse_date("abc") is None


def test_restrictions() -> None:
    assert parse_restriction("RUSGOV >080508") == RawCode("RUSGOV", 20080508, OPEN_END)
    assert parse_restriction("RUSGOV <080508") == RawCode("RUSGOV", OPEN_START, 20080508)
    assert parse_restriction("AFGELI 320101-331108") == RawCode("AFGELI", 19320101, 19331108)
    assert parse_restriction("ELI") == RawCode("ELI")
    assert parse_restriction("---") == RawCode("---")
    assert parse_restriction("KORGOV 2004017-20061201") is None  # end before start once read


def test_actor_records() -> None:
    records = list(read_actor_records(ACTORS.splitlines(keepends=True)))
    assert [r.primary for r in records] == [
        "AFGHANISTAN_",
        "VLADIMIR_PUTIN_",
        "AMERICAN_VICE_PRESIDENT",
        "ANN_VENEMAN_",
        "TAIWAN_",
        "DAVID_CAMERON_",
    ]
    afghanistan, putin, vice, veneman, taiwan, cameron = records
    assert afghanistan.phrases == ["AFGHANISTAN_", "AFGHAN_", "KABUL_"]
    assert afghanistan.codes == [RawCode("AFG")]
    assert putin.codes[1] == RawCode("RUSGOV", 20080508, OPEN_END)
    assert "CountryInfo.txt" in putin.comments[0]
    # a primary phrase after a record without codes shares its codes, in a group of its own
    assert [g[0] for g in vice.groups] == ["AMERICAN_VICE_PRESIDENT", "AMERICAN_VICE-PRESIDENT"]
    assert vice.codes == [RawCode("USAGOV")]
    assert veneman.codes == [RawCode("USAGOV", 20010120, 20050120), RawCode("IGOUNOKID", 20050501, OPEN_END)]
    assert taiwan.phrases == ["TAIWAN_", "TAIOAN_", "TAWIAN_"]
    assert cameron.codes == [RawCode("GBRGOV", 20100501, OPEN_END)]


def test_agent_records() -> None:
    text = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
POLICE {} [~COP]
SOLDIER [~MIL]
SECRETARY {SECRETARIES} [~GOV]
CONGRESS!PERSON! [~LEG]
!MINIST! OF_DEFENSE [~GOVMIL]
PUBLIC_SERVICE_AND_AD!MINIST!RATIVE_REFORM [~GOV]
NOCODE
"""
    records = [(r.phrase, r.code) for r in read_agent_records(text.splitlines())]
    assert ("POLICE", "~COP") in records
    assert ("POLICES", "~COP") not in records
    assert ("SOLDIERS", "~MIL") in records
    assert ("SECRETARIES", "~GOV") in records
    assert ("CONGRESSWOMEN", "~LEG") in records
    assert ("MINISTRY OF_DEFENSE", "~GOVMIL") in records
    assert all("!" not in phrase for phrase, _ in records)
    assert all(phrase != "NOCODE" for phrase, _ in records)


def test_regular_plural() -> None:
    assert regular_plural("ARMY") == "ARMIES"
    assert regular_plural("BOSS") == "BOSSES"
    assert regular_plural("REBEL") == "REBELS"


def test_translate_country_codes() -> None:
    assert translate_cameo("RUSGOV", COUNTRIES) == ActorCode("RUS", ("GOV",))
    assert translate_cameo("USAGOVLEG", COUNTRIES) == ActorCode("USA", ("GOV", "LEG"))
    assert translate_cameo("PRI", COUNTRIES) == ActorCode("USA", ())
    assert translate_cameo("TMPGOV", COUNTRIES) == ActorCode("TLS", ("GOV",))
    assert translate_cameo("KSVGOV", COUNTRIES) == ActorCode("KOS", ("GOV",))
    assert translate_cameo("ARMUNR", COUNTRIES) == ActorCode("ARM", ())
    assert translate_cameo("AFGINS", COUNTRIES) == ActorCode("AFG", ("REB",))
    assert translate_cameo("DDRGOV", COUNTRIES) is None  # a state that no longer exists
    assert translate_cameo("USRARM", COUNTRIES) is None
    assert translate_cameo("rusgov", COUNTRIES) is None


def test_translate_international_codes() -> None:
    assert translate_cameo("IGOUNO", COUNTRIES) == ActorCode("UNO", ())
    assert translate_cameo("IGOUNOHLHWHO", COUNTRIES) == ActorCode("UNO", ("HLH",))
    assert translate_cameo("IGOEUREEC", COUNTRIES) == ActorCode("EUR", ())
    assert translate_cameo("IGOEURDEVEBR", COUNTRIES) == ActorCode("IGO", ())  # a European bank, not the EU
    assert translate_cameo("IGOWSTNAT", COUNTRIES) == ActorCode("IGO", ())
    assert translate_cameo("NGOHRIAMN", COUNTRIES) == ActorCode("NGO", ("SOC",))
    assert translate_cameo("MNCUSAMED", COUNTRIES) == ActorCode("MNC", ("MED",))
    assert translate_cameo("IMGMUSALQ", COUNTRIES) == ActorCode("IMG", ())
    assert translate_cameo("INTREB", COUNTRIES) == ActorCode("IMG", ("REB",))
    assert translate_cameo("MEAREB", COUNTRIES) == ActorCode(None, ("REB",))  # a region: no country
    assert translate_cameo("ELI", COUNTRIES) == ActorCode(None, ("ELI",))
    assert translate_cameo("---", COUNTRIES) == ActorCode(None, ())


def test_translate_agent_codes() -> None:
    assert translate_agent("~GOVMED") == ("GOV", "MED")
    assert translate_agent("~HLH") == ("HLH",)
    assert translate_agent("~MUS") == ()  # a religion, not a sector
    assert translate_agent("~REBMUS") == ("REB",)
    assert translate_agent("~HRI") == ("SOC",)
