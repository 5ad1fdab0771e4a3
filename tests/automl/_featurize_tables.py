"""Mixed tables for the featurization tests: every column kind, gaps and unseen values."""

from __future__ import annotations

import numpy as np
import onnx
import pandas as pd
from onnx import helper

from kumi.automl.featurize import Featurizer
from kumi.tracking.onnx.builder import DOUBLE, GraphBuilder

WORDS = "price quality delivery fast slow broken great support refund happy late box".split()


def mixed_table(rows: int = 300, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    """A table with one column of each kind, gaps in most, and a binary target."""
    rng = np.random.default_rng(seed)
    amount = rng.normal(50, 10, rows)
    amount[rng.random(rows) < 0.1] = np.nan
    city = rng.choice(["paris", "lyon", "nice", "lille"], rows, p=[0.5, 0.3, 0.15, 0.05])
    city = pd.Series(city, dtype=object)
    city[rng.random(rows) < 0.05] = None
    many = pd.Series([f"shop{int(v)}" for v in rng.integers(0, 60, rows)], dtype=object)
    when = pd.Series(
        pd.to_datetime("2020-01-01") + pd.to_timedelta(rng.integers(0, 900 * 24, rows), unit="h")
    )
    when[rng.random(rows) < 0.05] = pd.NaT
    iso = when.dt.strftime("%Y-%m-%dT%H:%M:%S").astype(object)
    iso[when.isna()] = None
    review = pd.Series(
        [" ".join(rng.choice(WORDS, rng.integers(3, 9))) for _ in range(rows)], dtype=object
    )
    review[rng.random(rows) < 0.05] = None
    frame = pd.DataFrame(
        {
            "amount": amount,
            "count": rng.integers(0, 40, rows).astype("float64"),
            "member": rng.random(rows) < 0.3,
            "flag01": rng.integers(0, 2, rows),
            "city": city,
            "shop": many,
            "grade": pd.Categorical(rng.choice(["a", "b", "c"], rows)),
            "when": when,
            "iso": iso,
            "review": review,
            "row_id": np.arange(rows),
            "constant": 7,
        }
    )
    y = ((np.nan_to_num(amount, nan=50) > 50) ^ (city == "paris").to_numpy()).astype(np.int64)
    return frame, y


def unseen_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows with values never seen in training and gaps everywhere."""
    rows = frame.head(6).copy()
    rows.loc[0, "city"] = "marseille"
    rows.loc[1, "shop"] = "shop9999"
    rows.loc[2, ["amount", "city", "shop", "when", "iso", "review"]] = None
    rows.loc[3, "review"] = "completely NEW words Price"
    rows.loc[4, "amount"] = np.inf
    rows["grade"] = pd.Categorical(["a", "z", None, "b", "c", "a"])
    return rows


def onnx_matrix(featurizer: Featurizer, frame: pd.DataFrame) -> np.ndarray:
    """Run the featurizer's ONNX nodes with onnxruntime on ``frame``."""
    import onnxruntime as ort

    builder = GraphBuilder()
    inputs = {name: builder.add_input(name, kind) for name, kind in featurizer.onnx_inputs()}
    matrix = featurizer.to_onnx(builder, inputs)
    builder.nodes.append(helper.make_node("Identity", [matrix], ["matrix"]))
    output = helper.make_tensor_value_info(
        "matrix", DOUBLE, [None, len(featurizer.feature_names_out_)]
    )
    graph = helper.make_graph(
        builder.nodes, "featurizer", builder.inputs, [output], builder.initializers
    )
    domains = {"", "ai.onnx.ml", *(node.domain for node in builder.nodes)}
    versions = {"": 17, "ai.onnx.ml": 3}
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid(d, versions.get(d, 1)) for d in domains]
    )
    model.ir_version = 8
    onnx.checker.check_model(model)
    session = ort.InferenceSession(model.SerializeToString())
    return session.run(["matrix"], featurizer.onnx_feed(frame))[0]
