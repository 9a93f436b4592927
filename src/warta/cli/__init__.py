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
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for JSON Lines on stdin.")],
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
    from warta.pipeline import ingest_paths
    from warta.scale import dask_executor, process_executor

    err = _err()
    with _user_errors():
        store = _open_store(db, wait)
        if dask:
            executor = dask_executor(None if dask == "local" else dask)
        else:
            executor = process_executor(workers) if workers > 1 else None
        try:
            report = ingest_paths(
                paths,
                store,
                published=published,
                outlet=outlet,
                progress=not json_output,
                executor=executor,
                on_problem=lambda message: err.print(f"rejected: {safe_line(message)}", markup=False),
            )
        finally:
            if executor is not None:
                executor.close()
            store.close()
    if json_output:
        _print_json(report.to_dict())
    else:
        _print_report(report)
    if report.rejected:
        raise typer.Exit(1)


def _print_report(report) -> None:  # noqa: ANN001
    out = _out()
    out.print(
        f"read {report.read} · stored {report.stored} · unchanged {report.unchanged} · "
        f"duplicates {report.duplicates} · rejected {len(report.rejected)} · "
        f"stories updated {report.stories_updated}",
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
        store = _open_store(db)
        items = store.list_articles(limit=limit, offset=offset, outlet=outlet)
        total = store.count_articles()
    if json_output:
        _print_json([_article_summary(a) for a in items])
        return
    table = _table("id", "published", "outlet", "lang", "title", title=f"{len(items)} of {total} articles")
    for a in items:
        mark = " (dup)" if a.duplicate_of else ""
        _row(table, a.id, (a.published or "")[:10], a.outlet, a.language, (a.title or "") + mark)
    _out().print(table)


def _article_summary(a) -> dict:  # noqa: ANN001
    return {
        "id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published,
        "url": a.url,
        "language": a.language,
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
        store = _open_store(db)
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
        hits = _open_store(db).search(query, limit=limit)
    if json_output:
        _print_json(hits)
        return
    table = _table("id", "published", "outlet", "title", "snippet", title=f"{len(hits)} hits")
    for h in hits:
        _row(table, h["id"], (h["published"] or "")[:10], h["outlet"], h["title"], h["snippet"])
    _out().print(table)


@app.command()
def analyze(
    input_path: Annotated[str, typer.Argument(metavar="INPUT", help="A text file, a JSON Lines file, or -.")],
    published: Annotated[str | None, typer.Option(help="Publication date (DCT) for a text file.")] = None,
    json_output: JsonFlag = True,
) -> None:
    """Analyse articles without storing them: one JSON object per article, in input order."""
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
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    if failed:
        raise typer.Exit(1)


@app.command()
def stories(
    db: DbOption = None,
    q: Annotated[str | None, typer.Option(help="Only stories with an article matching this FTS query.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10000)] = 50,
    json_output: JsonFlag = False,
) -> None:
    """List stories, most recent first."""
    with _user_errors():
        items = _open_store(db).list_stories(q=q, limit=limit)
    if json_output:
        _print_json(items)
        return
    table = _table("id", "articles", "dates", "conflicts", "title", title=f"{len(items)} stories")
    for s in items:
        dates = f"{(s['first_published'] or '')[:10]} – {(s['last_published'] or '')[:10]}"
        _row(table, s["id"], s["article_count"], dates, s["conflict_count"], s["title"])
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
        found = _open_store(db).get_story(story_id)
        if found is None:
            raise NotFoundError(f"no story with id {story_id!r}")
        rendered = render(found, fmt)
        if fmt == "markdown":  # read on a terminal; the JSON formats escape control characters
            rendered = safe_terminal(rendered)
        sys.stdout.write(rendered.rstrip("\n") + "\n")


@app.command()
def recluster(db: DbOption = None, wait: WaitOption = None) -> None:
    """Rebuild every story from scratch from the stored analyses."""
    from warta.pipeline import recluster as rebuild

    with _user_errors():
        count = rebuild(_open_store(db, wait))
    _out().print(f"{count} stories", markup=False)


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
    from warta.store import default_db_path

    with _user_errors():
        data = metadata_for(db or default_db_path())
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
