"""The ingest pipeline: read → clean → analyse (map) → dedup → store → stories (reduce).

Each batch is one transaction: an ingest killed at any moment leaves the database as it
was after the last whole batch, and running it again skips what is stored (same id and
same content) and completes the rest, so nothing is lost or doubled.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from warta.analyze import analyze
from warta.clean import clean_document
from warta.dedup import (
    canonical_url,
    content_hash,
    is_excerpt,
    is_variant_url,
    minhash_of,
    normalise_for_hash,
)
from warta.dedup.near import THRESHOLD as NEAR_THRESHOLD
from warta.dedup.near import (
    LeanMinHash,
    NearDuplicateIndex,
    parameters,
    signature_bytes,
    signature_from_bytes,
)
from warta.errors import InputError, NotAnArticleError
from warta.ingest import IngestProblem, RawDocument, raw_from_dict
from warta.model import Analysis, Article
from warta.sanitize import sanitize_article
from warta.scale import Executor, local_executor
from warta.store import Store
from warta.stories_bridge import StoryKeeper

__all__ = [
    "reanalyze",
    "IngestReport",
    "Ingestor",
    "ingest_paths",
    "ingest_manifest",
    "ingest_inputs",
    "ingest_dicts",
    "ingest_documents",
    "recluster",
    "article_id_for",
]

BATCH_SIZE = 250
MAX_ID_LENGTH = 200


@dataclass(slots=True)
class IngestReport:
    read: int = 0
    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    rejected: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # not articles (front pages, indexes), one line each
    article_ids: list[str] = field(default_factory=list)
    stories_updated: int = 0
    # A manifest ingest: inputs recorded as completed by this run, and inputs skipped because
    # an earlier run completed them (None when no manifest was read).
    inputs_completed: int | None = None
    inputs_done_before: int | None = None

    @property
    def ok(self) -> bool:
        return not self.rejected

    def to_dict(self) -> dict[str, Any]:
        data = {
            "read": self.read,
            "stored": self.stored,
            "unchanged": self.unchanged,
            "duplicates": self.duplicates,
            "rejected": list(self.rejected),
            "skipped": list(self.skipped),
            "article_ids": list(self.article_ids),
            "stories_updated": self.stories_updated,
        }
        if self.inputs_completed is not None:
            data["inputs_completed"] = self.inputs_completed
            data["inputs_done_before"] = self.inputs_done_before or 0
        return data


def article_id_for(article: Article) -> str:
    """A stable id: the given one, else derived from the URL, else from outlet and content."""
    if article.id:
        return article.id.strip()[:MAX_ID_LENGTH]
    basis = article.url.strip() if article.url else f"{article.outlet or ''}\n{article.content_hash}"
    return "a" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    *,
    published: str | None = None,
    outlet: str | None = None,
    stdin: TextIO | None = None,
    progress: bool = False,
    analyse: bool = True,
    executor: Executor | None = None,
    on_problem: Callable[[str], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> IngestReport:
    """Ingest files, directories (recursively) and "-" (JSON Lines on stdin) into ``store``."""
    from warta.scale.shards import inputs_for_paths

    return ingest_inputs(
        inputs_for_paths(paths), store, published=published, outlet=outlet, stdin=stdin, progress=progress,
        analyse=analyse, executor=executor, on_problem=on_problem, batch_size=batch_size,
    )


def ingest_manifest(
    manifest: str | Path,
    store: Store,
    *,
    published: str | None = None,
    outlet: str | None = None,
    progress: bool = False,
    analyse: bool = True,
    executor: Executor | None = None,
    on_problem: Callable[[str], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> IngestReport:
    """Ingest the files a crawl manifest lists (one path a line), skipping those an earlier
    run completed: each input whose articles are all stored is recorded in the store, so a
    run that stopped (killed, a worker lost) resumes where it stopped when run again."""
    from warta.scale.shards import read_manifest

    inputs = read_manifest(manifest)
    keyed = [i.path for i in inputs if i.key is not None]
    done = store.completed_inputs(keyed)
    todo = [i for i in inputs if i.key is None or done.get(i.path) != i.key]
    report = ingest_inputs(
        todo, store, published=published, outlet=outlet, progress=progress, analyse=analyse,
        executor=executor, on_problem=on_problem, batch_size=batch_size, record_inputs=True,
    )
    report.inputs_done_before = len(inputs) - len(todo)
    return report


def ingest_inputs(
    inputs: list[Any],
    store: Store,
    *,
    published: str | None = None,
    outlet: str | None = None,
    stdin: TextIO | None = None,
    progress: bool = False,
    analyse: bool = True,
    executor: Executor | None = None,
    on_problem: Callable[[str], None] | None = None,
    batch_size: int = BATCH_SIZE,
    record_inputs: bool = False,
) -> IngestReport:
    """Ingest ``inputs`` (:class:`warta.scale.shards.Input`): the map step (read, clean,
    analyse) runs on ``executor``, in shards; results come back in input order to this
    process, the single writer (dedup, store, stories).

    Batches are cut by the input, not by the executor, so every executor stores the same
    database: a batch closes at the end of an input once it holds ``batch_size`` articles,
    and inside an input at every ``batch_size`` articles of that input. A run resumed after
    its last completed input therefore cuts the rest into the same batches as a run that
    never stopped. With ``record_inputs``, each input read through (a rejected document is
    fine; a file that failed as a whole is not) is recorded (:meth:`Store.mark_inputs_completed`)
    once its articles are stored."""
    from warta.scale.shards import pack_small_files, plan_shards, run_shard

    executor = executor or local_executor()
    report = IngestReport(inputs_completed=0 if record_inputs else None)
    session = Ingestor(store, analyse=analyse, executor=executor)
    shards = plan_shards(inputs, reads_files=executor.reads_files, published=published, outlet=outlet, stdin=stdin,
                         threads=getattr(executor, "threads", 1))
    if executor.reads_files:
        shards = pack_small_files(shards)
    results = executor.stream(partial(run_shard, analyse=analyse), shards)
    if progress:
        results = _with_progress(results)
    batch: list[Article] = []
    analyses: dict[int, Analysis] = {}  # by id() of the article it was made for
    completed: list[tuple[str, int, int, int]] = []  # inputs read through, recorded at the next write
    own = documents = 0  # articles and documents of the current input so far
    # The current input failed as a whole (unreadable, cut short, not found on a worker): it is
    # not recorded, so the next run tries it again. A rejected document does not count: it
    # would be rejected again, and a changed file has another size or time anyway.
    failed = False

    def flush() -> None:
        session.store_batch(batch, report, on_problem=on_problem, analyses=analyses if analyse else None)
        batch.clear()
        analyses.clear()
        if completed:
            when = datetime.now(UTC).isoformat(timespec="seconds")
            store.write(lambda: store.mark_inputs_completed(completed, completed_at=when))
            report.inputs_completed = (report.inputs_completed or 0) + len(completed)
            completed.clear()

    for shard, outcome in results:
        for part, entries in zip(shard, outcome, strict=True):
            if part.first:
                own = documents = 0
                failed = False
            for entry in entries:
                documents += 1
                if entry[0] == "a":
                    report.read += 1
                    batch.append(entry[1])
                    if entry[2] is not None:
                        analyses[id(entry[1])] = entry[2]
                    own += 1
                    if own % batch_size == 0:
                        flush()
                elif entry[0] == "s":
                    report.read += 1
                    _skip(report, entry[1], on_problem)
                else:
                    report.read += entry[2]
                    failed = failed or entry[3]
                    _reject(report, entry[1], on_problem)
            if part.last:
                given = inputs[part.input]
                if record_inputs and given.key is not None and not failed:
                    completed.append((given.path, given.key[0], given.key[1], documents))
                if len(batch) >= batch_size:
                    flush()
    flush()
    session.finish(report)
    return report


def prepare_document(item: RawDocument | IngestProblem) -> tuple[Any, ...]:
    """One document cleaned for storing: ``("a", article)``; or ``("s", message)`` for a page
    that is not an article; or ``("r", message, counted, whole_file)`` for a rejected one
    (``counted``: it was read as a document; ``whole_file``: the file itself failed)."""
    if isinstance(item, IngestProblem):
        # Without a locator the problem is the whole file's (unreadable, missing, cut short).
        return ("s", str(item)) if item.skipped else ("r", str(item), 0, item.locator is None)
    where = f"{item.source_path}:{item.locator}" if item.locator else item.source_path
    too_large = article_too_large(item.text)
    if too_large:
        return ("r", f"{where}: {too_large}", 1, False)
    try:
        article = sanitize_article(clean_document(item))
    except NotAnArticleError as exc:
        return ("s", f"{where}: {exc}")
    except InputError as exc:
        return ("r", f"{where}: {exc}", 1, False)
    except RecursionError:
        return ("r", f"{where}: nested too deeply to read (HTML or JSON-LD)", 1, False)
    too_large = article_too_large(article.text)
    if too_large:
        return ("r", f"{where}: {too_large}", 1, False)
    if not article.text.strip():
        return ("r", f"{where}: no article text found", 1, False)
    return ("a", article)


def analyse_prepared(article: Article) -> Analysis:
    """The analysis of a cleaned article, under the id the writer will store it with."""
    article.content_hash = content_hash(article.text, normalised=normalise_for_hash(article.text))
    article.id = article_id_for(article)
    return analyze(article)


def ingest_dicts(
    items: list[dict[str, Any]],
    store: Store,
    *,
    origin: str = "api",
    analyse: bool = True,
    ingestor: Ingestor | None = None,
    replace: bool = True,
) -> IngestReport:
    """Ingest articles given as dicts (the JSON Lines fields), e.g. from the HTTP API.

    With ``replace=False`` an item whose id is stored with other content is rejected
    instead of updating the stored article (the API's POST; its PUT updates)."""
    # The same field rules as a JSON Lines line: one reader of article objects.
    docs = [raw_from_dict(item, origin, f"item {n}") for n, item in enumerate(items, start=1)]
    return ingest_documents(docs, store, analyse=analyse, ingestor=ingestor, replace=replace)


def ingest_documents(
    items: Iterable[RawDocument | IngestProblem],
    store: Store,
    *,
    analyse: bool = True,
    executor: Executor | None = None,
    on_problem: Callable[[str], None] | None = None,
    batch_size: int = BATCH_SIZE,
    ingestor: Ingestor | None = None,
    replace: bool = True,
) -> IngestReport:
    """Clean, deduplicate, analyse and store documents. A document whose id is stored with
    other content updates it (the earlier version is kept in ``article_versions``) unless
    ``replace`` is False, when it is rejected."""
    report = IngestReport()
    session = ingestor or Ingestor(store, analyse=analyse, executor=executor)
    batch: list[Article] = []
    for item in items:
        if isinstance(item, IngestProblem):
            if item.skipped:
                report.read += 1
                _skip(report, str(item), on_problem)
            else:
                _reject(report, str(item), on_problem)
            continue
        report.read += 1
        entry = prepare_document(item)
        if entry[0] == "s":
            _skip(report, entry[1], on_problem)
            continue
        if entry[0] == "r":
            _reject(report, entry[1], on_problem)
            continue
        batch.append(entry[1])
        if len(batch) >= batch_size:
            session.store_batch(batch, report, replace=replace, on_problem=on_problem)
            batch = []
    if batch:
        session.store_batch(batch, report, replace=replace, on_problem=on_problem)
    session.finish(report)
    return report


def _teaser_of_stored(store: Store, article: Article) -> bool:
    """Whether ``article`` is a cut of the text stored under its id (a feed teaser of the page)."""
    stored = store.get_article(article.id)
    return stored is not None and is_excerpt(article.text, stored.text)


def _skip(report: IngestReport, message: str, on_problem: Callable[[str], None] | None) -> None:
    report.skipped.append(message)
    if on_problem is not None:
        on_problem(f"skipped: {message}")


def article_too_large(text: str | None) -> str | None:
    """Why an article's text is over the per-article limit, or None."""
    from warta.ingest.streams import MAX_ARTICLE_CHARS, megabytes

    if text is not None and len(text) > MAX_ARTICLE_CHARS:
        return (
            f"article too large ({len(text):,} characters of text; the limit is "
            f"{megabytes(MAX_ARTICLE_CHARS)} per article, set by WARTA_MAX_ARTICLE_MB)"
        )
    return None


def _reject(report: IngestReport, message: str, on_problem: Callable[[str], None] | None) -> None:
    report.rejected.append(message)
    if on_problem is not None:
        on_problem(message)


class Ingestor:
    """What one writer keeps between batches: the near-duplicate index and the story index.

    An ingest makes its own; a long-running writer (the HTTP API) keeps one, so that each
    request costs what its articles cost, not a reload of everything stored. A generation
    counter in the database tells it when another process has written in between, and it
    reloads then.
    """

    def __init__(self, store: Store, *, analyse: bool = True, executor: Executor | None = None) -> None:
        self.store = store
        self.analyse = analyse
        self.executor = executor or local_executor()
        self._load()

    def _load(self, *, stories_pending: bool = False) -> None:
        self.generation: str | None = self.store.get_meta("generation") or "0"
        self.near = _load_near_index(self.store)
        self.stories = StoryKeeper(self.store, pending=stories_pending)

    def _claim(self) -> None:
        """Inside a batch's transaction: reload if someone else wrote, then move the counter on."""
        if self.generation is None or (self.store.get_meta("generation") or "0") != self.generation:
            self._load(stories_pending=self.stories.pending)
        self.generation = str(int(self.generation or "0") + 1)
        self.store.set_meta("generation", self.generation)

    def store_batch(
        self,
        batch: list[Article],
        report: IngestReport,
        *,
        replace: bool = True,
        on_problem: Callable[[str], None] | None = None,
        analyses: dict[int, Analysis] | None = None,
    ) -> None:
        """Store one batch in one transaction. ``analyses`` (by ``id()`` of the article) were
        made by the map step elsewhere; without them the executor analyses what is new."""
        made = analyses
        store = self.store
        now = datetime.now(UTC).isoformat(timespec="seconds")
        fresh: list[Article] = []
        folded: dict[int, str] = {}
        for article in batch:
            folded[id(article)] = normalise_for_hash(article.text)
            article.content_hash = content_hash(article.text, normalised=folded[id(article)])
            article.id = article_id_for(article)
            article.ingested_at = now
        stored_hashes = store.article_hashes([a.id for a in batch])
        sightings: list[Article] = []  # other texts of an article kept beside it, never over it
        for article in batch:
            if stored_hashes.get(article.id) == article.content_hash:
                report.unchanged += 1
                report.article_ids.append(article.id)
            elif article.id in stored_hashes and _teaser_of_stored(store, article):
                # A feed's teaser of a page already stored: the fuller text stays.
                if not store.seen_text(article.id, article.content_hash):
                    sightings.append(article)
                report.unchanged += 1
                report.article_ids.append(article.id)
            elif article.id in stored_hashes and not replace:
                where = article.source_path or "input"
                _reject(
                    report,
                    f"{where}: article {article.id!r} is already stored with other content; "
                    "send it as an update (PUT /api/articles/ID) to replace it",
                    on_problem,
                )
            else:
                fresh.append(article)
        # Earliest first, so that within a batch the canonical copy is the first published
        # (and, between copies published together, the one at the plain URL, not AMP).
        fresh.sort(key=lambda a: (a.published or "9999", is_variant_url(a.url), a.id))
        first_by_id: dict[str, Article] = {}
        for article in fresh:  # the same article twice in one batch: the fuller text is stored
            kept = first_by_id.setdefault(article.id, article)
            if kept is not article:
                if is_excerpt(kept.text, article.text):
                    kept, article = article, kept
                    first_by_id[article.id] = kept
                if not store.seen_text(article.id, article.content_hash):
                    sightings.append(article)
                report.unchanged += 1
        fresh = list(first_by_id.values())
        analyses: dict[str, Analysis] = {}
        if self.analyse and fresh and made is not None:
            for article in fresh:
                analysis = made.get(id(article))
                analyses[article.id] = analysis if analysis is not None else analyze(article)
        elif self.analyse and fresh:
            for analysis in self.executor.map(analyze, fresh):
                analyses[analysis.id] = analysis
        # The batch is counted only once it is committed: a batch that waits too long for
        # another writer's lock is rolled back and retried whole, never half-counted.
        if not fresh and not sightings and not (self.analyse and store.has_unassigned_analyses()):
            return  # nothing to write: a second run of the same ingest leaves the file as it was

        def attempt() -> IngestReport:
            part = IngestReport()
            try:
                self._write_batch(fresh, folded, analyses, part)
                with store.transaction():
                    for article in sightings:
                        store.keep_sighting(article, seen_at=article.ingested_at)
            except BaseException:
                self.generation = None  # the batch rolled back: what is in memory may be ahead
                raise
            return part

        part = store.write(attempt)
        report.stored += part.stored
        report.duplicates += part.duplicates
        report.article_ids.extend(part.article_ids)
        report.stories_updated += part.stories_updated

    def finish(self, report: IngestReport) -> None:
        """End of an ingest: let the stories recluster if their term weights have gone stale."""
        if not self.analyse or not self.stories.touched:
            return  # nothing was added: the database stays as it was

        def attempt() -> int:
            try:
                self._claim()
                return self.stories.finish()
            except BaseException:
                self.generation = None
                raise

        report.stories_updated += self.store.write(attempt)

    def _write_batch(
        self, fresh: list[Article], folded: dict[int, str], analyses: dict[str, Analysis], report: IngestReport
    ) -> None:
        store = self.store
        added: list[tuple[Article, Analysis | None]] = []
        updated: set[str] = set()
        with store.transaction():  # joins the transaction of Store.write
            self._claim()
            stored_hashes = store.article_hashes([a.id for a in fresh])
            for article in fresh:
                if article.id in stored_hashes:
                    # An update: keep the stored version, fill in what the new one leaves out.
                    previous = store.get_article(article.id)
                    store.archive_article(article.id, replaced_at=article.ingested_at)
                    if previous is not None:
                        article.url = article.url or previous.url
                        article.outlet = article.outlet or previous.outlet
                        article.title = article.title or previous.title
                    self.near.remove(article.id)
                    updated.add(article.id)
                url_key = canonical_url(article.url)
                duplicate_of, kind, score, signature = self._find_duplicate(article, url_key, folded[id(article)])
                article.duplicate_of = duplicate_of
                store.insert_article(article, canonical_url=url_key, duplicate_kind=kind, duplicate_score=score)
                report.stored += 1
                report.article_ids.append(article.id)
                added.append((article, analyses.get(article.id)))
                if duplicate_of:
                    report.duplicates += 1
                elif signature is not None:
                    store.save_signature(article.id, signature_bytes(signature))
                    self.near.add(article.id, signature)
            if self.analyse:
                report.stories_updated += self.stories.add(added, updated=updated)

    def _find_duplicate(
        self, article: Article, url_key: str | None, normalised: str
    ) -> tuple[str | None, str | None, float | None, LeanMinHash | None]:
        """(canonical id, "exact"|"near", similarity, signature) — or Nones for a new article."""
        # An exact copy has the same content. The same URL with other content is another
        # version of the page (or another page at a reused URL): it is compared by content
        # below like any other article, never called an exact copy unread.
        exact = self.store.find_canonical(content_hash=article.content_hash)
        if exact and exact != article.id:  # the same id is an updated version of itself
            return exact, "exact", 1.0, None
        signature = minhash_of(article.text, normalised=normalised)
        same_url = self.store.find_canonical(canonical_url=url_key) if url_key else None
        if same_url and same_url != article.id:
            score = self.near.similarity(same_url, signature)
            if score is not None and score >= NEAR_THRESHOLD:
                return same_url, "exact", score, signature
        match = self.near.best_match(signature)
        if match and match[0] != article.id:
            return match[0], "near", match[1], signature
        return None, None, None, signature


def _load_near_index(store: Store) -> NearDuplicateIndex:
    """The LSH index of stored canonical articles; rebuilt from text if parameters changed."""
    index = NearDuplicateIndex()
    params = "|".join(f"{k}={v}" for k, v in sorted(parameters().items()))
    if store.get_meta("minhash_parameters") not in (None, params):
        with store.transaction():
            for article_id in store.article_ids(canonical_only=True):
                article = store.get_article(article_id)
                if article is not None:
                    store.save_signature(article_id, signature_bytes(minhash_of(article.text)))
            store.set_meta("minhash_parameters", params)
    elif store.get_meta("minhash_parameters") is None:
        with store.transaction():
            store.set_meta("minhash_parameters", params)
    for article_id, blob in store.signatures():
        index.add(article_id, signature_from_bytes(blob))
    return index


def reanalyze(store: Store, *, batch_size: int = 250) -> tuple[int, int]:
    """Analyse again every stored article whose analysis older rules made, then rebuild every
    story; returns (articles analysed, stories). Each batch is one transaction."""
    from warta.stories import extract_features
    from warta.stories_bridge import rebuild_all

    stale = store.stale_analyses()
    for start in range(0, len(stale), batch_size):
        articles = store.get_articles(stale[start : start + batch_size])

        def attempt(articles: list[Article] = articles) -> None:
            with store.transaction():
                for article in articles:
                    analysis = analyze(article)
                    store.save_analysis(analysis, extract_features(article, analysis).to_dict())

        store.write(attempt)
    stories = store.write(lambda: rebuild_all(store)) if stale else 0
    return len(stale), stories


def recluster(store: Store) -> int:
    """Rebuild every story from the stored features; returns the number of stories."""
    from warta.stories_bridge import rebuild_all

    return store.write(lambda: rebuild_all(store))


def _with_progress(items: Iterator[Any]) -> Iterator[Any]:
    """A Rich progress bar on stderr while shards come back from the map step (only on a terminal)."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/bold] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
    ) as bar:
        task = bar.add_task("documents", total=None)
        for shard, outcome in items:
            bar.advance(task, sum(len(entries) for entries in outcome))
            yield shard, outcome
