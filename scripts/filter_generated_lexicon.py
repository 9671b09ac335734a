"""Measure every generated trigger lemma on real news and exclude those that do not hold up.

Usage: python scripts/filter_generated_lexicon.py [--annotations FILE] [--negatives FILE] [--out FILE]

The coder runs with every lemma of the generated lexicon (`events/data/generated_lexicon.json`) on
1. the tune split of the real-news annotations (never the check split): each event a generated lemma
   fires is right (it matches a gold event of its type) or wrong;
2. a negative corpus (default: the Wikinews articles of `../shared/corpus/wikinews.jsonl` that are not in
   the annotations, reports of outbreaks and disasters): a conflict event fired there is counted wrong.
A lemma is excluded when it is wrong more often than `MAX_WRONG_SHARE` of its firings, with at least
`MIN_WRONG` wrong ones; a PLOVER type is excluded (read from the hand lexicon only) when the generated
senses of its kept lemmas are right in fewer than `MIN_TYPE_PRECISION` of at least `MIN_TYPE_FIRINGS`
firings on the tune split. The result, with the counts behind each exclusion, goes to
`events/data/generated_filter.json`, which the coder reads.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from eventwire.eval.articles import load_records, record_article, score_articles, shipped_annotations
from eventwire.events import senses
from eventwire.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
MAX_WRONG_SHARE = 0.6
MIN_WRONG = 2
MIN_TYPE_FIRINGS = 5
MIN_TYPE_PRECISION = 0.4
CONFLICT = {"ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "SANCTION", "PROTEST"}


def _kind(rule: str) -> str:
    return "nouns" if "noun" in rule.split(":", 1)[0] else "verbs"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--annotations", type=Path, default=None)
    ap.add_argument("--negatives", type=Path, default=ROOT.parent / "shared" / "corpus" / "wikinews.jsonl")
    ap.add_argument("--out", type=Path, default=ROOT / "src/eventwire/events/data/generated_filter.json")
    args = ap.parse_args(argv)
    senses.measure_unfiltered()
    pipe = Pipeline()
    records = load_records(args.annotations or shipped_annotations(), "tune")
    right: Counter[tuple[str, str]] = Counter()
    wrong: Counter[tuple[str, str]] = Counter()
    type_right: Counter[tuple[tuple[str, str], str]] = Counter()
    type_wrong: Counter[tuple[tuple[str, str], str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s in score_articles(records, pipe):
        matched = {j for _, j in s.pairs}
        for j, e in enumerate(s.coded):
            if not e.trigger.rule.startswith("generated-"):
                continue
            key = (_kind(e.trigger.rule), e.trigger.lemma)
            if j in matched:
                right[key] += 1
                type_right[(key, e.type)] += 1
            else:
                wrong[key] += 1
                type_wrong[(key, e.type)] += 1
                examples[key].append(f"tune {e.type}: {e.trigger.text}")
    annotated = {str(r.get("id")) for r in load_records(args.annotations or shipped_annotations())}
    n_neg = 0
    if args.negatives.exists():
        negatives = [json.loads(line) for line in args.negatives.read_text(encoding="utf-8").splitlines()]
        negatives = [r for r in negatives if r.get("id") not in annotated]
        n_neg = len(negatives)
        for coded in pipe.code_articles([record_article(r) for r in negatives]):
            for e in coded.events:
                if e.trigger.rule.startswith("generated-") and e.type in CONFLICT:
                    key = (_kind(e.trigger.rule), e.trigger.lemma)
                    wrong[key] += 1
                    examples[key].append(f"negative {e.type}: {e.trigger.text}")
    excluded: dict[str, dict[str, str]] = {"verbs": {}, "nouns": {}}
    kept = 0
    for key in sorted(set(right) | set(wrong)):
        r, w = right[key], wrong[key]
        if w >= MIN_WRONG and w / (r + w) > MAX_WRONG_SHARE:
            excluded[key[0]][key[1]] = f"right {r}, wrong {w} (e.g. {'; '.join(examples[key][:2])})"
        else:
            kept += 1
    # A type whose generated senses are mostly wrong on the tune split is read from the hand lexicon only
    # (the CAMEO synonym sets of cooperation, support and concessions are broad).
    # Measured over the lemmas that are kept.
    by_type_right: Counter[str] = Counter()
    by_type_wrong: Counter[str] = Counter()
    for (key, etype), n in type_right.items():
        if key[1] not in excluded[key[0]]:
            by_type_right[etype] += n
    for (key, etype), n in type_wrong.items():
        if key[1] not in excluded[key[0]]:
            by_type_wrong[etype] += n
    excluded_types = {
        t: f"right {by_type_right[t]}, wrong {by_type_wrong[t]}"
        for t in sorted(set(by_type_right) | set(by_type_wrong))
        if by_type_right[t] + by_type_wrong[t] >= MIN_TYPE_FIRINGS
        and by_type_right[t] / (by_type_right[t] + by_type_wrong[t]) < MIN_TYPE_PRECISION
    }
    out = {
        "about": "generated trigger lemmas excluded after measuring them on real news; "
        "made by scripts/filter_generated_lexicon.py",
        "measured_on": {"tune_articles": len(records), "negative_articles": n_neg},
        "rule": f"excluded when wrong in over {MAX_WRONG_SHARE:.0%} of firings, at least {MIN_WRONG} wrong",
        "excluded": excluded,
        "excluded_types": excluded_types,
    }
    args.out.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    n_ex = sum(len(v) for v in excluded.values())
    print(
        f"{len(right | wrong)} generated lemmas fired; {n_ex} excluded, {kept} kept; types excluded: "
        f"{', '.join(excluded_types) or 'none'} -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
