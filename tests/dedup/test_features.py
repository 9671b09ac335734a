"""Story features: names, dates and numbers are read from plain text; topic words weigh least."""

from __future__ import annotations

from eventwire.dedup.features import KIND_WEIGHTS, text_features


def test_names_dates_numbers_and_words() -> None:
    f = text_features(
        "A magnitude 6.1 earthquake struck near Padang on 30 September 2009, killing 1,115 people. "
        "Officials in West Sumatra said Mr. Yudhoyono would visit. Rescuers searched the rubble."
    )
    assert f["n:padang"] == 1
    assert f["n:west sumatra"] == 1 and f["t:sumatra"] == 1
    assert f["n:yudhoyono"] == 1  # "Mr." does not end the sentence
    assert f["d:09-30"] == 1 and f["y:2009"] == 1
    assert f["#:6.1"] == 1 and f["#:1115"] == 1
    assert f["w:earthquake"] == 1 and f["w:rescuer"] == 1
    assert "n:a" not in f and "n:officials" not in f and "n:rescuers" not in f  # sentence openers


def test_headlines_and_web_addresses() -> None:
    f = text_features(
        "http://example.com/news/2013/06/13/lohan-checks-into-rehab-80744\n"
        "Lohan Checks Into Malibu Rehab\n"
        "Lindsay Lohan checks into a rehab clinic in Malibu, her lawyer said."
    )
    assert f["n:lindsay lohan"] == 1 and f["n:malibu"] >= 1
    assert "#:80744" not in f  # a page number in a web address is no fact
    assert f["w:lohan"] >= 1  # the address's words count as topic words
    assert not any(k.startswith("n:") and "checks" in k for k in f)  # headline words written lower elsewhere


def test_specifics_outweigh_topic_words() -> None:
    assert min(KIND_WEIGHTS[k] for k in "ntdy#") > KIND_WEIGHTS["w"]
