"""The ``warta`` command: each command is a thin wrapper over a library call."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from warta import __version__
from warta.cli.tables import row as _row
from warta.cli.tables import table as _table
from warta.errors import WartaError
from warta.sanitize import safe_line, safe_terminal

app = typer.Typer(
    name="warta",
    help="Understand a developing news story from many reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

DbOption = Annotated[
    str | None, typer.Option("--db", help="SQLite file (default: $WARTA_DB or warta.db).", show_default=False)
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
WaitOption = Annotated[
    float | None,
    typer.Option(
        "--wait",
        min=0,
        metavar="SECONDS",
        help="How long to wait for another writer's lock (default: $WARTA_WAIT or 30).",
        show_default=False,
    ),
]

# Exit status when the database stayed locked by another writer for the whole wait
# (EX_TEMPFAIL: nothing is wrong with the input; run it again).
EXIT_BUSY = 75


def _out() -> Console:
    return Console(soft_wrap=True, highlight=False)


def _err() -> Console:
    return Console(stderr=True, soft_wrap=True, highlight=False)


@contextmanager
def _user_errors() -> Iterator[None]:
    """A user's mistake becomes one line on stderr and exit status 2, never a traceback."""
    from warta.errors import DatabaseBusyError

    try:
        yield
    except DatabaseBusyError as exc:
        _err().print(safe_line(str(exc)), markup=False)
        raise typer.Exit(EXIT_BUSY) from None
    except WartaError as exc:
        _err().print(f"warta: error: {safe_line(str(exc))}", markup=False)
        raise typer.Exit(2) from None
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        _err().print(f"warta: error: {exc.filename}: {exc.strerror}", markup=False)
        raise typer.Exit(2) from None


def _open_store(db: str | None, wait: float | None = None):  # noqa: ANN202 - Store, imported lazily
    from warta.store import Store

    return Store(db, wait=wait)


def _existing_db(db: str | None) -> str:
    """The database a reading command reads; a missing one is a user error, never created."""
    from warta.store import default_db_path

    path = db or default_db_path()
    if path != ":memory:" and not Path(path).exists():
        raise WartaError(f"{path}: no such database; pass --db demo.db (made by `warta demo`) or run `warta ingest` first")
    return path


def _read_store(db: str | None):  # noqa: ANN202 - Store
    return _open_store(_existing_db(db))


def _more(shown: int, total: int, noun: str, hint: str = "--limit") -> str:
    """ "9 stories", or "50 of 80 stories; --limit to see more" when the list is cut."""
    if shown >= total:
        return f"{total} {noun}"
    return f"{shown} of {total} {noun}; {hint} to see more"


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"warta {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Understand a developing news story from many reports."""


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files, folders (recursive) or - for JSON Lines on stdin.")
    ] = None,
    manifest: Annotated[
        str | None,
        typer.Option(
            metavar="FILE",
            help="A crawl manifest: one file, folder or WARC a line (# comments; relative to the manifest). "
            "Completed inputs are recorded in the database, so running it again resumes where it stopped.",
        ),
    ] = None,
    db: DbOption = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for files that do not give one.")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet for files that do not name one.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes for the analysis step (1 = in-process).")] = 1,
    dask: Annotated[
        str | None, typer.Option(help="Run the analysis step on Dask: a scheduler address, or 'local'.")
    ] = None,
    json_output: JsonFlag = False,
    wait: WaitOption = None,
) -> None:
    """Read articles, clean and deduplicate them, analyse them and update the stories."""
    from warta.pipeline import ingest_manifest, ingest_paths
    from warta.scale import ClusterError, dask_executor, process_executor

    err = _err()
    with _user_errors():
        if not paths and not manifest:
            raise WartaError("nothing to ingest: give files or folders, - for stdin, or --manifest FILE")
        if paths and manifest:
            raise WartaError("give either paths or --manifest FILE, not both")
        store = _open_store(db, wait)
        executor = None
        try:
            if dask:
                executor = dask_executor(None if dask == "local" else dask)
            elif workers > 1:
                executor = process_executor(workers)
            options = {
                "published": published,
                "outlet": outlet,
                "progress": not json_output,
                "executor": executor,
                "on_problem": lambda message: err.print(
                    safe_line(message) if message.startswith("skipped: ") else f"rejected: {safe_line(message)}",
                    markup=False,
                ),
            }
            try:
                report = ingest_manifest(manifest, store, **options) if manifest else ingest_paths(paths, store, **options)
            except (ClusterError, KeyboardInterrupt) as exc:
                if not manifest:
                    raise
                # What is stored stays stored; the manifest's completed inputs are recorded.
                why = "interrupted" if isinstance(exc, KeyboardInterrupt) else str(exc)
                raise ClusterError(f"{why}; inputs completed so far are recorded: run the same command again "
                                   "to resume") from None
            stale = len(store.stale_analyses())
        finally:
            if executor is not None:
                executor.close()
            store.close()
    if json_output:
        _print_json(report.to_dict())
    else:
        _print_report(report)
    if stale:
        err.print(
            f"note: {stale} stored analyses were made by older rules; run `warta reanalyze"
            + (f" --db {db}`" if db else "`") + " to bring them and their stories up to date",
            markup=False,
        )
    if report.rejected:
        raise typer.Exit(1)


