"""Generate the PLOVER -> CAMEO event code table used by the CAMEO dyadic export.

Usage (from the repository root)::

    python scripts/build_cameo_table.py [--shared ../shared] [--out OUT]

OUT defaults to ``src/eventwire/export/data/plover_to_cameo.json``.

Input: ``SHARED/reference/plover/CAMEO2PLOVER-2021.txt`` (CAMEO code -> PLOVER type, mode, context), read
and brought in line with the PLOVER manual exactly as ``scripts/build_trigger_lexicon.py`` does
(:data:`build_trigger_lexicon.MODE_FIXES`, the resignation row; modes checked against the manual's mode
tables), except that its 02x APPEAL rows, which the table does not have, are left out: PLOVER's REQUEST
then maps to CAMEO 10 (DEMAND), as the table itself maps it.

The table is inverted: for each PLOVER type and mode (``""`` for none), the CAMEO codes that map to it.
Those codes are reduced to one code:

1. codes under a two-digit CAMEO root whose heading in the table names the type (``18: ASSAULT``,
   ``19: ASSAULT``, ``20: ASSAULT``) are preferred to codes under another root (175, violent repression,
   is ASSAULT but CAMEO root 17);
2. codes covered by another of the codes are dropped: ``141`` covers ``1411``, and a root's base code
   (``180``, "not specified below") covers every code of its root;
3. of what is left, the codes of the first root in the table's order are kept; one code is the result,
   several give their common prefix as a base code (``181`` and ``184`` -> ``180``, ``0813`` and
   ``0814`` -> ``081``): the most specific code that what is known implies.

Each type and mode gets a ``code`` from all its rows, and ``contexts``: the code from only the rows that
have a PLOVER context, where it differs (ASSAULT with context ``military`` is ``190``, not ``180``).
A type's ``""`` entry is its code without a mode; :data:`TYPE_DEFAULTS` sets it where the rule is
ambiguous. Modes of the manual that the table never gives get the CAMEO code that the CAMEO codebook's
description fits (:data:`EXTRA_MODES`); others have no entry and take the type's ``""`` entry.

The output carries the table's notice in its ``notice`` field.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_trigger_lexicon as lexicon

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "src" / "eventwire" / "export" / "data" / "plover_to_cameo.json"
GENERATED_BY = "scripts/build_cameo_table.py"

NOTICE = (
    "Derived from CAMEO2PLOVER-2021.txt, the CAMEO to PLOVER conversion table of the PLOVER project "
    "(PLOVER manual draft 0.8, 17 September 2021, edited by Philip Schrodt; "
    "https://github.com/openeventdata/PLOVER). Copyright (c) 2021 by the Open Event Data Alliance, "
    "licensed under the Creative Commons Attribution-ShareAlike 4.0 International License "
    "(https://creativecommons.org/licenses/by-sa/4.0/). Changes: the table is inverted (PLOVER type, mode "
    "and context -> CAMEO code), its modes are brought in line with the PLOVER manual, and the CAMEO codes "
    "of a few PLOVER modes the table lacks are added; this derived table is shared under the same licence."
)

#: The code of a type without a mode, where the rule of the module docstring does not decide it. ACCUSE
#: rows all have a mode: 09x are ``investigate``, 11x ``disapprove`` and ``allege``; an ACCUSE with no
#: mode is an accusation or criticism, CAMEO 11 (DISAPPROVE), base code 110.
TYPE_DEFAULTS: dict[str, str] = {"ACCUSE": "110"}

#: Modes of the PLOVER manual that the table never gives, with the CAMEO code (CAMEO codebook, event
#: code descriptions) that fits the manual's definition of the mode.
EXTRA_MODES: dict[tuple[str, str], str] = {
    # "Members of an organization or union engage in the abandonment of work": 143 "Conduct strike or
    # boycott".
    ("PROTEST", "strike"): "143",
    # "Damage or destroy property as a symbolic act": 145 "Protest violently, riot".
    ("PROTEST", "vandalize"): "145",
    # "Find an entity or behavior guilty ... in a court of law": 116 "Find guilty or liable (legally)".
    ("SANCTION", "convict"): "116",
    # "Censor, ban or restrict access to publications or other information": 1721 "Impose restrictions on
    # freedoms of speech and expression".
    ("COERCE", "censor"): "1721",
    # "Manned aerial vehicles" and "Unmanned aerial vehicles (UAVs), drones": 195 "Employ aerial weapons".
    ("ASSAULT", "aerial"): "195",
    ("ASSAULT", "drone"): "195",
    # "Weapons and tactics intended to be less lethal crowd control": 175 "Use tactics of violent
    # repression".
    ("ASSAULT", "crowd-control"): "175",
}

_LINE = re.compile(r"^(\d{3,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$")
_HEADING = re.compile(r"^(\d{2}):\s*([A-Z]+)\s*$")


def read_descriptions(path: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The table's description of each code (its comment) and the roots whose heading names each type."""
    descriptions: dict[str, str] = {}
    roots: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if m := _HEADING.match(line):
            roots.setdefault(m.group(2), []).append(m.group(1))
        elif (m := _LINE.match(line)) and m.group(3):
            descriptions.setdefault(m.group(1), m.group(3).split("  ")[0].strip())
    return descriptions, roots


