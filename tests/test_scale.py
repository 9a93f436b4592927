"""The map step gives the same results in-process, in a process pool and on Dask; a manifest
ingest resumes where it stopped and ends in the database an uninterrupted run makes."""

from __future__ import annotations

import json
import random
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from warta.analyze import analyze
from warta.clean import clean_document
from warta.errors import InputError
from warta.ingest import RawDocument, read_paths
from warta.pipeline import ingest_manifest, ingest_paths
from warta.scale import ClusterError, dask_executor, local_executor, process_executor, shards
from warta.store import Store

from conftest import EXAMPLES


def _articles(limit: int = 6):
    docs = [d for d in read_paths([EXAMPLES / "articles"]) if isinstance(d, RawDocument)][:limit]
    articles = [clean_document(d) for d in docs]
    for n, article in enumerate(articles):
        article.id = article.id or f"a{n}"
    return articles


def test_process_pool_gives_the_same_analyses_in_order():
    articles = _articles()
    expected = [a.to_dict() for a in local_executor().map(analyze, articles)]
    pool = process_executor(2)
    try:
        got = [a.to_dict() for a in pool.map(analyze, articles)]
    finally:
        pool.close()
    assert got == expected


# -- whole ingests compared ---------------------------------------------------------------

# Columns that legitimately differ between two runs of the same ingest: when it ran.
RUN_SPECIFIC = {
    "articles": {"ingested_at"},
    "stories": {"updated_at"},
    "article_versions": {"replaced_at", "ingested_at"},
    "ingested_inputs": {"completed_at"},
}


def db_contents(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (full-text index internals left out: they derive from
    articles), without run-specific columns, in a stable order."""
    db = sqlite3.connect(path)
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    out: dict[str, list[tuple]] = {}
    for table in tables:
        if table.startswith(("articles_fts", "sqlite_")):
            continue
        columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
        keep = [c for c in columns if c not in RUN_SPECIFIC.get(table, set())]
        rows = db.execute(f"SELECT {', '.join(f'[{c}]' for c in keep)} FROM {table} ORDER BY rowid").fetchall()
        out[table] = rows
    db.close()
    return out


def _sentences() -> list[str]:
    text = " ".join(
        d.text or "" for d in read_paths([EXAMPLES / "articles"]) if isinstance(d, RawDocument)
    )
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 40]


def _write_jsonl(path: Path, count: int, seed: int) -> None:
    """Articles stitched from the examples' sentences: varied, not copies, with the odd
    near-duplicate (the same article at a second URL) and a bad line."""
    rng = random.Random(seed)
    pool = _sentences()
    lines = []
    for i in range(count):
        text = " ".join(rng.sample(pool, k=6)) + f" Laporan nomor {seed}-{i}."
        record = {"id": f"g{seed}-{i}", "url": f"https://uji.example.id/{seed}/{i}", "outlet": f"Uji {i % 3}",
                  "published": f"2024-0{1 + i % 3}-{1 + i % 27:02d}", "language": "id", "text": text}
        lines.append(json.dumps(record, ensure_ascii=False))
        if i % 9 == 4:  # a syndicated copy
            lines.append(json.dumps({**record, "id": f"g{seed}-{i}-copy", "url": f"https://lain.example.id/{i}"}))
    lines.insert(3, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The example corpus (text, Markdown, HTML, feeds, a WARC) and two generated JSON Lines
    files, one large enough to be split into document ranges."""
    root = tmp_path_factory.mktemp("scale") / "corpus"
    shutil.copytree(EXAMPLES, root / "examples")
    _write_jsonl(root / "generated-a.jsonl", 24, seed=1)
    _write_jsonl(root / "generated-b.jsonl", 10, seed=2)
    return root


@pytest.fixture
def small_units(monkeypatch):
    """Shards and batches small enough that a test corpus crosses every boundary: files
    split into ranges, batches closed inside an input and at an input's end."""
    monkeypatch.setattr(shards, "SPLIT_BYTES", 2000)
    monkeypatch.setattr(shards, "SPLIT_DOCUMENTS", 7)
    monkeypatch.setattr(shards, "CHUNK_DOCUMENTS", 3)
    monkeypatch.setattr(shards, "FILES_PER_SHARD", 2)
    monkeypatch.setattr(shards, "SPLIT_INPUTS_PER_THREAD", 1000)


BATCH = 9


def _ingest(corpus: Path, db: Path, executor=None) -> dict:
    store = Store(db)
    try:
        report = ingest_paths([corpus], store, executor=executor, batch_size=BATCH)
    finally:
        store.close()
    return report.to_dict()


@pytest.fixture(scope="module")
def one_process(corpus, tmp_path_factory) -> tuple[dict, dict]:
    import warta.scale.shards as s

    saved = (s.SPLIT_BYTES, s.SPLIT_DOCUMENTS, s.CHUNK_DOCUMENTS, s.FILES_PER_SHARD)
    s.SPLIT_BYTES, s.SPLIT_DOCUMENTS, s.CHUNK_DOCUMENTS, s.FILES_PER_SHARD = 2000, 7, 3, 2
    try:
        db = tmp_path_factory.mktemp("one") / "one.db"
        report = _ingest(corpus, db)
    finally:
        s.SPLIT_BYTES, s.SPLIT_DOCUMENTS, s.CHUNK_DOCUMENTS, s.FILES_PER_SHARD = saved
    return report, db_contents(db)


def test_the_test_corpus_crosses_every_boundary(one_process):
    report, contents = one_process
    assert report["stored"] > 4 * BATCH and report["duplicates"] >= 3
    assert report["rejected"]  # the bad JSON line
    assert len(contents["stories"]) > 3 and contents["conflicts"]


def test_dask_local_cluster_stores_the_same_database_as_one_process(one_process, corpus, tmp_path, small_units):
    distributed = pytest.importorskip("dask.distributed")
    # Threads, not processes: the same code path (tasks, pickled results, streaming back)
    # without the seconds it takes to start worker processes.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
                                  local_directory=str(tmp_path / "dask")) as cluster, \
            distributed.Client(cluster) as client:
        executor = dask_executor(client=client)
        assert executor.reads_files  # shards name files; the workers read them
        report = _ingest(corpus, tmp_path / "dask.db", executor)
    expected_report, expected = one_process
    assert report == expected_report
    got = db_contents(tmp_path / "dask.db")
    assert got.keys() == expected.keys()
    for table in expected:
        assert got[table] == expected[table], table


