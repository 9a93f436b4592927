"""Story clustering benchmark: the example corpus plus the seeds through ingest -> analyze -> cluster.

Writes BCubed precision/recall/F1 against examples/manifest.json (the seeds form one more
gold story), planted contradictions found, and timings to docs/benchmarks.md; then the
same figures on the confusable-stories development set (tests/gold/stories_confusable,
gold = its ``story`` field) and, when present, on the unrelated real pages in
../shared/data/real_pages (every article its own story: any shared story is an error).

    .venv/bin/python bench/stories.py
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from warta.dedup import canonical_url  # noqa: E402
from warta.eval.stories import bcubed  # noqa: E402
from warta.pipeline import ingest_dicts, ingest_paths  # noqa: E402
from warta.store import Store  # noqa: E402
from warta.stories import StoryFeatures, StoryIndex, build_story  # noqa: E402

from _report import append_blind_run, write_section  # noqa: E402

EXAMPLES = ROOT / "examples" / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"
CONFUSABLE = ROOT / "tests" / "gold" / "stories_confusable" / "articles.jsonl"
BLIND = ROOT / "tests" / "gold" / "blind" / "stories" / "articles.jsonl"
REAL_PAGES = ROOT.parent / "shared" / "data" / "real_pages"


def gold_stories(path: Path) -> tuple[dict[str, str], dict[str, str], list[StoryFeatures]]:
    """(gold story by article, predicted story by article, features) for a stories gold set
    (docs/dev/gold_formats.md), ingested through the pipeline into a temporary store."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [
        {"id": r["id"], "url": r["url"], "outlet": r["outlet"], "title": r["title"],
         "published": r["published"], "language": r["lang"], "text": r["text"]}
        for r in rows
    ]
    gold = {r["id"]: r["story"] for r in rows}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "gold.db")
        ingest_dicts(items, store, origin=str(path))
        predicted = store.memberships()
        features = [StoryFeatures.from_dict(f) for f in store.all_features().values()]
        store.close()
    return gold, predicted, features


def confusable_scores() -> tuple[str, list[str]]:
    """BCubed on the confusable dev set, ingested through the pipeline into a temporary store."""
    gold, predicted, features = gold_stories(CONFUSABLE)
    # The same articles in reverse arrival order, one at a time, from an empty index.
    index = StoryIndex()
    for f in sorted(features, key=lambda f: f.id, reverse=True):
        index.add(f)
    inc = bcubed(index.partition(), gold)
    score = bcubed(predicted, gold)
    stories: dict[str, list[str]] = {}
    for article, story in predicted.items():
        stories.setdefault(story, []).append(article)
    mixed = [
        "+".join(sorted({gold[a] for a in members}))
        for members in stories.values()
        if len({gold[a] for a in members}) > 1
    ]
    line = (
        f"| confusable dev set ({len(gold)} articles, {len(set(gold.values()))} gold stories, "
        f"{len(stories)} built) | {score.precision:.3f} | {score.recall:.3f} | **{score.f1:.3f}** |"
    )
    line_inc = (
        f"| confusable dev set, added one by one to an empty index (reverse id order) | "
        f"{inc.precision:.3f} | {inc.recall:.3f} | {inc.f1:.3f} |"
    )
    return line + "\n" + line_inc, mixed


def real_page_scores() -> str | None:
    """Unrelated real articles: how many share a story with another one."""
    if not (REAL_PAGES / "expected.json").is_file():
        return None
    expected = json.loads((REAL_PAGES / "expected.json").read_text(encoding="utf-8"))
    files = [REAL_PAGES / e["file"] for e in expected if e.get("kind") != "index"]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "real.db")
        ingest_paths(files, store)
        predicted = store.memberships()
        store.close()
    gold = {a: a for a in predicted}  # every article is its own story
    score = bcubed(predicted, gold)
    sizes: dict[str, int] = {}
    for story in predicted.values():
        sizes[story] = sizes.get(story, 0) + 1
    shared = sum(n for n in sizes.values() if n > 1)
    return (
        f"| real pages ({len(predicted)} unrelated articles; {shared} share a story with another, "
        f"{len(sizes)} stories) | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} |"
    )


