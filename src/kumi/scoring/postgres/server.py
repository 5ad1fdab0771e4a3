"""The scoring code that runs inside PostgreSQL, in the PL/Python function ``kumi_predict``.

Its source text is embedded in the function at install time, next to the source of
:mod:`kumi.scoring.onnx_runner`, so it may use only the standard library (numpy and
onnxruntime come through the runner module handed in). ``plpy`` is PL/Python's module; the
cache is the session's ``GD`` dictionary, where built runners are kept per model version.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, MutableMapping, Sequence
from typing import Any

_LATEST = (
    "SELECT version, created::text AS created FROM kumi_models"
    " WHERE name = $1 AND ($2::integer IS NULL OR version = $2)"
    " ORDER BY version DESC LIMIT 1"
)
_BYTES = "SELECT onnx FROM kumi_models WHERE name = $1 AND version = $2"
_LOAD_HINT = (
    "Load it with `kumi models load NAME[:VERSION] --database URL` (or kumi.sql.load_model)."
)


def predict(
    plpy: Any,
    *,
    cache: MutableMapping[str, Any],
    runner_module: Any,
    model: str,
    data: str,
    mapping_json: str | None,
    score_columns: Sequence[str] | None,
    batch_size: int = 10_000,
) -> Iterator[tuple[Any, ...]]:
    """Rows of the ``data`` query followed by the model's score columns, scored in batches.
    The first batch is scored before returning, so its errors (and a missing model) read as
    the statement's own error rather than one raised while iterating."""
    runner = _runner(plpy, cache, runner_module, model)
    outputs = _outputs(plpy, runner, model, score_columns)
    mapping = json.loads(mapping_json) if mapping_json else {}
    cursor = plpy.cursor(data)
    rows = cursor.fetch(batch_size)
    if len(rows) == 0:
        return iter(())
    first = list(
        _scored(
            plpy,
            runner_module=runner_module,
            runner=runner,
            model=model,
            rows=rows,
            mapping=mapping,
            outputs=outputs,
        )
    )

    def rest() -> Iterator[tuple[Any, ...]]:
        yield from first
        while len(batch := cursor.fetch(batch_size)) > 0:
            yield from _scored(
                plpy,
                runner_module=runner_module,
                runner=runner,
                model=model,
                rows=batch,
                mapping=mapping,
                outputs=outputs,
            )

    return rest()


def _parse(plpy: Any, model: str) -> tuple[str, int | None]:
    name, colon, version = (model or "").strip().partition(":")
    if not name.strip():
        plpy.error(f"'{model}' names no model; write 'name' or 'name:version'.")
    if not colon:
        return name.strip(), None
    if not version.strip().isdigit() or int(version) < 1:
        plpy.error(f"'{model}': the version after ':' must be a whole number from 1.")
    return name.strip(), int(version)


def _runner(plpy: Any, cache: MutableMapping[str, Any], runner_module: Any, model: str) -> Any:
    name, version = _parse(plpy, model)
    exists = plpy.execute("SELECT to_regclass('kumi_models') IS NOT NULL AS found")[0]["found"]
    if not exists:
        plpy.error(f"No model '{model}': this database has no kumi_models table.", hint=_LOAD_HINT)
    found = plpy.execute(plpy.prepare(_LATEST, ["text", "integer"]), [name, version])
    if len(found) == 0:
        shown = name if version is None else f"{name} version {version}"
        plpy.error(f"No model {shown} in kumi_models.", hint=_LOAD_HINT)
    number, created = found[0]["version"], found[0]["created"]
    key = f"kumi_runner:{name}:{number}:{created}"
    if key not in cache:
        onnx = plpy.execute(plpy.prepare(_BYTES, ["text", "integer"]), [name, number])
        cache[key] = runner_module.OnnxRunner(bytes(onnx[0]["onnx"]))
    return cache[key]


def _outputs(plpy: Any, runner: Any, model: str, wanted: Sequence[str] | None) -> list[str]:
    available = [column for column, _ in runner.output_columns]
    for column in wanted or []:
        if column not in available:
            plpy.error(
                f"Model '{model}' has no score column '{column}'.",
                hint=f"Its score columns are {', '.join(available)}.",
            )
    return list(wanted) if wanted else available


def _scored(
    plpy: Any,
    *,
    runner_module: Any,
    runner: Any,
    model: str,
    rows: Any,
    mapping: dict[str, str],
    outputs: list[str],
) -> Iterator[tuple[Any, ...]]:
    names = list(rows[0])
    whole_rows = len(names) == 1 and isinstance(rows[0][names[0]], dict)
    records = [row[names[0]] or {} for row in rows] if whole_rows else list(rows)
    columns = {}
    for column in runner.input_columns:
        source = mapping.get(column, column)
        if source not in records[0]:
            plpy.error(
                f"The data has no column '{source}' that model '{model}' reads as '{column}'.",
                detail=f"column: {source}",
                hint="Select it in the data query, or map a column to it: "
                f'mapping => \'{{"{column}": "other column"}}\'.',
            )
        columns[column] = [record.get(source) for record in records]
    try:
        scores = runner.score(columns)
    except runner_module.ModelInputError as exc:
        source = mapping.get(exc.column, exc.column)
        plpy.error(str(exc).replace(f"'{exc.column}'", f"'{source}'"), detail=f"column: {source}")
    score_values = [scores[column].tolist() for column in outputs]
    for index, row in enumerate(rows):
        data = (row[names[0]],) if whole_rows else tuple(row.values())
        yield data + tuple(values[index] for values in score_values)
