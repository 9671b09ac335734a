"""Checks of event filter values, shared by the CLI and the HTTP API so both accept the same values and
refuse the others with the same reason.

Each check takes the raw value(s) and the parameter's name (`type`, `since`, `actor_country`...) and
returns the normalised value, or raises `FilterError`. The API names the parameter as given
(`type: unknown value ...`), the CLI as its option (`--type: unknown value ...`).
List values take repeats or commas: `CONSULT,AID` is two types.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from eventwire.errors import UsageError
from eventwire.events.lexicon import EVENT_TYPES
from eventwire.models import MODALITIES

_COUNTRY = re.compile(r"^[A-Z]{3}$")
_SECTOR = re.compile(r"^[A-Z]{3,6}$")


class FilterError(UsageError):
    """A filter value refused: the parameter, and a reason naming the bad value and what is allowed.

    `malformed` marks a value of the wrong form (not a date, a number out of range), which the API
    answers with 422 rather than 400."""

    def __init__(self, param: str, reason: str, malformed: bool = False) -> None:
        super().__init__(f"{param}: {reason}")
        self.param = param
        self.reason = reason
        self.malformed = malformed

    def __reduce__(self) -> tuple[type[FilterError], tuple[str, str, bool]]:
        return (type(self), (self.param, self.reason, self.malformed))

    def option_message(self) -> str:
        """The message with the parameter spelt as a command-line option."""
        return f"--{self.param.replace('_', '-')}: {self.reason}"


def split_values(values: str | Iterable[str] | None) -> tuple[str, ...]:
    """Repeated and comma-separated values, trimmed, empty ones dropped, each once in first order."""
    if values is None:
        return ()
    items = [values] if isinstance(values, str) else list(values)
    out: list[str] = []
    for value in items:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(dict.fromkeys(out))


def choices(
    param: str, values: str | Iterable[str] | None, allowed: Iterable[str], upper: bool
) -> tuple[str, ...]:
    allowed = tuple(allowed)
    picked = tuple((v.upper() if upper else v.lower()) for v in split_values(values))
    for value in picked:
        if value not in allowed:
            raise FilterError(param, f"unknown value {value!r}; one of {', '.join(allowed)}")
    return picked


def event_types(values: str | Iterable[str] | None, param: str = "type") -> tuple[str, ...]:
    return choices(param, values, EVENT_TYPES, upper=True)


def modalities(values: str | Iterable[str] | None, param: str = "modality") -> tuple[str, ...]:
    return choices(param, values, MODALITIES, upper=False)


def country_codes(values: str | Iterable[str] | None, param: str = "country") -> tuple[str, ...]:
    codes = tuple(v.upper() for v in split_values(values))
    for code in codes:
        if not _COUNTRY.match(code):
            raise FilterError(
                param, f"{code!r} is not a three-letter code; an ISO3 code such as USA or a PLOVER one (EUR)"
            )
    return codes


def sector_codes(values: str | Iterable[str] | None, param: str) -> tuple[str, ...]:
    codes = tuple(v.upper() for v in split_values(values))
    for code in codes:
        if not _SECTOR.match(code):
            raise FilterError(
                param, f"{code!r} is not a sector code; three to six letters such as GOV or MIL"
            )
    return codes


def text(value: str | None, param: str, max_length: int = 200) -> str | None:
    """A free-text filter: trimmed, None when empty."""
    value = (value or "").strip()
    if len(value) > max_length:
        raise FilterError(param, f"{len(value)} characters is too long; at most {max_length}", malformed=True)
    return value or None


def date(value: str | dt.date | None, param: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise FilterError(param, f"{value!r} is not a date; write it as YYYY-MM-DD", malformed=True) from None


def date_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise FilterError("since", f"{since} is after until={until}")


def limit(value: int | None, param: str = "limit", maximum: int | None = None) -> int | None:
    """A count of rows: a whole number from 1 (to `maximum`, when there is one)."""
    if value is None:
        return None
    if value < 1 or (maximum is not None and value > maximum):
        allowed = (
            f"a whole number from 1 to {maximum}" if maximum is not None else "a whole number, 1 or more"
        )
        raise FilterError(param, f"{value} is out of range; {allowed}", malformed=True)
    return value
