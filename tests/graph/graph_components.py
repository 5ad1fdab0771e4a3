"""Small components for the graph tests (ids follow the designer's names)."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import Field

from kumi.core import (
    Category,
    ColumnInfo,
    ColumnName,
    ColumnNames,
    ColumnSelection,
    ColumnType,
    Component,
    InputPort,
    NotFoundError,
    OutputPort,
    Params,
    PortType,
    TableSchema,
)
from kumi.registry import ComponentRegistry


class ImportParams(Params):
    path: str = ""


class ImportData(Component[ImportParams]):
    id = "import_data"
    name = "Import Data"
    category = Category.DATA_INPUT_OUTPUT
    description = "Reads a file."
    Params = ImportParams
    outputs = (OutputPort("results_dataset", PortType.TABLE),)


class EnterParams(Params):
    columns: list[str] = Field(default_factory=lambda: ["age", "income", "label"])


class EnterData(Component[EnterParams]):
    """A source whose schema is known from its params."""

    id = "enter_data_manually"
    name = "Enter Data Manually"
    category = Category.DATA_INPUT_OUTPUT
    description = "Typed-in rows."
    Params = EnterParams
    outputs = (OutputPort("results_dataset", PortType.TABLE),)

    def infer_schemas(self, params, inputs):
        cols = tuple(ColumnInfo(c, ColumnType.DOUBLE) for c in params.columns)
        return {"results_dataset": TableSchema(cols)}


class DatasetParams(Params):
    name: str
    version: int | None = None


class Dataset(Component[DatasetParams]):
    id = "dataset"
    name = "Dataset"
    category = Category.DATASETS
    description = "A registered dataset."
    Params = DatasetParams
    outputs = (OutputPort("dataset", PortType.TABLE),)


class SplitParams(Params):
    fraction_of_rows_in_the_first_output_dataset: float = Field(0.5, ge=0.0, le=1.0)
    randomized_split: bool = True
    random_seed: int = 0
    stratified_split: bool = False
    stratification_key_column: ColumnName | None = None


class SplitData(Component[SplitParams]):
    id = "split_data"
    name = "Split Data"
    category = Category.DATA_TRANSFORMATION
    description = "Splits rows."
    Params = SplitParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (
        OutputPort("results_dataset1", PortType.TABLE),
        OutputPort("results_dataset2", PortType.TABLE),
    )

    def infer_schemas(self, params, inputs):
        schema = inputs["dataset"]
        return {"results_dataset1": schema, "results_dataset2": schema}


class SelectParams(Params):
    select_columns: ColumnSelection = Field(default_factory=ColumnSelection.all)


class SelectColumns(Component[SelectParams]):
    id = "select_columns_in_dataset"
    name = "Select Columns in Dataset"
    category = Category.DATA_TRANSFORMATION
    description = "Keeps columns."
    Params = SelectParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (OutputPort("results_dataset", PortType.TABLE),)

    def infer_schemas(self, params, inputs: Mapping[str, TableSchema]):
        schema = inputs["dataset"]
        names = params.select_columns.resolve(schema)
        return {"results_dataset": TableSchema(tuple(schema.get(n) for n in names))}


class NormalizeParams(Params):
    columns: ColumnNames = Field(default_factory=list)


class NormalizeData(Component[NormalizeParams]):
    """Schema of its output is unknown (no infer_schemas)."""

    id = "normalize_data"
    name = "Normalize Data"
    category = Category.DATA_TRANSFORMATION
    description = "Rescales."
    Params = NormalizeParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (OutputPort("transformed_dataset", PortType.TABLE),)


class LearnerParams(Params):
    number_of_leaves: int = Field(20, ge=2)


class BoostedTree(Component[LearnerParams]):
    id = "two_class_boosted_decision_tree"
    name = "Two-Class Boosted Decision Tree"
    category = Category.CLASSIFICATION
    description = "A learner."
    Params = LearnerParams
    outputs = (OutputPort("untrained_model", PortType.UNTRAINED_MODEL),)


class TrainParams(Params):
    label_column: ColumnName = "label"


class TrainModel(Component[TrainParams]):
    id = "train_model"
    name = "Train Model"
    category = Category.MODEL_TRAINING
    description = "Fits."
    Params = TrainParams
    inputs = (
        InputPort("untrained_model", PortType.UNTRAINED_MODEL),
        InputPort("dataset", PortType.TABLE),
    )
    outputs = (OutputPort("trained_model", PortType.TRAINED_MODEL),)


class ScoreModel(Component):
    id = "score_model"
    name = "Score Model"
    category = Category.MODEL_SCORING_EVALUATION
    description = "Scores."
    inputs = (
        InputPort("trained_model", PortType.TRAINED_MODEL),
        InputPort("dataset", PortType.TABLE),
    )
    outputs = (OutputPort("scored_dataset", PortType.TABLE),)


class EvaluateModel(Component):
    id = "evaluate_model"
    name = "Evaluate Model"
    category = Category.MODEL_SCORING_EVALUATION
    description = "Evaluates."
    inputs = (
        InputPort("scored_dataset", PortType.TABLE),
        InputPort("scored_dataset_to_compare", PortType.TABLE, optional=True),
    )
    outputs = (OutputPort("evaluation_results", PortType.EVALUATION_REPORT),)


def registry() -> ComponentRegistry:
    return ComponentRegistry(
        [
            ImportData,
            EnterData,
            Dataset,
            SplitData,
            SelectColumns,
            NormalizeData,
            BoostedTree,
            TrainModel,
            ScoreModel,
            EvaluateModel,
        ]
    )


class FakeDatasets:
    """A DatasetResolver knowing one dataset's schema (no rows needed here)."""

    schema = TableSchema(
        (
            ColumnInfo("age", ColumnType.INTEGER),
            ColumnInfo("income", ColumnType.DOUBLE),
            ColumnInfo("label", ColumnType.INTEGER),
        )
    )

    def load_table(self, name, version=None):
        raise NotImplementedError

    def table_schema(self, name, version=None):
        if name != "credit":
            raise NotFoundError(f"No dataset named '{name}'.", details={"dataset": name})
        return self.schema

    def version_token(self, name, version=None):
        return f"{name}:{version}"
