"""Who did what to whom (events/roles.py), on sentences written for these tests."""

from __future__ import annotations

from eventwire.actors.resolve import ArticleActors
from eventwire.events.roles import Roles, named_entity, unknown_name
from eventwire.events.senses import verb_sense


def _roles(pipeline, text: str):  # type: ignore[no-untyped-def]
    doc = pipeline.nlp(text)
    actors = ArticleActors(pipeline.dictionary, None)
    actors.observe(next(iter(doc.sents)), 0)
    return doc, Roles(actors)


def test_recipients_follow_the_sense_roles(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc, roles = _roles(pipeline, "Egypt accused Ethiopia of filling the dam without an agreement.")
    verb = next(t for t in doc if t.lemma_ == "accuse")
    sense = verb_sense(verb)
    assert sense is not None
    found, toks = roles.recipients(verb, sense, None, "verb", [doc[0]])
    assert {c for e in found for c in e.countries} == {"ETH"} and toks


def test_a_purpose_clause_names_the_recipient(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc, roles = _roles(pipeline, "Farmers blocked roads to protest Poland's import rules.")
    verb = next(t for t in doc if t.lemma_ == "block")
    found, _ = roles.purpose_recipient(verb, [doc[0]])
    assert {c for e in found for c in e.countries} == {"POL"}


def test_a_nominal_takes_its_possessor_as_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc, roles = _roles(pipeline, "Russia's attack on the port drew condemnation.")
    noun = next(t for t in doc if t.lower_ == "attack")
    assert [t.text for t in roles.noun_actor_tokens(noun)] == ["Russia"]


def test_names_the_dictionaries_lack(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.nlp("Gachagua met Kindiki in Nairobi.")
    assert unknown_name(doc[0]) and not unknown_name(doc[1])
    assert named_entity(doc[0]).text == "Gachagua"
