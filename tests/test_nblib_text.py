"""Unit tests for nblib.data.text (lab 06's movie-review snippets and their encoding)."""

import numpy as np
import pytest

from nblib.data.text import OOV, PAD, build_vocabulary, encode, load_movie_snippets, tokenize


def test_load_movie_snippets():
    texts, labels, ratings = load_movie_snippets()
    assert len(texts) == labels.size == ratings.size == 3000
    assert labels.sum() == 1500 and np.array_equal(labels, (ratings > 0).astype(int))
    assert np.all(np.abs(ratings) >= 1.0) and np.all(np.abs(ratings) <= 4.0)
    assert all(isinstance(t, str) and t.strip() == t and t for t in texts)
    assert texts[0].startswith("The gorgeously elaborate continuation")


def test_load_movie_snippets_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_movie_snippets(tmp_path / "missing.tsv")
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tmean_rating\ttext\n1\t2.0\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        load_movie_snippets(bad)


def test_tokenize():
    assert tokenize("It's not GOOD, 2 stars.") == ["it's", "not", "good", "2", "stars"]
    assert tokenize("") == [] and tokenize("  --  ") == []
    with pytest.raises(TypeError):
        tokenize(["a list"])


def test_build_vocabulary_ranks_by_count_then_alphabet():
    vocab = build_vocabulary(["b a a", "c b a", "d"], max_words=5)
    assert vocab == {"a": 2, "b": 3, "c": 4}           # 0 padding, 1 unknown; d is cut off
    assert build_vocabulary(["x y", "y x"], 4) == {"x": 2, "y": 3}
    for bad in [2, 3.0, True]:
        with pytest.raises(ValueError):
            build_vocabulary(["a"], bad)


def test_encode_keeps_lengths_and_never_uses_padding():
    vocab = build_vocabulary(["the film is good", "the film is bad"], 10)
    seqs = encode(["The film is GOOD!", "an unknown word", ""], vocab)
    assert [len(s) for s in seqs] == [4, 3, 0]
    assert seqs[1] == [OOV] * 3 and all(PAD not in s for s in seqs)
    assert seqs[0] == [vocab["the"], vocab["film"], vocab["is"], vocab["good"]]


def test_import_has_no_side_effects():
    import importlib

    import nblib.data.text as text
    assert importlib.reload(text).SNIPPETS_FILE.name == "movie_snippets.tsv"
