"""Train warta's entity tagger: a CRF over word, shape, affix, cluster, lexicon and gazetteer
features (see src/warta/analyze/entities/features.py).

Run: ``python scripts/train_ner.py`` (about a few minutes on one core). It
1. learns word clusters (k-means over SVD of left/right co-occurrence counts) from the
   tokens of every corpus's TRAIN split and writes ``data/ner/clusters.tsv``;
2. derives a lexicon of first names and type-typical words from the TRAIN splits
   (``data/ner/lexicon.tsv``);
3. trains the CRF (crfsuite, L-BFGS with L1+L2) on the chosen TRAIN splits and exports its
   weights as ``data/ner/model.npz``, which warta decodes with numpy. NERP's text is all
   lower case: every sentence without a capital letter gets a second, prefixed copy of each
   feature (``LOWER_PREFIX``; the decoder adds the same copies), so lower-case text learns
   weights of its own instead of blurring the case features of the cased corpora;
4. scores NERGrit dev (and the other corpora's dev splits) and prints the scores.
Dev splits are only used for scoring and tuning, never for training.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pycrfsuite
from scipy import sparse
from sklearn.cluster import MiniBatchKMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from warta.analyze.entities.features import Featurizer
from warta.analyze.entities.resources import NER_DIR, load_resources
from warta.analyze.entities.tagger import CrfTagger, export_crfsuite, to_bioes, training_features
from warta.eval.ner import SPLITS, Sentence, bio_spans, load_corpus, score

CLUSTER_SIZES = (32, 128, 512)
MIN_CLUSTER_COUNT = 2
CONTEXT_VOCAB = 2000


def learn_clusters(
    sentences: list[list[str]], out: Path, seed: int = 13, sizes: tuple[int, ...] = CLUSTER_SIZES
) -> int:
    counts = Counter(w.lower() for s in sentences for w in s)
    vocab = [w for w, c in counts.most_common() if c >= MIN_CLUSTER_COUNT]
    index = {w: i for i, w in enumerate(vocab)}
    contexts = {w: i for i, (w, _) in enumerate(counts.most_common(CONTEXT_VOCAB))}
    rows, cols = [], []
    width = len(contexts)
    for sent in sentences:
        low = ["<s>", *(w.lower() for w in sent), "</s>"]
        for i in range(1, len(low) - 1):
            row = index.get(low[i])
            if row is None:
                continue
            for offset, slot in ((-1, 0), (1, 1), (-2, 2), (2, 3)):
                j = i + offset
                if 0 <= j < len(low):
                    col = contexts.get(low[j])
                    if col is not None:
                        rows.append(row)
                        cols.append(slot * width + col)
    matrix = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(vocab), 4 * width)
    )
    matrix.sum_duplicates()
    # Positive PMI, so frequent contexts do not dominate.
    total = matrix.sum()
    row_sum = np.asarray(matrix.sum(axis=1)).ravel()
    col_sum = np.asarray(matrix.sum(axis=0)).ravel()
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col] + 1e-9))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)
    vectors = normalize(TruncatedSVD(n_components=100, random_state=seed).fit_transform(ppmi))
    labels = [
        MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=3, batch_size=4096).fit_predict(vectors)
        for k in sizes
    ]
    # How often a word is written in lower case: capitalised common words (sentence starts,
    # "Menurut") look like names otherwise.
    lower_counts = Counter(w for s in sentences for w in s if w.islower())
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(
            "# word\tcluster ids at k="
            + ",".join(map(str, sizes))
            + "\tlower-case share (scripts/train_ner.py)\n"
        )
        for i, word in enumerate(vocab):
            share = lower_counts[word] / counts[word]
            bucket = "lc" if share > 0.9 else ("mixed" if share > 0.3 else "cap")
            handle.write(word + "\t" + "\t".join(str(lab[i]) for lab in labels) + "\t" + bucket + "\n")
    return len(vocab)


def learn_lexicon(sentences: list[Sentence], out: Path, min_count: int = 3, purity: float = 0.7) -> int:
    """Words that are nearly always inside one entity type, and first words of person names."""
    total: Counter[str] = Counter()
    inside: dict[str, Counter[str]] = defaultdict(Counter)
    first_names: Counter[str] = Counter()
    for tokens, tags in sentences:
        for tok in tokens:
            total[tok.lower()] += 1
        for start, end, kind in bio_spans(tags):
            for k in range(start, end):
                inside[tokens[k].lower()][kind] += 1
            if kind == "PER" and end - start > 1:
                first_names[tokens[start].lower()] += 1
    rows = []
    for word, kinds in inside.items():
        kind, count = kinds.most_common(1)[0]
        if count >= min_count and count / total[word] >= purity and word.isalpha():
            rows.append((word, kind.lower() + "word"))
    for word, count in first_names.items():
        if count >= 2 and inside[word]["PER"] / total[word] >= purity and word.isalpha():
            rows.append((word, "fname"))
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("# word\tclass, derived from the TRAIN splits by scripts/train_ner.py\n")
        for word, kind in sorted(rows):
            handle.write(f"{word}\t{kind}\n")
    return len(rows)


def entity_names(sentences: list[Sentence]) -> Counter[tuple[str, str]]:
    names: Counter[tuple[str, str]] = Counter()
    for tokens, tags in sentences:
        for start, end, kind in bio_spans(tags):
            names[(" ".join(t.lower() for t in tokens[start:end]), kind)] += 1
    return names


def write_names(names: Counter[tuple[str, str]], out: Path) -> int:
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("# entity name (lower case, tokens joined by spaces)\ttype, from the TRAIN splits\n")
        for name, kind in sorted(names):
            handle.write(f"{name}\t{kind}\n")
    return len(names)


def _names_table(names: Counter[tuple[str, str]]) -> dict[str, set[tuple[str, ...]]]:
    table: dict[str, set[tuple[str, ...]]] = {}
    for name, kind in names:
        table.setdefault(kind.lower(), set()).add(tuple(name.split(" ")))
    return table


def train(
    sentences: list[Sentence],
    featurizer: Featurizer,
    model: Path,
    c1: float,
    c2: float,
    max_iter: int,
    folds: int = 2,
    extra_names: list[Sentence] | None = None,
    algorithm: str = "lbfgs",
    domains: list[str] | None = None,
    bioes: bool = False,
    lower_copies: bool = False,
) -> None:
    """Train on ``sentences``. The names-seen-in-training feature of each sentence comes
    from the other folds only, so the CRF does not learn to trust it more than it deserves
    (every training name trivially matches a list built from its own sentence).

    With ``domains`` (one corpus name per sentence), features are augmented the
    "frustratingly easy" way (Daume 2007): every feature appears twice, as itself (shared by
    all corpora) and prefixed by its sentence's corpus (``DOMAIN_SEP``); ``export_crfsuite``
    folds one corpus's copies into the shared weights."""
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    all_names = entity_names(sentences) + entity_names(extra_names or [])
    indices = list(range(len(sentences)))
    for fold in range(folds):
        part_index = indices[fold::folds]
        part = [sentences[i] for i in part_index]
        held_in = all_names - entity_names(part)
        res = dataclasses.replace(
            featurizer.res, gazetteers={**_without_names(featurizer.res.gazetteers), **_names_table(held_in)}
        )
        fold_featurizer = Featurizer(res)
        for i, (tokens, tags) in zip(part_index, part, strict=True):
            domain = domains[i] if domains is not None else None
            feats = training_features(fold_featurizer, tokens, lower_copies=lower_copies, domain=domain)
            trainer.append(feats, to_bioes(tags) if bioes else tags)
    params: dict[str, object] = {"max_iterations": max_iter, "feature.possible_transitions": True}
    if algorithm == "lbfgs":
        params.update({"c1": c1, "c2": c2})
    trainer.set_params(params)
    trainer.train(str(model))


