"""SQL ``PREDICT``: the Synapse-style clause, models stored in the database, and scoring
inside DuckDB."""

from kumi.scoring.sql.predict_clause import PredictClause, find_predict

__all__ = ["PredictClause", "find_predict"]
