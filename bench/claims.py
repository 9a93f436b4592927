"""Claims and disagreements benchmark: the claims gold sets through analysis and story building.

    .venv/bin/python bench/claims.py            # the development set (tests/gold/claims_dev/)
    .venv/bin/python bench/claims.py --blind    # also the blind set, once per release
    .venv/bin/python bench/claims.py --blind=claims_v2    # another blind set under tests/gold/blind/

Scores are explained in :mod:`warta.eval.claims`. The development figures replace their
section of docs/benchmarks.md; every blind run is appended to the blind log there, good or
bad, and prints aggregate figures only (no per-item errors: the set must stay blind).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from warta.eval.claims import ClaimScores, score_claims  # noqa: E402

from _report import append_blind_run, write_section  # noqa: E402

DEV = sorted(p for p in (ROOT / "tests" / "gold" / "claims_dev").iterdir() if p.is_dir())
BLIND_ROOT = ROOT / "tests" / "gold" / "blind"
COLUMNS = ("claim recall", "attribute accuracy", "slot pairwise F1", "relation macro F1",
           "disagreement precision", "disagreement recall", "updates shown as disagreements")


def _row(scores: ClaimScores) -> list[str]:
    return [f"{scores.claim_recall:.3f}", f"{scores.attribute_accuracy:.3f}", f"{scores.slot_f1:.3f}",
            f"{scores.relation_macro_f1:.3f}",
            f"{scores.precision:.3f} ({scores.conflicts_right}/{scores.conflicts})",
            f"{scores.recall:.3f} ({scores.disagreements_found}/{scores.disagreements})",
            f"{scores.update_error_rate:.3f} ({scores.updates_as_disagreements}/{scores.updates})"]


def _table(rows: list[tuple[str, ClaimScores]]) -> str:
    lines = ["| set | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    lines += [f"| {name} | " + " | ".join(_row(s)) + " |" for name, s in rows]
    return "\n".join(lines)


def main() -> None:
    dev = score_claims(DEV)
    print(_table([("development", dev)]))
    write_section("claims", "## Claims and disagreements (`bench/claims.py`)\n\n"
                  f"Development set: {dev.articles} articles, {dev.gold_claims} gold claims "
                  "(tests/gold/claims_dev/, tuned on).\n\n" + _table([("development", dev)]))
    for arg in sys.argv[1:]:
        if arg == "--blind" or arg.startswith("--blind="):
            name = arg.partition("=")[2] or "claims"
            blind = score_claims([BLIND_ROOT / name])
            print(_table([(f"blind ({name})", blind)]))
            append_blind_run(name, f"Claims: blind set log, tests/gold/blind/{name} (`bench/claims.py --blind={name}`)",
                             list(COLUMNS), _row(blind))


if __name__ == "__main__":
    main()