def _print_report(report) -> None:  # noqa: ANN001
    out = _out()
    out.print(
        f"read {report.read} · stored {report.stored} · unchanged {report.unchanged} · "
        f"duplicates {report.duplicates} · rejected {len(report.rejected)} · skipped {len(report.skipped)} · "
        f"stories updated {report.stories_updated}"
        + (
            f" · inputs completed {report.inputs_completed} · done before (skipped) {report.inputs_done_before or 0}"
            if report.inputs_completed is not None
            else ""
        ),
        markup=False,
    )


@app.command()
def articles(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, max=10000)] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    json_output: JsonFlag = False,
) -> None:
    """List stored articles, newest first."""
    with _user_errors():
        store = _read_store(db)
        items = store.list_articles(limit=limit, offset=offset, outlet=outlet)
        total = store.count_articles(outlet=outlet)
    if json_output:
        _print_json([_article_summary(a) for a in items])
        return
    table = _table("id", "published", "outlet", "lang", "title", title=_articles_title(len(items), offset, total))
    for a in items:
        mark = " (dup)" if a.duplicate_of else ""
        _row(table, a.id, (a.published or "")[:10], a.outlet, a.language, (a.title or "") + mark)
    _out().print(table)


def _articles_title(shown: int, offset: int, total: int) -> str:
    if offset == 0:
        return _more(shown, total, "articles", "--limit or --offset")
    first, last = offset + 1, offset + shown
    more = "; --offset to see more" if last < total else ""
    return f"{first}–{last} of {total} articles{more}" if shown else f"0 of {total} articles"


def _article_summary(a) -> dict:  # noqa: ANN001
    return {
        "id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published,
        "url": a.url,
        "language": a.language,
        "kind": a.kind,
        "duplicate_of": a.duplicate_of,
    }


@app.command()
def article(
    article_id: Annotated[str, typer.Argument(metavar="ID")],
    db: DbOption = None,
    json_output: JsonFlag = False,
) -> None:
    """Show one article, its sources (duplicates included) and its analysis."""
    from warta.errors import NotFoundError

    with _user_errors():
        store = _read_store(db)
        found = store.get_article(article_id)
        if found is None:
            raise NotFoundError(f"no article with id {article_id!r} in {store.path}")
        sources = store.article_sources(article_id)
        analysis = store.get_analysis(found.duplicate_of or article_id)
    if json_output:
        data = found.to_dict()
        data["sources"] = sources
        data["analysis"] = analysis.to_dict() if analysis else None
        _print_json(data)
        return
    out = _out()
    out.print(f"[bold]{_esc(safe_line(found.title or '(untitled)'))}[/bold]")
    meta = [found.outlet or "?", found.published or "no date", found.language or "?"]
    if found.published_inferred:
        meta[1] += " (inferred)"
    if found.authors:
        meta.append("by " + ", ".join(found.authors))
    out.print(safe_line(" · ".join(meta)), markup=False)
    if found.url:
        out.print(safe_line(found.url), markup=False)
    if found.duplicate_of:
        out.print(safe_line(f"duplicate of {found.duplicate_of}"), markup=False)
    out.print()
    out.print(safe_terminal(found.text), markup=False)
    if found.related:
        out.print("\nrelated: " + safe_line("; ".join(r.title or "" for r in found.related)), markup=False)
    if len(sources) > 1:
        out.print("\nsources: " + safe_line("; ".join(f"{s['outlet'] or '?'} ({s['article_id']})" for s in sources)), markup=False)


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="FTS5 query: words, \"a phrase\", OR, prefix*.")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
    json_output: JsonFlag = False,
) -> None:
    """Full-text search over titles and texts."""
    with _user_errors():
        store = _read_store(db)
        hits = store.search(query, limit=limit)
        total = store.count_search(query) if len(hits) == limit else len(hits)
    if json_output:
        _print_json(hits)
        return
    table = _table("id", "published", "outlet", "title", "snippet", title=_more(len(hits), total, "hits"))
    for h in hits:
        _row(table, h["id"], (h["published"] or "")[:10], h["outlet"], h["title"], h["snippet"])
    _out().print(table)


