"""The numpy decoder must tag exactly like crfsuite on the model it was exported from."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite
import pytest

from warta.analyze.entities.features import Featurizer, shape, short_shape
from warta.analyze.entities.resources import get_resources
from warta.analyze.entities.tagger import CrfTagger, export_crfsuite
from warta.eval.ner import NER_DATA, load_corpus


@pytest.fixture(scope="module")
def corpus() -> list[tuple[list[str], list[str]]]:
    if not (NER_DATA / "nergrit").is_dir():
        pytest.skip("NERGrit not available")
    return load_corpus("nergrit", "train")[:300]


def test_numpy_decoder_matches_crfsuite(tmp_path: Path, corpus: list[tuple[list[str], list[str]]]) -> None:
    featurizer = Featurizer(get_resources())
    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in corpus[:200]:
        trainer.append(featurizer.sentence_features(tokens), tags)
    trainer.set_params({"c1": 0.05, "c2": 0.1, "max_iterations": 30})
    crfsuite_model = tmp_path / "tiny.crfsuite"
    trainer.train(str(crfsuite_model))
    export_crfsuite(crfsuite_model, tmp_path / "tiny.npz")

    reference = pycrfsuite.Tagger()
    reference.open(str(crfsuite_model))
    ours = CrfTagger(get_resources(), tmp_path / "tiny.npz")
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