def gold_of(manifest: dict, url: str | None, source_path: str | None) -> str | None:
    by_url = {canonical_url(a["url"]): a["story"] for a in manifest["articles"]}
    for dup in manifest.get("duplicates", []):
        for copy in dup["copies"]:
            by_url.setdefault(canonical_url(copy), by_url.get(canonical_url(dup["canonical"])))
    if url and canonical_url(url) in by_url:
        return by_url[canonical_url(url)]
    if source_path:
        if str(SEEDS) in str(Path(source_path).resolve()):
            return "seed-kim-train"
        rel = str(Path(source_path).resolve()).split(str(EXAMPLES) + "/", 1)[-1]
        for a in manifest["articles"]:
            if a["file"] == rel and a["format"] in ("html", "md", "txt"):
                return a["story"]
    return None


def planted_found(manifest: dict, stories: list[dict], id_of_url: dict[str, str]) -> tuple[int, int, list[str]]:
    found, missing = 0, []
    for planted in manifest["contradictions"]:
        ids = {id_of_url.get(canonical_url(u)) for v in planted["values"] for u in v["articles"]}
        wanted = [str(v["value"]) for v in planted["values"]]
        numeric = all(isinstance(v["value"], (int, float)) for v in planted["values"])
        hit = False
        for story in stories:
            if not ids & {a["id"] for a in story["articles"]}:
                continue
            for conflict in story["conflicts"]:
                values = [v["value"] for v in conflict["values"]]
                numbers = [v.get("number") for v in conflict["values"]]
                if numeric:
                    match = all(any(n is not None and _same_number(n, float(w)) for n in numbers) for w in wanted)
                else:
                    match = all(any(x.startswith(w) for x in values) for w in wanted)
                if match:
                    hit = True
        found += hit
        if not hit:
            missing.append(f"{planted['story']}: {planted['about']}")
    return found, len(manifest["contradictions"]), missing


def _same_number(n: float, w: float) -> bool:
    return any(abs(n - w * scale) <= 1e-6 * max(1.0, abs(w * scale)) for scale in (1, 1e3, 1e6, 1e9, 1e12))


