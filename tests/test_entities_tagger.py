"""The numpy decoder must tag exactly like crfsuite on the model it was exported from."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite
import pytest

from warta.analyze.entities.features import Featurizer, shape, short_shape
from warta.analyze.entities.resources import get_resources
from warta.analyze.entities.tagger import LOWER_PREFIX, CrfTagger, export_crfsuite, training_features
from warta.eval.ner import NER_DATA, load_corpus


@pytest.fixture(scope="module")
def corpus() -> list[tuple[list[str], list[str]]]:
    if not (NER_DATA / "nergrit").is_dir():
        pytest.skip("NERGrit not available")
    return load_corpus("nergrit", "train")[:300]


def _train_tiny(
    tmp_path: Path, name: str, examples: list[tuple[list[list[str]], list[str]]], domain: str | None = None
) -> tuple[pycrfsuite.Tagger, CrfTagger]:
    """A small crfsuite model trained on (features, tags) and its numpy export."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, tags in examples:
        trainer.append(feats, tags)
    trainer.set_params({"c1": 0.05, "c2": 0.1, "max_iterations": 30})
    crfsuite_model = tmp_path / f"{name}.crfsuite"
    trainer.train(str(crfsuite_model))
    export_crfsuite(crfsuite_model, tmp_path / f"{name}.npz", domain=domain)
    reference = pycrfsuite.Tagger()
    reference.open(str(crfsuite_model))
    return reference, CrfTagger(get_resources(), tmp_path / f"{name}.npz")


def test_numpy_decoder_matches_crfsuite(tmp_path: Path, corpus: list[tuple[list[str], list[str]]]) -> None:
    featurizer = Featurizer(get_resources())
    examples = [(featurizer.sentence_features(tokens), tags) for tokens, tags in corpus[:200]]
    reference, ours = _train_tiny(tmp_path, "tiny", examples)
    held_out = [tokens for tokens, _ in corpus[200:]]
    expected = [reference.tag(featurizer.sentence_features(tokens)) for tokens in held_out]
    got = [ours.tag(tokens) for tokens in held_out]
    assert any(tag != "O" for tags in expected for tag in tags)  # the tiny model does tag names
    assert got == expected


def test_single_token_and_empty_sentences() -> None:
    tagger = CrfTagger(get_resources())
    assert tagger.tag([]) == []
    assert len(tagger.tag(["Jakarta"])) == 1


def test_word_shapes() -> None:
    assert shape("Jakarta") == "Xxxxxxx"
    assert short_shape("Jakarta") == "Xx"
    assert short_shape("KPK-2") == "X-d"


def test_lower_case_copies_decode_like_crfsuite(tmp_path: Path, corpus: list[tuple[list[str], list[str]]]) -> None:
    """Sentences without capitals carry a prefixed copy of every feature; the decoder adds
    the copies' weights exactly as crfsuite scores them."""
    featurizer = Featurizer(get_resources())
    examples = []
    for tokens, tags in corpus[:150]:
        examples.append((training_features(featurizer, tokens), tags))
        examples.append((training_features(featurizer, [t.lower() for t in tokens]), tags))
    assert any(LOWER_PREFIX in feature for feats, _ in examples for f in feats for feature in f)
    reference, ours = _train_tiny(tmp_path, "lower", examples)
    held_out = [tokens for tokens, _ in corpus[200:]]
    held_out += [[t.lower() for t in tokens] for tokens in held_out]
    expected = [reference.tag(training_features(featurizer, tokens)) for tokens in held_out]
    assert any(tag != "O" for tags in expected[len(expected) // 2 :] for tag in tags)
    assert [ours.tag(tokens) for tokens in held_out] == expected


def test_export_folds_one_corpus_copies(tmp_path: Path, corpus: list[tuple[list[str], list[str]]]) -> None:
    """Domain-augmented training: the exported model scores a sentence as crfsuite does when
    it sees the shared features plus the chosen corpus's copies."""
    featurizer = Featurizer(get_resources())

    def features(tokens: list[str], domain: str) -> list[list[str]]:
        return training_features(featurizer, tokens, lower_copies=False, domain=domain)

    examples = [(features(tokens, "a" if i % 2 else "b"), tags) for i, (tokens, tags) in enumerate(corpus[:200])]
    reference, ours = _train_tiny(tmp_path, "aug", examples, domain="a")
    held_out = [tokens for tokens, _ in corpus[200:]]
    assert [ours.tag(tokens) for tokens in held_out] == [reference.tag(features(t, "a")) for t in held_out]
