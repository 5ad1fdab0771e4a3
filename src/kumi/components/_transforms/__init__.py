"""Private helpers of the data components: fitted transformations, math operations, the SQL
sandbox, split expressions, sampling and type conversions."""

from kumi.components._transforms.base import ColumnTransformation
from kumi.components._transforms.binning import BinningTransformation
from kumi.components._transforms.clean_missing import CleanMissingTransformation
from kumi.components._transforms.indicators import IndicatorValuesTransformation
from kumi.components._transforms.normalize import NormalizeTransformation
from kumi.components._transforms.select_columns import SelectColumnsTransformation

__all__ = [
    "BinningTransformation",
    "CleanMissingTransformation",
    "ColumnTransformation",
    "IndicatorValuesTransformation",
    "NormalizeTransformation",
    "SelectColumnsTransformation",
]
