"""The learned trigger model's scorer and features (the model file itself is optional)."""

from __future__ import annotations

import math

from eventwire.events.learned import NONE, TriggerModel, candidate, features


def test_features_describe_the_token_in_its_parse(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.nlp("Rebels ambushed a convoy near Goma on Sunday.")
    tok = next(t for t in doc if t.lemma_ == "ambush")
    assert candidate(tok)
    feats = features(tok)
    assert "lem=ambush" in feats and "pos=V" in feats and "obj=convoy" in feats
    assert "subjparty=noun" in feats and "lem+prep=ambush|near" in feats
    assert not candidate(next(t for t in doc if t.text == "Goma"))


def test_model_predicts_the_best_event_label_with_its_probability(pipeline) -> None:  # type: ignore[no-untyped-def]
    model = TriggerModel.from_json(
        {
            "labels": [NONE, "ASSAULT", "CONSULT"],
            "weights": {"bias": [1.0, 0.0, 0.0], "lem=ambush": [0.0, 3.0, 0.0]},
            "threshold": 0.5,
        }
    )
    doc = pipeline.nlp("Rebels ambushed a convoy near Goma on Sunday.")
    label, p = model.predict(next(t for t in doc if t.lemma_ == "ambush"))
    assert label == "ASSAULT"
    assert math.isclose(p, math.exp(3) / (math.e + math.exp(3) + 1), rel_tol=1e-6)
    label, p = model.predict(next(t for t in doc if t.lemma_ == "convoy"))
    assert label in ("ASSAULT", "CONSULT") and p < model.threshold
