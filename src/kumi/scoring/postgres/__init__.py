"""Scoring where the data lives in PostgreSQL: models kept in ``kumi_models``, the
in-database PL/Python function ``kumi_predict``, the Synapse ``PREDICT`` form translated to
it, and a client-side enrich path for any SQLAlchemy database."""

from kumi.scoring.postgres.enrich import enrich_table
from kumi.scoring.postgres.models import load_model_postgres, store_model_postgres
from kumi.scoring.postgres.plpython import install_predict_function, predict_sql_postgres
from kumi.scoring.postgres.rewrite import query_postgres, rewrite_predict_postgres

__all__ = [
    "enrich_table",
    "install_predict_function",
    "load_model_postgres",
    "predict_sql_postgres",
    "query_postgres",
    "rewrite_predict_postgres",
    "store_model_postgres",
]
