"""The in-database scoring function ``kumi_predict`` (PL/Python, running onnxruntime inside
the PostgreSQL server) and the statements that call it.

    SELECT * FROM kumi_predict('name[:version]', 'SELECT ... FROM table'
                               [, mapping jsonb [, score_columns text[]]])
      AS p(data column type, ..., score column type, ...)

returns every column of the data query, in order, followed by the score columns (all of the
model's, or those ``score_columns`` names, in that order). ``mapping`` maps a model input
column to the data column that feeds it (``'{"income": "salary"}'``). When the data query
returns a single whole-row column (``'SELECT t FROM loans AS t'``), the model reads that row's
fields and the function returns the row as one composite column, declared with the table's
row type: ``AS p(t loans, "Scored Labels" text, ...)``, expanded by ``(p.t).*``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from kumi.core.errors import ConfigurationError
from kumi.scoring import onnx_runner
from kumi.scoring.postgres import server
from kumi.scoring.postgres._sql import qualified_table, quote_identifier, quote_literal, sql_type
from kumi.scoring.registered import RegisteredOnnx
from kumi.storage.database import create_database_engine

FUNCTION_NAME = "kumi_predict"
WHOLE_ROW = "kumi_data"
SCORED_ALIAS = "kumi_scored"

_BODY = """
lib = GD.get({key!r})
if lib is None:
    import types
    runner_module = types.ModuleType("kumi_onnx_runner")
    exec(compile({runner!r}, "kumi/scoring/onnx_runner.py", "exec"), runner_module.__dict__)
    lib = types.ModuleType("kumi_predict_server")
    exec(compile({server!r}, "kumi/scoring/postgres/server.py", "exec"), lib.__dict__)
    lib.runner_module = runner_module
    GD[{key!r}] = lib
return lib.predict(plpy, cache=GD, runner_module=lib.runner_module, model=model, data=data,
                   mapping_json=mapping, score_columns=score_columns)
"""


def function_sql() -> str:
    """The ``CREATE OR REPLACE FUNCTION`` statement of ``kumi_predict``, embedding the current
    source of the ONNX runner and of the server-side scoring code."""
    runner_source = Path(onnx_runner.__file__).read_text(encoding="utf-8")
    server_source = Path(server.__file__).read_text(encoding="utf-8")
    digest = hashlib.sha256((runner_source + server_source).encode()).hexdigest()[:16]
    body = _BODY.format(key=f"kumi_predict:{digest}", runner=runner_source, server=server_source)
    tag = "$kumi_predict$"
    return (
        f"CREATE OR REPLACE FUNCTION {FUNCTION_NAME}(model text, data text,"
        " mapping jsonb DEFAULT NULL, score_columns text[] DEFAULT NULL)"
        f" RETURNS SETOF record LANGUAGE plpython3u VOLATILE AS {tag}{body}{tag}"
    )


def install_predict_function(url: str) -> None:
    """Create (or refresh) ``kumi_predict`` in the database at ``url``; needs the server's
    PL/Python 3 (``postgresql-plpython3-<version>``) with numpy and onnxruntime importable by
    the server's Python, and a role allowed to create the extension."""
    engine = create_database_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("CREATE EXTENSION IF NOT EXISTS plpython3u"))
            # through the driver's own cursor: the body is Python, whose '%' and ':' are
            # no parameter markers
            connection.connection.cursor().execute(function_sql())
    except DBAPIError as exc:
        raise ConfigurationError(
            f"Cannot install the in-database scoring function: {exc.orig}. Install "
            "postgresql-plpython3 on the server (with numpy and onnxruntime for its Python) and "
            "connect as a role that may create the plpython3u extension; or score from the "
            "client with enrich_table instead.",
            details={"function": FUNCTION_NAME},
        ) from exc
    finally:
        engine.dispose()


def predict_sql_postgres(
    model: RegisteredOnnx, source_table: str, mapping: Mapping[str, str] | None = None
) -> str:
    """A statement scoring every row of ``source_table`` inside PostgreSQL: the table's
    columns (through its row type) followed by the model's score columns. ``mapping`` maps a
    model input column to the table column that feeds it."""
    table = qualified_table(source_table)
    data = f"SELECT {WHOLE_ROW} FROM {table} AS {WHOLE_ROW}"
    renamed = {column: source for column, source in (mapping or {}).items() if column != source}
    mapping_sql = quote_literal(json.dumps(renamed)) if renamed else "NULL"
    scores = [(quote_identifier(column), sql_type(kind)) for column, kind in model.output_columns]
    selected = ", ".join(f"{SCORED_ALIAS}.{name}" for name, _ in scores)
    declared = ", ".join(f"{name} {kind}" for name, kind in scores)
    return (
        f"SELECT ({SCORED_ALIAS}.{WHOLE_ROW}).*, {selected}\n"
        f"FROM {FUNCTION_NAME}({quote_literal(f'{model.name}:{model.version}')}, "
        f"{quote_literal(data)}, {mapping_sql})\n"
        f"  AS {SCORED_ALIAS}({WHOLE_ROW} {table}, {declared})"
    )
