"""`warta demo`: the example corpus into a fresh database, and a first look at what came out."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markdown import Markdown

from warta.errors import WartaError


def find_examples(explicit: str | None = None) -> Path:
    """The example corpus: the folder given, ./examples/corpus, or the one beside the source tree."""
    candidates = (
        [Path(explicit)]
        if explicit
        else [Path.cwd() / "examples" / "corpus", Path(__file__).resolve().parents[2] / "examples" / "corpus"]
    )
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise WartaError(f"example corpus not found (looked in {', '.join(map(str, candidates))}); pass --examples DIR")


def run_demo(db: str, examples: str | None, out: Console) -> int:
    from warta.cli.tables import row as _row
    from warta.cli.tables import table as _table
    from warta.pipeline import ingest_paths
    from warta.store import Store

    corpus = find_examples(examples)
    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    store = Store(db)
    out.print(f"Ingesting the example corpus from {corpus} into {db} …", markup=False)
    report = ingest_paths([corpus], store, progress=True)
    out.print(
        f"read {report.read} · stored {report.stored} · duplicates {report.duplicates} · "
        f"rejected {len(report.rejected)} · stories {store.count_stories()}",
        markup=False,
    )
    for message in report.rejected:
        out.print(f"  rejected: {message}", markup=False)

    table = _table("id", "published", "outlet", "lang", "title", title="A few stored articles")
    for a in store.list_articles(limit=5, include_duplicates=False):
        _row(table, a.id, (a.published or "")[:10], a.outlet, a.language, a.title)
    out.print(table)

    stories = store.list_stories(limit=20)
    if stories:
        st = _table("id", "articles", "conflicts", "title", title="Stories")
        for s in stories:
            _row(st, s["id"], s["article_count"], s["conflict_count"], s["title"])
        out.print(st)
        chosen = max(stories, key=lambda s: (s["conflict_count"], s["article_count"], s["id"]))
        story = store.get_story(chosen["id"])
        if story is not None:
            from warta.export import render

            out.print(Markdown(render(story, "markdown")))
    store.close()
    out.print(
        f"\nOpen the reading room:  warta serve --db {db}   (then http://127.0.0.1:8000/)\n"
        f"Or explore from the shell:  warta stories --db {db}  ·  warta search kereta --db {db}",
        markup=False,
    )
    return 0