@app.command()
def analyze(
    input_path: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="A file or folder, read as `warta ingest` reads them (text, Markdown, JSON Lines, "
            "HTML, feeds, WARC, gzipped), or - for JSON Lines on stdin.",
        ),
    ],
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for files that do not give one.")
    ] = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="One JSON object per article (the whole analysis) instead of a summary.")
    ] = False,
) -> None:
    """Analyse articles without storing them, in input order: a short summary of what was
    found in each, or with --json the whole analysis as one JSON object per line."""
    from warta.analyze import analyze as analyse_article
    from warta.clean import clean_document
    from warta.errors import InputError
    from warta.ingest import IngestProblem, read_paths
    from warta.pipeline import article_too_large
    from warta.sanitize import sanitize_article

    failed = False
    err = _err()
    for item in read_paths([input_path], published=published, stdin=sys.stdin):
        if isinstance(item, IngestProblem):
            err.print(f"warta: error: {safe_line(str(item))}", markup=False)
            failed = True
            continue
        where = f"{item.source_path}:{item.locator}" if item.locator else item.source_path
        try:
            problem = article_too_large(item.text)
            if problem:
                raise InputError(problem)
            cleaned = sanitize_article(clean_document(item))
            problem = article_too_large(cleaned.text)
            if problem:
                raise InputError(problem)
        except InputError as exc:
            err.print(f"warta: error: {safe_line(where)}: {safe_line(str(exc))}", markup=False)
            failed = True
            continue
        except RecursionError:
            err.print(f"warta: error: {safe_line(where)}: nested too deeply to read", markup=False)
            failed = True
            continue
        if not cleaned.id:
            cleaned.id = Path(item.source_path).stem if item.locator is None else f"{item.locator}"
        result = analyse_article(cleaned)
        if json_output:
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        else:
            _print_analysis(result)
    if failed:
        raise typer.Exit(1)


def _print_analysis(result) -> None:  # noqa: ANN001 - Analysis
    """What one article's analysis found, a line per kind (all text printed literally)."""
    out = _out()
    found = {
        "sentences": result.sentences, "time expressions": result.timexes, "entities": result.entities,
        "quantities": result.quantities, "attributions": result.attributions, "events": result.events,
        "claims": result.claims,
    }
    out.print(f"{result.id} · {result.language or '?'} · published {result.published or '?'}", markup=False)
    out.print("  " + " · ".join(f"{len(items)} {name}" for name, items in found.items()), markup=False)
    if result.timexes:
        out.print("  times: " + "; ".join(f"{t.text} = {t.value}" for t in result.timexes), markup=False)
    if result.entities:
        names = dict.fromkeys(f"{e.canonical or e.text} ({e.type})" for e in result.entities)
        out.print("  entities: " + ", ".join(names), markup=False)
    if result.quantities:
        out.print("  quantities: " + "; ".join(q.text for q in result.quantities), markup=False)
    for a in result.attributions:
        out.print(f"  {a.source.text} {a.cue.text}: {a.content.text}", markup=False)
    if result.claims:
        out.print("  claims: " + "; ".join(_claim_line(c) for c in result.claims), markup=False)


def _claim_line(claim) -> str:  # noqa: ANN001 - Claim
    """"deaths = 21 orang (asserted, as of 2024-03-05TNI, by BNPB)": a claim as a reader checks it."""
    notes = [claim.modality]
    if claim.time_scope:
        notes.append(f"as of {claim.time_scope}")
    if claim.source:
        notes.append(f"by {claim.source}")
    return f"{claim.measure} = {claim.span.text} ({', '.join(notes)})"


