"""Where senses come from (events/senses.py): hand lexicon first, then the generated one, less what
did not hold up on real news."""

from __future__ import annotations

from eventwire.events import lexicon as lx
from eventwire.events.senses import generated, measured_exclusions, noun_sense, verb_sense


def test_the_hand_lexicon_wins_over_the_generated_one() -> None:
    verbs, nouns = generated()
    assert not set(verbs) & set(lx.VERBS)
    assert not set(nouns) & set(lx.NOUNS)


def test_measured_exclusions_are_not_read() -> None:
    verbs, _ = generated()
    excluded = measured_exclusions()
    assert excluded["verbs"], "the filter excluded nothing: was it measured?"
    assert not set(excluded["verbs"]) & set(verbs)
    for senses in verbs.values():
        assert not {s.type for s in senses} & set(excluded["types"])
    assert not set(lx.GENERATED_EXCLUDED) & set(verbs)


def test_generated_senses_are_marked_and_weigh_less() -> None:
    verbs, _ = generated()
    senses = [s for ss in verbs.values() for s in ss]
    assert senses and all(s.source == "generated" and s.weight < 0.8 for s in senses)


def test_nominalisations_of_event_verbs_are_event_nouns(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.nlp("The abduction of 276 schoolgirls and the bombardment of Aleppo shocked the world.")
    assert noun_sense(next(t for t in doc if t.lower_ == "abduction")).type == "ASSAULT"  # type: ignore[union-attr]
    assert noun_sense(next(t for t in doc if t.lower_ == "bombardment")).type == "ASSAULT"  # type: ignore[union-attr]


def test_a_verb_sense_needs_its_object_when_it_names_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.nlp("The European Union expanded sanctions against Russia.")
    sense = verb_sense(next(t for t in doc if t.lemma_ == "expand"))
    assert sense is not None and sense.type == "SANCTION"
    doc = pipeline.nlp("The company expanded its factory.")
    assert verb_sense(next(t for t in doc if t.lemma_ == "expand")) is None


def test_event_nouns_rebuild_to_the_shipped_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    script = root / "scripts" / "build_event_nouns.py"
    spec = importlib.util.spec_from_file_location("build_event_nouns", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "nouns.json"
    assert module.main(["--out", str(out)]) == 0
    shipped = root / "src" / "eventwire" / "events" / "data" / "generated_nouns.json"
    assert out.read_text() == shipped.read_text(), "re-run scripts/build_event_nouns.py and commit the result"
    assert module.nominalisations("abduct")[0] == "abduction"
    assert "detention" in module.nominalisations("detain")
