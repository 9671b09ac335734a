"""Choosing the role valid on a date."""

from __future__ import annotations

from datetime import date

from eventwire.actors.curated import parse_roles
from eventwire.actors.roles import OPEN_END, Role, date_to_int, int_to_date, role_on

# Vladimir Putin as the Phoenix dictionary has him.
PUTIN = (
    Role("RUS", ("ELI",), 19700101, 19990809),
    Role("RUS", ("GOV",), 19991231, 20080507),
    Role("RUS", ("GOV",), 19990809, 20000507),
    Role("RUS", ("GOV",), 20080508),
    Role("RUS", ("ELI",)),
)


def test_dated_role_holding_on_the_date() -> None:
    assert role_on(PUTIN, date(1995, 1, 1)) == PUTIN[0]
    assert role_on(PUTIN, date(2005, 6, 1)) == PUTIN[1]
    # after the dictionaries end (2015) an open-ended role still holds
    role = role_on(PUTIN, date(2023, 9, 19))
    assert role is not None and (role.country, role.sector) == ("RUS", "GOV")


def test_overlapping_roles_prefer_the_latest_start() -> None:
    assert role_on(PUTIN, date(2000, 1, 1)) == PUTIN[1]


def test_no_date_means_the_current_role() -> None:
    assert role_on(PUTIN, None) == PUTIN[3]


def test_default_role_when_no_dated_role_holds() -> None:
    abe = (Role("JPN", ("GOV",), 20060926, 20070926), Role("JPN", ("ELI",)))
    assert role_on(abe, date(2013, 1, 1)) == abe[1]


def test_most_recent_role_without_default() -> None:
    shah = (Role("AFG", ("GOV",), 19331108, 19730717), Role("AFG", ("ELI",), 19730717, 20070723))
    assert role_on(shah, date(2020, 1, 1)) == shah[1]
    assert role_on(shah, date(1900, 1, 1)) == shah[0]


def test_empty() -> None:
    assert role_on((), date(2020, 1, 1)) is None


def test_date_conversions() -> None:
    assert date_to_int(date(2023, 9, 19)) == 20230919
    assert int_to_date(20230919) == date(2023, 9, 19)
    assert int_to_date(OPEN_END) is None
    assert int_to_date(0) is None


def test_parse_curated_roles() -> None:
    roles = parse_roles("AFG REB ..2021-08-14; AFG GOV 2021-08-15..")
    assert roles[0] == Role("AFG", ("REB",), 0, 20210814)
    assert roles[1] == Role("AFG", ("GOV",), 20210815, OPEN_END)
    assert parse_roles("RUS PRM") == (Role("RUS", ("PRM",)),)
