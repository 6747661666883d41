"""Short English texts with sentiment labels, and turning text into integer sequences.

The texts are 3,000 one-sentence movie-review snippets shipped in ``data/`` (see
``data/README.md`` for their source and licence); nothing is downloaded. Tokens are
lower-case words; a vocabulary maps the most frequent training words to the integers
2, 3, ...; 1 stands for any word outside the vocabulary and 0 is never used for a word,
so that it can mark padding. Padding sequences to one length is an exercise of lab 06
and is not done here.
"""

import re
from collections import Counter
from pathlib import Path

import numpy as np

SNIPPETS_FILE = Path(__file__).resolve().parents[2] / "data" / "movie_snippets.tsv"
PAD, OOV = 0, 1
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def load_movie_snippets(path=SNIPPETS_FILE):
    """The movie-review snippets and their sentiment: 1 positive, 0 negative.

    Parameters
    ----------
    path : str or Path, default ``data/movie_snippets.tsv``
        A tab-separated file with the header ``id, mean_rating, text``.

    Returns
    -------
    texts : list of str
        One sentence each, in the file's order.
    labels : ndarray of int, shape (n,)
        1 where the mean rating of the human raters is positive, else 0.
    ratings : ndarray of float, shape (n,)
        The mean ratings, from -4 (very negative) to 4 (very positive).

    Raises
    ------
    FileNotFoundError
        If the file is missing.
    ValueError
        If a line does not have three tab-separated fields.

    Used in: lab 06 (section "Text").
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no snippet file at {path}: it ships in the course's data/ folder")
    lines = path.read_text(encoding="utf-8").splitlines()
    texts, ratings = [], []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != 3:
            raise ValueError(f"{path.name}, line {number}: expected 3 tab-separated fields, got {len(fields)}")
        ratings.append(float(fields[1]))
        texts.append(fields[2])
    ratings = np.array(ratings)
    return texts, (ratings > 0).astype(int), ratings


def tokenize(text):
    """Split a text into lower-case words (letters and digits, with an inner apostrophe).

    Parameters
    ----------
    text : str

    Returns
    -------
    list of str
        ``tokenize("It's not GOOD, 2 stars.")`` is ``["it's", "not", "good", "2", "stars"]``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    return _WORD.findall(text.lower())


def build_vocabulary(texts, max_words):
    """Map the most frequent words of ``texts`` to the integers 2, 3, ..., max_words - 1.

    0 is left for padding and 1 for words outside the vocabulary, so the integers of an
    encoded text lie in ``range(max_words)`` (the ``input_dim`` of a Keras ``Embedding``).
    Ties in frequency are broken alphabetically, so the result does not depend on order.

    Parameters
    ----------
    texts : iterable of str
        Build it from the training texts only.
    max_words : int
        Size of the integer range, >= 3.

    Returns
    -------
    dict
        word -> integer.
    """
    if isinstance(max_words, bool) or not isinstance(max_words, (int, np.integer)) or max_words < 3:
        raise ValueError(f"max_words must be an integer >= 3, got {max_words!r}")
    counts = Counter(word for text in texts for word in tokenize(text))
    ranked = sorted(counts, key=lambda word: (-counts[word], word))[:int(max_words) - 2]
    return {word: index for index, word in enumerate(ranked, start=2)}


def encode(texts, vocabulary):
    """Turn each text into a list of integers, one per word (1 for a word not in ``vocabulary``).

    Parameters
    ----------
    texts : iterable of str
    vocabulary : dict
        From :func:`build_vocabulary`.

    Returns
    -------
    list of list of int
        Sequences of different lengths; none contains 0.
    """
    return [[vocabulary.get(word, OOV) for word in tokenize(text)] for text in texts]