def _without_names(gazetteers: dict[str, set[tuple[str, ...]]]) -> dict[str, set[tuple[str, ...]]]:
    return {k: v for k, v in gazetteers.items() if k not in ("per", "org", "loc")}


def dev_scores(model: Path, resources_dir: Path, corpora: list[str]) -> dict[str, object]:
    tagger = CrfTagger(load_resources(resources_dir), model)
    out = {}
    for name in corpora:
        dev = load_corpus(name, "dev")
        out[name] = score([tags for _, tags in dev], [tagger.tag(tokens) for tokens, _ in dev])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--corpora", default="nergrit,nerui,nerugm,idner2k,nerp", help="TRAIN splits to train on"
    )
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=2.0)
    parser.add_argument("--max-iter", type=int, default=150)
    parser.add_argument("--algorithm", default="lbfgs", help="crfsuite training algorithm (lbfgs, ap, pa, l2sgd)")
    parser.add_argument("--cluster-sizes", default=",".join(map(str, CLUSTER_SIZES)), help="k-means sizes")
    parser.add_argument(
        "--cluster-dev-text", action="store_true", help="clusters also see the dev splits' tokens (labels unused)"
    )
    parser.add_argument(
        "--augment", action="store_true", help="corpus-specific feature copies (Daume 2007), folded for --target"
    )
    parser.add_argument("--target", default="nergrit", help="corpus whose feature copies the shipped model keeps")
    parser.add_argument(
        "--lower-copies",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="all-lower-case sentences (all of NERP) get their own copy of every feature",
    )
    parser.add_argument("--bioes", action="store_true", help="train on BIOES tags (the tagger answers in BIO)")
    parser.add_argument(
        "--lexicon-corpora", default="nergrit,nerui,nerugm,idner2k", help="TRAIN splits the lexicon comes from"
    )
    parser.add_argument("--out", type=Path, default=NER_DIR)
    parser.add_argument("--skip-resources", action="store_true", help="reuse clusters.tsv and lexicon.tsv")
    args = parser.parse_args()
    started = time.time()
    # One thread: BLAS/OpenMP threads only fight each other on a shared machine.
    with threadpool_limits(1):
        _train_all(args, started)


