"""Free text: TF-IDF of word 1-2-grams (sublinear tf, l2 rows), at most 300 features.

Words are runs of two or more ASCII letters, digits or underscores, lower-cased (ASCII
only): exactly what the ONNX Tokenizer (regular expression) and StringNormalizer (C locale)
reproduce. Counts come from the TfIdfVectorizer operator; weighting and norms run in double.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

from kumi.automl.featurize.encoders.base import ColumnEncoder, as_double
from kumi.automl.featurize.values import as_text
from kumi.tracking.onnx.builder import MICROSOFT_DOMAIN, STRING, GraphBuilder

TOKEN = "[0-9A-Za-z_]{2,}"
MAX_FEATURES = 300
TOKENIZER_DOMAIN = MICROSOFT_DOMAIN
"""The Tokenizer operator's domain (onnxruntime contrib ops); a graph using it imports it."""
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_PAD = "#"


def ascii_lower(text: str) -> str:
    """``text`` with ASCII capitals lower-cased (and nothing else changed)."""
    return text.translate(_LOWER)


class TextEncoder(ColumnEncoder):
    input_type = STRING

    def __init__(self, column: str, impute: str) -> None:
        super().__init__(column, impute)
        self.vectorizer_: TfidfVectorizer | None = None

    @staticmethod
    def read(series: pd.Series) -> np.ndarray:
        return as_text(series)

    def fit_transform(self, values: np.ndarray, y: np.ndarray | None) -> np.ndarray:
        for min_df in (2, 1):
            vectorizer = _vectorizer(min_df)
            try:
                counts = vectorizer.fit_transform(values)
            except ValueError:  # no word is frequent enough: retry, then give up
                continue
            self.vectorizer_ = vectorizer
            self.names = [f"{self.column}:{w}" for w in vectorizer.get_feature_names_out()]
            self.steps = [f"TF-IDF of words and word pairs ({len(self.names)} features)"]
            return np.asarray(counts.toarray(), dtype=np.float64)
        self.steps = ["no words found: no features"]
        return self.transform(values)

    def transform(self, values: np.ndarray) -> np.ndarray:
        if self.vectorizer_ is None:
            return np.zeros((len(values), 0))
        return np.asarray(self.vectorizer_.transform(values).toarray(), dtype=np.float64)

    def to_onnx(self, builder: GraphBuilder, tensor: str) -> str:
        assert self.vectorizer_ is not None, "a text column without words has no features"
        rows = builder.node("Squeeze", [tensor, builder.constant([1], np.int64)])
        lower = builder.node("StringNormalizer", [rows], case_change_action="LOWER", locale="C")
        tokens = builder.node(
            "Tokenizer",
            [lower],
            domain=TOKENIZER_DOMAIN,
            mark=0,
            mincharnum=1,
            pad_value=_PAD,
            tokenexp=TOKEN,
        )
        counts = as_double(builder, builder.node("TfIdfVectorizer", [tokens], **self._pool()))
        return _weighted(builder, counts, self.vectorizer_.idf_)

    def _pool(self) -> dict:
        assert self.vectorizer_ is not None
        vocabulary: dict[str, int] = self.vectorizer_.vocabulary_
        grams = sorted(vocabulary, key=lambda g: (g.count(" "), vocabulary[g]))
        unigrams = sum(1 for g in grams if " " not in g)
        return {
            "mode": "TF",
            "min_gram_length": 1,
            "max_gram_length": 2,
            "max_skip_count": 0,
            "ngram_counts": [0, unigrams],
            "ngram_indexes": [vocabulary[g] for g in grams],
            "pool_strings": [token for g in grams for token in g.split(" ")],
        }


def _vectorizer(min_df: int) -> TfidfVectorizer:
    return TfidfVectorizer(
        preprocessor=ascii_lower,
        token_pattern=TOKEN,
        ngram_range=(1, 2),
        max_features=MAX_FEATURES,
        sublinear_tf=True,
        min_df=min_df,
        dtype=np.float64,
    )


def _weighted(builder: GraphBuilder, counts: str, idf: np.ndarray) -> str:
    """sublinear tf times idf, rows scaled to unit length (zero rows stay zero)."""
    zero, one = builder.constant([0.0], np.float64), builder.constant([1.0], np.float64)
    present = builder.node("Greater", [counts, zero])
    safe = builder.where(present, counts, one)
    tf = builder.where(present, builder.node("Add", [builder.node("Log", [safe]), one]), zero)
    weighted = builder.node("Mul", [tf, builder.constant(idf, np.float64)])
    squares = builder.node(
        "ReduceSum",
        [builder.node("Mul", [weighted, weighted]), builder.constant([1], np.int64)],
        keepdims=1,
    )
    norms = builder.node("Sqrt", [squares])
    norms = builder.where(builder.node("Equal", [norms, zero]), one, norms)
    return builder.node("Div", [weighted, norms])
