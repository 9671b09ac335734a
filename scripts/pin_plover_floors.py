"""Re-measure PLOVER coding accuracy and raise the floors in tests/data/plover_floors.json.

Usage: python scripts/pin_plover_floors.py [PATH_TO_DEV_JSONL] [--allow-lower]
A floor only moves up unless --allow-lower is given (say why in the commit).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from eventwire.eval.plover import evaluate_plover
from eventwire.eval.scores import raise_floors

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "tests" / "data" / "plover_floors.json"


def main(argv: list[str]) -> int:
    allow_lower = "--allow-lower" in argv
    args = [a for a in argv if not a.startswith("--")]
    data = Path(args[0]) if args else ROOT.parent / "shared" / "eval" / "plover" / "dev.jsonl"
    spec = json.loads(FLOORS.read_text())
    scores = evaluate_plover(data)
    spec["sha256"] = hashlib.sha256(data.read_bytes()).hexdigest()
    print("\n".join(raise_floors(spec["floors"], scores, list(spec["floors"]), allow_lower)))
    FLOORS.write_text(json.dumps(spec, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