def _train_all(args: argparse.Namespace, started: float) -> None:
    corpora = args.corpora.split(",")
    all_train = {name: load_corpus(name, "train") for name in SPLITS}
    if not args.skip_resources:
        # Clusters see every corpus's training tokens (labels are not used).
        text = [tokens for data in all_train.values() for tokens, _ in data]
        if args.cluster_dev_text:
            text += [tokens for name in SPLITS for tokens, _ in load_corpus(name, "dev")]
        sizes = tuple(int(k) for k in args.cluster_sizes.split(","))
        n = learn_clusters(text, args.out / "clusters.tsv", sizes=sizes)
        print(f"clusters: {n} words ({time.time() - started:.0f}s)")
        lexicon_corpora = args.lexicon_corpora.split(",")
        n = learn_lexicon([s for name in lexicon_corpora for s in all_train[name]], args.out / "lexicon.tsv")
        print(f"lexicon: {n} words")
    # Names for the feature come from every TRAIN split, NERP's lower-cased text included.
    n = write_names(entity_names([s for data in all_train.values() for s in data]), args.out / "names.tsv")
    print(f"names: {n}")
    featurizer = Featurizer(load_resources(args.out))
    training = [s for name in corpora for s in all_train[name]]
    domains = [name for name in corpora for _ in all_train[name]] if args.augment else None
    # Sentences of corpora not trained on still feed the names feature of the others.
    extra_names = [s for name in SPLITS if name not in corpora for s in all_train[name]]
    model = args.out / "model.npz"
    with tempfile.TemporaryDirectory() as tmp:
        crfsuite_model = Path(tmp) / "model.crfsuite"
        train(
            training,
            featurizer,
            crfsuite_model,
            args.c1,
            args.c2,
            args.max_iter,
            extra_names=extra_names,
            algorithm=args.algorithm,
            domains=domains,
            bioes=args.bioes,
            lower_copies=args.lower_copies,
        )
        export_crfsuite(crfsuite_model, model, domain=args.target if args.augment else None)
    print(
        f"trained on {len(training)} sentences ({time.time() - started:.0f}s), model {model.stat().st_size / 1e6:.1f} MB"
    )
    for name, result in dev_scores(model, args.out, list(SPLITS)).items():
        per = " ".join(f"{t}={v[2]:.3f}" for t, v in result.per_type.items())  # type: ignore[attr-defined]
        print(f"{name} dev macro F1 {result.macro_f1:.3f} ({per})")  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