def test_process_pool_stores_the_same_database_as_one_process(one_process, corpus, tmp_path, small_units):
    pool = process_executor(2)
    try:
        report = _ingest(corpus, tmp_path / "pool.db", pool)
    finally:
        pool.close()
    expected_report, expected = one_process
    assert report == expected_report
    got = db_contents(tmp_path / "pool.db")
    for table in expected:
        assert got[table] == expected[table], table


# -- manifests and resuming ------------------------------------------------------------------


def _manifest(corpus: Path, tmp_path: Path) -> Path:
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    lines = ["# a crawl manifest", ""]
    lines += [str(p.relative_to(tmp_path)) if p.is_relative_to(tmp_path) else str(p) for p in files]
    manifest = tmp_path / "manifest.txt"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


class _FailsAfter:
    """An executor that loses its cluster after ``shards`` shards (a worker killed mid-run)."""

    parallel = False
    reads_files = True

    def __init__(self, shards: int) -> None:
        self.left = shards

    def stream(self, fn, items):
        for item in items:
            if self.left == 0:
                raise ClusterError("the Dask cluster failed (KilledWorker: injected)")
            self.left -= 1
            yield item, fn(item)

    def close(self) -> None:
        pass


def test_an_interrupted_manifest_ingest_resumes_to_the_same_database(corpus, tmp_path, small_units):
    local = tmp_path / "corpus"
    shutil.copytree(corpus, local)
    manifest = _manifest(local, tmp_path)

    whole = Store(tmp_path / "whole.db")
    uninterrupted = ingest_manifest(manifest, whole, batch_size=BATCH)
    whole.close()
    assert uninterrupted.inputs_done_before == 0 and uninterrupted.inputs_completed > 20

    store = Store(tmp_path / "resumed.db")
    with pytest.raises(ClusterError):
        ingest_manifest(manifest, store, batch_size=BATCH, executor=_FailsAfter(14))
    first = store.completed_inputs([str(p.resolve()) for p in local.rglob("*") if p.is_file()])
    assert 0 < len(first) < uninterrupted.inputs_completed
    resumed = ingest_manifest(manifest, store, batch_size=BATCH)
    assert resumed.inputs_done_before == len(first)
    assert resumed.stored + resumed.unchanged < uninterrupted.stored  # the done part was not read again
    again = ingest_manifest(manifest, store, batch_size=BATCH)
    store.close()
    assert again.read == 0 and again.inputs_done_before == uninterrupted.inputs_completed

    expected, got = db_contents(tmp_path / "whole.db"), db_contents(tmp_path / "resumed.db")
    for table in expected:
        assert got[table] == expected[table], table


def test_a_changed_file_is_ingested_again(tmp_path):
    (tmp_path / "a.txt").write_text("Banjir melanda Bekasi pada Senin. Warga mengungsi ke masjid.\n", encoding="utf-8")
    manifest = tmp_path / "m.txt"
    manifest.write_text("a.txt\n", encoding="utf-8")
    store = Store(tmp_path / "w.db")
    assert ingest_manifest(manifest, store).stored == 1
    assert ingest_manifest(manifest, store).inputs_done_before == 1
    (tmp_path / "a.txt").write_text("Banjir melanda Bekasi pada Selasa. Warga mengungsi.\n", encoding="utf-8")
    report = ingest_manifest(manifest, store)
    store.close()
    assert report.inputs_done_before == 0 and report.stored == 1


