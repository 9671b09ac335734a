"""The language check of ingest: short English items and headlines are read, other languages are not.

The measured set `tests/data/language_check.jsonl` (items written for the project: headlines, capitals,
short sentences, in English and 32 other languages) holds its floors in `tests/data/language_floors.json`;
the README states what `eventwire eval language` prints for it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from eventwire.config import Settings
from eventwire.errors import RejectError
from eventwire.eval.language import evaluate_language, format_language_report
from eventwire.ingest.decode import check_prose
from eventwire.ingest.language import judge
from eventwire.ingest.readers import read_inputs
from eventwire.models import Article, Reject
from shared_data import ROOT, shared_file

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

DATA = ROOT / "tests" / "data" / "language_check.jsonl"
FLOORS = json.loads((ROOT / "tests" / "data" / "language_floors.json").read_text(encoding="utf-8"))

FRENCH = (
    "Le gouvernement a présenté mercredi un projet de loi sur l'énergie. Selon le ministre, les prix de "
    "l'électricité baisseront dès l'année prochaine pour les ménages les plus modestes. Les syndicats ont "
    "dénoncé un texte qu'ils jugent insuffisant et appellent à une journée de grève le 12 mars dans tout "
    "le pays."
)
GERMAN = (
    "Die Bundesregierung hat am Mittwoch einen Gesetzentwurf zur Energieversorgung vorgelegt. Nach Angaben "
    "des Ministers sollen die Strompreise für Haushalte mit geringem Einkommen im kommenden Jahr sinken. "
    "Die Gewerkschaften kritisierten den Entwurf als unzureichend und riefen für den 12. März zu einem "
    "landesweiten Streik auf."
)
SPANISH = (
    "El Gobierno presentó el miércoles un proyecto de ley sobre la energía. Según el ministro, los precios "
    "de la electricidad bajarán el próximo año para los hogares con menos ingresos. Los sindicatos "
    "criticaron un texto que consideran insuficiente y convocaron una huelga general para el 12 de marzo "
    "en todo el país."
)


def _reason(text: str) -> str | None:
    try:
        check_prose(text)
    except RejectError as exc:
        return f"{exc.reason}: {exc.detail}"
    return None


@pytest.mark.parametrize(
    "text",
    [
        "MIAMI HEAT Fired Ray Dunn, coach. Named Paul Greer coach.",
        "The election is over in Moldova.",
        "Pope resigns",
        "PRIME MINISTER QUITS",
        "Kim Jong Un visits Vladivostok",
        "Ursula von der Leyen visits Kyiv",
        "La Paz protests turn violent",
        "Erdoğan vows to retaliate against Kurdish militants",
        "http://news.example.org/world/2021/05/12/story-81234\nMay 12, 2021\nIsrael, Hamas trade fire",
        "She died on Tuesday.",
    ],
)
def test_short_english_items_are_read(text: str) -> None:
    assert _reason(text) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Les négociations reprendront la semaine prochaine.", "French"),
        ("Die Verhandlungen sind gescheitert.", "German"),
        ("Los sindicatos convocan una huelga general", "Spanish"),
        ("ELEZIONI, VINCE IL CENTRODESTRA", "Italian"),
        ("Polis üç şüpheliyi gözaltına aldı.", "Turkish"),
        ("Правительство одобрило бюджет", "Cyrillic"),
    ],
)
def test_short_items_in_other_languages_are_rejected(text: str, language: str) -> None:
    reason = _reason(text)
    assert reason is not None and reason.startswith("not english") and language in reason


def test_one_word_is_too_short() -> None:
    assert (_reason("Breaking") or "").startswith("too short")


def test_names_in_ordinary_case_are_not_judged() -> None:
    verdict = judge("Talks between Mélenchon and Sánchez resume in São Paulo")
    assert verdict.english and verdict.judged == 5 and verdict.foreign_share == 0


def test_french_german_and_spanish_articles_are_rejected(tmp_path: Path) -> None:
    for name, text in (("fr.txt", FRENCH), ("de.txt", GERMAN), ("es.txt", SPANISH)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    feed = (("fr", FRENCH), ("es", SPANISH))
    lines = [json.dumps({"id": n, "title": "Énergie", "text": t}) for n, t in feed]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = list(read_inputs([str(tmp_path)], Settings()))
    assert len(got) == 5
    for r in got:
        assert isinstance(r, Reject) and r.reason == "not english", r
    languages = {Path(r.path).name: r.detail for r in got if isinstance(r, Reject)}
    assert "French" in languages["fr.txt"] and "German" in languages["de.txt"]
    assert "Spanish" in languages["es.txt"]


def test_short_ecbplus_documents_are_coded(tmp_path: Path, pipeline: Pipeline) -> None:
    """Development documents 99, 116 and 245 (lines of the file, from 1): a headline under its link and
    date, a sports transaction headline in capitals, a sentence of seven words."""
    lines = shared_file("eval", "ecbplus", "dev.jsonl").read_text(encoding="utf-8").splitlines()
    feed = tmp_path / "short.jsonl"
    feed.write_text("\n".join(lines[n - 1] for n in (99, 116, 245)) + "\n", encoding="utf-8")
    got = list(read_inputs([str(feed)], Settings()))
    assert [type(x).__name__ for x in got] == ["Article"] * 3, got
    articles = [x for x in got if isinstance(x, Article)]
    coded = list(pipeline.code_articles(articles, batch_size=8))
    assert [c.article.article_id for c in coded] == [a.article_id for a in articles]


def test_language_check_holds_its_floors() -> None:
    assert hashlib.sha256(DATA.read_bytes()).hexdigest() == FLOORS["data_sha256"], "re-measure and re-pin"
    result = evaluate_language(DATA, with_errors=True)
    print(format_language_report(result, errors=True))
    scores = {"all": result, **result["by_split"]}
    low = {
        f"{split}.{name}": (scores[split][name], floor)
        for split, floors in FLOORS["floors"].items()
        for name, floor in floors.items()
        if scores[split][name] < floor - FLOORS["tolerance"]
    }
    assert not low, f"scores below their floors (score, floor): {low}"


def test_readme_states_the_language_figures() -> None:
    result = evaluate_language(DATA)
    [row] = [
        line
        for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
        if "| language check" in line
    ]
    check = result["by_split"]["check"]
    stated = (
        f"English P {result['english_precision']:.3f} R {result['english_recall']:.3f}, "
        f"other languages rejected {result['other_rejected']:.3f} "
        f"(check part: P {check['english_precision']:.3f} R {check['english_recall']:.3f})"
    )
    assert stated in row, f"the README should read: {stated}"
