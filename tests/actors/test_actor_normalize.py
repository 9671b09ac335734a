"""Normalisation of words into dictionary keys."""

from __future__ import annotations

from eventwire.actors.normalize import phrase_key, strip_possessive, tokens_of_words, word_tokens
from eventwire.actors.phrase_index import PhraseIndex


def test_word_tokens() -> None:
    assert word_tokens("U.S.") == ["us"]
    assert word_tokens("al-Qaeda") == ["al", "qaeda"]
    assert word_tokens("Élysée") == ["elysee"]
    assert word_tokens("People's") == ["peoples"]
    assert word_tokens("-") == []
    assert word_tokens(",") == []
    assert word_tokens("US$") == ["us$"]  # never a name


def test_phrase_key() -> None:
    assert phrase_key("VLADIMIR_PUTIN_") == "vladimir putin"
    assert phrase_key("Democratic People's Republic of Korea") == "democratic peoples republic of korea"
    assert phrase_key(["People", "'s", "Republic"]) == "peoples republic"
    assert phrase_key("KOREA,_NORTH_") == "korea north"
    assert tokens_of_words(["Ban", "Ki-moon"]) == ["ban", "ki", "moon"]


def test_strip_possessive() -> None:
    assert strip_possessive("Russia's") == "Russia"
    assert strip_possessive("Russia’s") == "Russia"
    assert strip_possessive("Russia") is None


def test_phrase_index_longest_match() -> None:
    index: PhraseIndex[str] = PhraseIndex()
    index.add("north korea", "PRK")
    index.add("north", "N")
    index.add("korean central news agency", "KCNA")
    assert index.longest(["North", "Korea", "said"], 0) == (2, "PRK")
    assert index.longest(["North", "Pole"], 0) == (1, "N")
    assert index.longest(["Korean", "Central", "News", "Agency"], 0) == (4, "KCNA")
    assert index.longest(["Korean", "Central"], 0) is None
    assert index.longest(["North", "Korea"], 0, lambda value, span: value != "PRK") == (1, "N")
    assert index.longest(["North", "Korea's", "army"], 0) == (2, "PRK")