def test_manifest_lines_that_name_nothing_are_one_line_each_and_the_rest_goes_on(tmp_path):
    (tmp_path / "ok.md").write_text("Gempa mengguncang Cianjur pada Senin siang. Puluhan rumah rusak.\n",
                                    encoding="utf-8")
    manifest = tmp_path / "m.txt"
    manifest.write_text("# comment\n\nmissing.warc.gz\nhttps://data.example/x.warc.gz\nok.md\n", encoding="utf-8")
    store = Store(tmp_path / "w.db")
    report = ingest_manifest(manifest, store)
    store.close()
    assert report.stored == 1 and report.inputs_completed == 1
    assert report.rejected == [
        f"{manifest}:line 3: missing.warc.gz: no such file or directory",
        f"{manifest}:line 4: https://data.example/x.warc.gz: only local files are read; download it first, "
        "or list its local copy",
    ]


def test_a_missing_manifest_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such manifest file"):
        ingest_manifest(tmp_path / "nope.txt", Store(tmp_path / "w.db"))


def test_cli_manifest_summary_says_what_was_done_before(tmp_path):
    from typer.testing import CliRunner

    from warta.cli import app

    (tmp_path / "a.md").write_text("Gempa mengguncang Cianjur pada Senin siang. Puluhan rumah rusak.\n",
                                   encoding="utf-8")
    (tmp_path / "m.txt").write_text("a.md\nnope.html\n", encoding="utf-8")
    args = ["ingest", "--manifest", str(tmp_path / "m.txt"), "--db", str(tmp_path / "w.db")]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 1
    assert "rejected: " + str(tmp_path / "m.txt") + ":line 2: nope.html: no such file or directory" in first.output
    assert "Traceback" not in first.output
    second = CliRunner().invoke(app, args)
    assert "inputs completed 0 · done before (skipped) 1" in second.output


def test_large_files_are_split_only_when_the_inputs_are_too_few(corpus, small_units, monkeypatch):
    inputs = shards.inputs_for_paths([corpus])
    parts = [p for shard in shards.plan_shards(inputs, reads_files=True, threads=2) for p in shard]
    ranged = [p for p in parts if p.path and p.path.endswith("generated-a.jsonl")]
    assert [(p.start, p.stop, p.first, p.last) for p in ranged] == [
        (0, 7, True, False), (7, 14, False, False), (14, 21, False, False), (21, None, False, True)
    ]
    monkeypatch.setattr(shards, "SPLIT_INPUTS_PER_THREAD", 4)  # 28 inputs, 2 threads: enough to share
    parts = [p for shard in shards.plan_shards(inputs, reads_files=True, threads=2) for p in shard]
    assert all(p.first and p.last for p in parts)


class _FakeClient:
    """What the Dask executor asks of a client before any task: the workers' versions."""

    def __init__(self, versions: dict) -> None:
        self.versions = versions

    def run(self, fn):
        return self.versions

    def nthreads(self):
        return {worker: 1 for worker in self.versions}


def test_a_dask_worker_with_another_warta_is_refused_in_one_line():
    from warta import __version__
    from warta.analyze.version import rules_version

    good = (__version__, rules_version())
    assert dask_executor(client=_FakeClient({"tcp://a:1": good, "tcp://b:1": good})).threads == 2
    with pytest.raises(ClusterError, match=r"^Dask worker tcp://b:1 runs warta 0\.0\.9 \(rules old\), this is "):
        dask_executor(client=_FakeClient({"tcp://a:1": good, "tcp://b:1": ("0.0.9", "old")}))
    with pytest.raises(ClusterError, match="no workers"):
        dask_executor(client=_FakeClient({}))


def test_cli_a_lost_cluster_is_one_line_saying_how_to_resume(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import warta.scale
    from warta.cli import app

    for n in range(3):
        (tmp_path / f"a{n}.md").write_text(f"Gempa mengguncang Cianjur pada Senin siang, laporan {n}. Rumah rusak.\n",
                                           encoding="utf-8")
    (tmp_path / "m.txt").write_text("a0.md\na1.md\na2.md\n", encoding="utf-8")
    monkeypatch.setattr(warta.scale, "dask_executor", lambda address=None: _FailsAfter(0))
    args = ["ingest", "--manifest", str(tmp_path / "m.txt"), "--db", str(tmp_path / "w.db"), "--dask", "tcp://x:8786"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == (
        "warta: error: the Dask cluster failed (KilledWorker: injected); inputs completed so far are recorded: "
        "run the same command again to resume"
    )