def covers(a: str, b: str) -> bool:
    """CAMEO code `a` includes `b`: `a` is a prefix of `b`, or `a` is the base code of `b`'s root."""
    if a == b:
        return False
    return b.startswith(a) or (len(a) == 3 and a.endswith("0") and b[:2] == a[:2])


def reduce_codes(codes: Sequence[str], native_roots: Sequence[str]) -> str:
    """One CAMEO code for `codes` (in table order), by the rule of the module docstring."""
    native = [c for c in codes if c[:2] in native_roots]
    pool = native or list(codes)
    minimal = [c for c in pool if not any(covers(o, c) for o in pool)]
    root = minimal[0][:2]
    same = [c for c in minimal if c[:2] == root]
    if len(same) == 1:
        return same[0]
    prefix = same[0]
    for c in same[1:]:
        while not c.startswith(prefix):
            prefix = prefix[:-1]
    return prefix if len(prefix) >= 3 else prefix + "0"


def build(shared: Path) -> dict[str, object]:
    modes = lexicon.read_manual_modes(shared / lexicon.PLOVER_MANUAL)
    table = lexicon.plover_table(shared, modes)
    for code in lexicon.APPEAL_ROWS:
        del table[code]
    descriptions, headings = read_descriptions(shared / lexicon.PLOVER_TABLE)
    by_mode: dict[tuple[str, str], list[tuple[str, tuple[str, ...]]]] = {}
    for code, row in table.items():  # in the table's order
        by_mode.setdefault((row.type, row.mode or ""), []).append((code, row.context))
    for (etype, mode), code in EXTRA_MODES.items():
        lexicon.check_mode(etype, mode, modes, f"EXTRA_MODES {etype}/{mode}")
        if (etype, mode) in by_mode:
            raise ValueError(f"the table now gives {etype}/{mode}: review EXTRA_MODES")
        by_mode[(etype, mode)] = [(code, ())]
    types: dict[str, dict[str, dict[str, object]]] = {}
    used: set[str] = set()
    for etype in lexicon.PLOVER_TYPES:
        native = headings.get(etype, [])
        if not native:
            raise ValueError(f"{lexicon.PLOVER_TABLE} has no heading for {etype}")
        entries: dict[str, dict[str, object]] = {}
        for (t, mode), rows in by_mode.items():
            if t != etype:
                continue
            code = reduce_codes([c for c, _ in rows], native)
            contexts: dict[str, str] = {}
            for ctx in sorted({c for _, cs in rows for c in cs}):
                narrowed = reduce_codes([c for c, cs in rows if ctx in cs], native)
                if narrowed != code:
                    contexts[ctx] = narrowed
            entries[mode] = {"code": code, "contexts": contexts}
        if etype in TYPE_DEFAULTS:
            if "" in entries:
                raise ValueError(f"the table now gives {etype} without a mode: review TYPE_DEFAULTS")
            entries[""] = {"code": TYPE_DEFAULTS[etype], "contexts": {}}
        if "" not in entries:
            raise ValueError(f"no code for {etype} without a mode")
        for entry in entries.values():
            used.add(str(entry["code"]))
            used.update(str(c) for c in dict(entry["contexts"]).values())  # type: ignore[call-overload]
        types[etype] = dict(sorted(entries.items()))
    return {
        "notice": NOTICE,
        "generated_by": GENERATED_BY,
        "types": types,
        "descriptions": {c: descriptions.get(c) for c in sorted(used)},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate the PLOVER -> CAMEO event code table.")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (../shared)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the JSON file to write")
    args = ap.parse_args(argv)
    data = build(args.shared)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    types = data["types"]
    assert isinstance(types, dict)
    print(f"{args.out}: {sum(len(v) for v in types.values())} type/mode entries over {len(types)} types")
    return 0


if __name__ == "__main__":
    sys.exit(main())