@app.command()
def stories(
    db: DbOption = None,
    q: Annotated[str | None, typer.Option(help="Only stories with an article matching this FTS query.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10000)] = 50,
    json_output: JsonFlag = False,
) -> None:
    """List stories, most recent first."""
    from warta.display import plain_text

    with _user_errors():
        store = _read_store(db)
        items = store.list_stories(q=q, limit=limit)
        total = store.count_stories(q=q) if len(items) == limit else len(items)
    if json_output:
        _print_json(items)
        return
    table = _table("id", "articles", "dates", "conflicts", "title", title=_more(len(items), total, "stories"))
    for s in items:
        dates = f"{(s['first_published'] or '')[:10]} – {(s['last_published'] or '')[:10]}"
        _row(table, s["id"], s["article_count"], dates, s["conflict_count"], plain_text(s["title"]))
    _out().print(table)


FORMATS = ("json", "markdown", "timelinejs", "geojson", "jsonld")


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(metavar="ID")],
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, markdown, timelinejs, geojson or jsonld.")] = "markdown",
) -> None:
    """Show one story: brief, timeline, disagreements, in one of several formats."""
    from warta.errors import NotFoundError
    from warta.export import render

    with _user_errors():
        if fmt not in FORMATS:
            raise WartaError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        store = _read_store(db)
        found = store.get_story(story_id)
        if found is None:
            raise NotFoundError(f"no story with id {story_id!r}")
        if fmt == "geojson":  # places are resolved with the articles' datelines and languages
            from warta.export.geojson import to_geojson
            from warta.export.places import story_context

            text = json.dumps(to_geojson(found, **story_context(store, found)), ensure_ascii=False, indent=2)
        else:
            text = render(found, fmt)
        if fmt == "markdown":  # read on a terminal; the JSON formats escape control characters
            text = safe_terminal(text)
        sys.stdout.write(text.rstrip("\n") + "\n")


@app.command()
def recluster(db: DbOption = None, wait: WaitOption = None) -> None:
    """Rebuild every story from scratch from the stored analyses."""
    from warta.pipeline import recluster as rebuild

    with _user_errors():
        count = rebuild(_open_store(_existing_db(db), wait))
    _out().print(f"{count} stories", markup=False)


@app.command()
def reanalyze(db: DbOption = None, wait: WaitOption = None) -> None:
    """Analyse again the articles whose stored analysis older rules made, then rebuild the stories."""
    from warta.pipeline import reanalyze as redo

    with _user_errors():
        articles, stories = redo(_open_store(_existing_db(db), wait))
    _out().print(f"reanalysed {articles} articles · {stories} stories", markup=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind; 127.0.0.1 keeps it on this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    token: Annotated[
        str | None,
        typer.Option(help="Writes need 'Authorization: Bearer TOKEN' (default: $WARTA_TOKEN).", show_default=False),
    ] = None,
    read_only: Annotated[bool, typer.Option("--read-only", help="Refuse every write (POST, PUT).")] = False,
    allow_host: Annotated[
        list[str] | None,
        typer.Option("--allow-host", help="A Host name to accept besides localhost (repeatable).", show_default=False),
    ] = None,
    wait: WaitOption = None,
) -> None:
    """Run the reading room (web UI and JSON API).

    Bound beyond 127.0.0.1 it needs a token for writes (--token or $WARTA_TOKEN) or
    --read-only; requests must name an allowed Host (localhost, the bound address, --allow-host)."""
    from warta.api import serve as run_server
    from warta.api.app import serve_settings
    from warta.store import default_db_path

    with _user_errors():
        path = db or default_db_path()
        serve_settings(host, token, read_only, allow_host)  # refuse before touching anything
        if not Path(path).exists():
            raise WartaError(f"{path}: no such database; run `warta ingest` or `warta demo` first")
        run_server(path, host=host, port=port, token=token, read_only=read_only, allowed_hosts=allow_host, wait=wait)


@app.command("export-metadata")
def export_metadata(
    db: DbOption = None,
    output: Annotated[str, typer.Option("--output", "-o", help="Where to write it.")] = "metadata.json",
) -> None:
    """Write a Datasette metadata.json describing warta's tables and columns."""
    from warta.datasette import metadata_for

    with _user_errors():
        data = metadata_for(_existing_db(db))
        Path(output).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _out().print(f"wrote {output}", markup=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of warta's records."""
    from warta.model import json_schema

    _print_json(json_schema())


@app.command()
def demo(
    db: Annotated[str, typer.Option("--db", help="Database to create.")] = "demo.db",
    examples: Annotated[str | None, typer.Option(help="Folder of example articles.")] = None,
) -> None:
    """Ingest the bundled example corpus into a fresh database and show what warta found."""
    from warta.demo import run_demo

    with _user_errors():
        code = run_demo(db, examples, _out())
    raise typer.Exit(code)


def main() -> None:
    app()
