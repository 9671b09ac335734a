"""The API refuses filter values with the reasons of `eventwire.filters`, the checks the CLI runs too."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire import filters
from eventwire.filters import FilterError


def _reason(check: Callable[[], Any]) -> FilterError:
    with pytest.raises(FilterError) as caught:
        check()
    return caught.value


@pytest.mark.parametrize(
    ("params", "check", "status", "bad"),
    [
        ({"type": "consult,FOO"}, lambda: filters.event_types(["consult,FOO"]), 400, "'FOO'"),
        ({"modality": "maybe"}, lambda: filters.modalities("maybe"), 400, "'maybe'"),
        (
            {"actor_country": "Russia"},
            lambda: filters.country_codes("Russia", "actor_country"),
            400,
            "'RUSSIA'",
        ),
        ({"recipient_sector": "G"}, lambda: filters.sector_codes("G", "recipient_sector"), 400, "'G'"),
        ({"since": "last week"}, lambda: filters.date("last week", "since"), 422, "'last week'"),
        ({"until": "2024-02-30"}, lambda: filters.date("2024-02-30", "until"), 422, "'2024-02-30'"),
        ({"limit": -1}, lambda: filters.limit(-1, maximum=1000), 422, "-1"),
    ],
)
def test_api_errors_are_the_shared_checks(
    client: TestClient, params: dict[str, Any], check: Callable[[], Any], status: int, bad: str
) -> None:
    expected = _reason(check)
    response = client.get("/api/events", params=params)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["message"] == str(expected)
    assert error["details"] == [{"param": expected.param, "reason": expected.reason}]
    assert bad in error["message"]


def test_the_views_share_the_date_check(client: TestClient) -> None:
    for path in ("/api/actors", "/api/stats/timeline", "/api/network", "/api/places"):
        response = client.get(path, params={"since": "soon"})
        assert response.status_code == 422, path
        assert response.json()["error"]["message"] == "since: 'soon' is not a date; write it as YYYY-MM-DD"


def test_accepted_values_are_normalised_alike(client: TestClient) -> None:
    body = client.get(
        "/api/events", params={"type": "consult", "modality": "ASSERTED", "since": "2024-01-01"}
    )
    assert body.status_code == 200
    assert body.json()["filters"] == {
        "types": list(filters.event_types("consult")),
        "modalities": list(filters.modalities("ASSERTED")),
        "since": "2024-01-01",
    }