def synthetic_features(base: list[StoryFeatures], n: int, seed: int = 7) -> list[StoryFeatures]:
    """``n`` articles made by resampling terms of real ones and shifting dates (for throughput only)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        src = rng.choice(base)
        terms = dict(rng.sample(sorted(src.terms.items()), k=max(1, int(len(src.terms) * 0.7))))
        terms[f"noise{rng.randrange(5000)}"] = 1.0
        out.append(StoryFeatures(id=f"syn{i}", published=src.published, outlet=src.outlet, terms=terms,
                                 entities=list(src.entities), event_types=list(src.event_types),
                                 main_terms=dict(src.main_terms), main_entities=list(src.main_entities),
                                 main_dates=list(src.main_dates), words=src.words))
    return out


def main() -> None:
    manifest = json.loads((EXAMPLES.parent / "manifest.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        paths = [EXAMPLES] + ([SEEDS] if SEEDS.is_dir() else [])
        report = ingest_paths(paths, store)
        ingest_s = time.perf_counter() - t0
        articles = store.get_articles(store.article_ids())
        gold, id_of_url = {}, {}
        for a in articles:
            label = gold_of(manifest, a.url, a.source_path)
            if label is not None:
                gold[a.id] = label
            if a.url:
                id_of_url[canonical_url(a.url)] = a.id
        incremental = store.memberships()
        features = [StoryFeatures.from_dict(f) for f in store.all_features().values()]
        t1 = time.perf_counter()
        rebuilt = StoryIndex().recluster(features)
        recluster_s = time.perf_counter() - t1
        stories = [store.get_story(s) for s in store.story_ids()]
        stories = [s for s in stories if s]
        pairs = {a.id: (a, store.get_analysis(a.id)) for a in articles}
        t2 = time.perf_counter()
        for s in stories:
            build_story(s["id"], [pairs[a["id"]] for a in s["articles"] if pairs.get(a["id"]) and pairs[a["id"]][1]])
        build_s = time.perf_counter() - t2
        store.close()
    score_inc = bcubed(incremental, gold)
    score_re = bcubed(rebuilt, gold)
    found, total, missing = planted_found(manifest, stories, id_of_url)
    # The seeds' two planted disputes (departure day, summit estimate) are tested in
    # tests/test_stories_seeds.py; here they only must not count as false conflicts.
    planted_stories = {c["story"] for c in manifest["contradictions"]} | {"seed-kim-train"}
    false_stories = []
    for s in stories:
        labels = {gold.get(a["id"]) for a in s["articles"]} - {None}
        if s["conflicts"] and not labels & planted_stories:
            false_stories.append(f"{'/'.join(sorted(labels))}: {len(s['conflicts'])}")

    # Throughput on a hard case: many near-copies of few stories, sharing common words.
    synthetic = synthetic_features(features, 1500)
    index = StoryIndex()
    t3 = time.perf_counter()
    for f in synthetic:
        index.add(f)
    add_s = time.perf_counter() - t3
    warm = StoryIndex()
    warm.recluster(features)
    t4 = time.perf_counter()
    for f in synthetic:
        warm.add(f)
    warm_s = time.perf_counter() - t4

    md = [
        "## Stories (bench/stories.py)",
        "",
        f"Corpus: examples/ + seeds, {report.read} documents read, {report.stored} stored, "
        f"{report.duplicates} duplicates, {len(gold)} with a gold story, {len(set(gold.values()))} gold stories, "
        f"{len(stories)} stories built.",
        "",
        "| clustering | BCubed P | BCubed R | BCubed F1 |",
        "|---|---|---|---|",
        f"| incremental (pipeline, arrival order) | {score_inc.precision:.3f} | {score_inc.recall:.3f} | {score_inc.f1:.3f} |",
        f"| recluster from scratch | {score_re.precision:.3f} | {score_re.recall:.3f} | {score_re.f1:.3f} |",
        "",
        f"Planted contradictions found: {found}/{total}" + (f" (missing: {'; '.join(missing)})" if missing else "") + ".",
        f"Stories without planted contradictions that report conflicts: {len(false_stories)}"
        + (f" ({'; '.join(false_stories)})" if false_stories else "") + ".",
        "",
        "| step | time |",
        "|---|---|",
        f"| whole ingest (read, clean, analyse, dedup, store, cluster, build) | {ingest_s:.2f} s |",
        f"| recluster {len(features)} articles | {recluster_s * 1000:.1f} ms |",
        f"| build_story for {len(stories)} stories | {build_s * 1000:.1f} ms |",
        f"| StoryIndex.add, {len(synthetic)} synthetic articles, empty index | {add_s:.2f} s "
        f"({len(synthetic) / add_s:.0f} articles/s, {len(index.members)} stories) |",
        f"| StoryIndex.add, same, after a recluster (reference frequencies) | {warm_s:.2f} s "
        f"({len(synthetic) / warm_s:.0f} articles/s, {len(warm.members)} stories) |",
    ]
    confusable, mixed = confusable_scores()
    real = real_page_scores()
    after_table = md.index("", 6)  # the blank line that ends the BCubed table
    md[after_table:after_table] = [confusable] + ([real] if real else []) + [
        "",
        "Stories mixing gold stories on the confusable set: "
        + (", ".join(sorted(mixed)) if mixed else "none") + ".",
    ]
    text = "\n".join(md)
    print(text)
    write_section("stories", text)
    for arg in sys.argv[1:]:
        # --blind scores tests/gold/blind/stories; --blind=NAME another blind set beside it.
        if arg != "--blind" and not arg.startswith("--blind="):
            continue
        name = arg.partition("=")[2] or "stories"
        path = BLIND.parent.parent / name / "articles.jsonl"
        if not path.exists():
            print(f"no blind set at {path}")
            continue
        gold, predicted, _features = gold_stories(path)
        blind = bcubed(predicted, gold)
        cells = [str(len(gold)), str(len(set(gold.values()))), str(len(set(predicted.values()))),
                 f"{blind.precision:.3f}", f"{blind.recall:.3f}", f"{blind.f1:.3f}"]
        key = "stories" if name == "stories" else name
        title = ("Stories: blind set log (`bench/stories.py --blind`)" if name == "stories"
                 else f"Stories: blind set log, tests/gold/blind/{name} (`bench/stories.py --blind={name}`)")
        append_blind_run(key, title, ["articles", "gold stories", "stories built", "BCubed P", "BCubed R", "BCubed F1"], cells)
        print(f"blind ({name}):", cells)


if __name__ == "__main__":
    main()
