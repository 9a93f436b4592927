"""Benchmark the entity tagger: dev scores on every corpus, tagging speed, model size.

Run: ``.venv/bin/python bench/entities.py``. Writes the "entities" section of
docs/benchmarks.md. Scores are entity-level F1, per type then macro-averaged (IndoNLU).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from warta.analyze.entities import extract_entities, tag_tokens, tag_words  # noqa: E402
from warta.analyze.entities.resources import GAZETTEER, NER_DIR, load_resources  # noqa: E402
from warta.analyze.entities.tagger import CrfTagger  # noqa: E402
from warta.eval.ner import SPLITS, evaluate, load_corpus  # noqa: E402

from _report import write_section  # noqa: E402


def _row(name: str, label: str, result) -> str:  # type: ignore[no-untyped-def]
    per = " | ".join(f"{result.per_type[t][2]:.3f}" for t in ("PER", "ORG", "LOC"))
    return f"| {name} | {label} | **{result.macro_f1:.3f}** | {per} | {result.micro_f1:.3f} |"


def main() -> None:
    lines = [
        "## Entities (bench/entities.py)",
        "",
        "Entity-level F1 on each corpus's dev split (the model trains on TRAIN splits only).",
        '"tagger" is the CRF alone; "+ rules" adds warta\'s span rules (titles, outlets,',
        "role-phrase organisations), which are written for news and follow no corpus's guidelines.",
        "",
        "| corpus (dev) | system | macro F1 | PER | ORG | LOC | micro F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    all_dev: list[list[str]] = []
    for name in SPLITS:
        dev = load_corpus(name, "dev")
        all_dev.extend(tokens for tokens, _ in dev)
        lines.append(_row(name, "tagger", evaluate(tag_tokens, dev)))
        lines.append(_row(name, "+ rules", evaluate(tag_words, dev)))
        print(lines[-2], "\n", lines[-1], flush=True)

    # Speed on one core: a fresh tagger (cold feature cache), then the same sentences again.
    # CPU time of this process, so the figure means one core even on a busy machine.
    tagger = CrfTagger(load_resources())
    started = time.process_time()
    for tokens in all_dev:
        tagger.tag(tokens)
    cold = len(all_dev) / (time.process_time() - started)
    started = time.process_time()
    for tokens in all_dev:
        tagger.tag(tokens)
    warm = len(all_dev) / (time.process_time() - started)
    texts = [" ".join(tokens) for tokens in all_dev]
    extract_entities(texts[0], language="id")  # load the shared tagger first
    started = time.process_time()
    for text in texts:
        extract_entities(text, language="id")
    full = len(texts) / (time.process_time() - started)
    tokens_per_sentence = sum(map(len, all_dev)) / len(all_dev)
    model_mb = (NER_DIR / "model.npz").stat().st_size / 1e6
    data_mb = sum(p.stat().st_size for p in NER_DIR.iterdir()) / 1e6
    lines += [
        "",
        f"Speed (CPU seconds of one process, i.e. one core) over {len(all_dev)} dev sentences ({tokens_per_sentence:.1f} tokens each):",
        f"- tagging, cold feature cache: **{cold:,.0f} sentences/s**",
        f"- tagging, warm cache: **{warm:,.0f} sentences/s**",
        f"- `extract_entities` per sentence (tokenise + tag + rules + linking): {full:,.0f} sentences/s",
        "",
        f"Model {model_mb:.1f} MB; all of data/ner {data_mb:.1f} MB; gazetteer {GAZETTEER.stat().st_size / 1e6:.1f} MB.",
    ]
    markdown = "\n".join(lines)
    print(markdown)
    write_section("entities", markdown)


if __name__ == "__main__":
    main()
