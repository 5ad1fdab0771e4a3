"""Create Python Model: a learner written as a Python class."""

from __future__ import annotations

from pydantic import Field

from kumi.components.script._python_model import (
    CLASS_NAME,
    PythonScriptLearner,
    check_model_script,
)
from kumi.components.script._runner import check_syntax
from kumi.core import (
    Category,
    Component,
    Inputs,
    OutputPort,
    Outputs,
    Params,
    PortType,
    PythonCode,
    RunContext,
)

TEMPLATE = """# The script MUST define a class named AzureMLModel with
#   __init__(self): set up the model,
#   train(self, df_train, df_label): fit it on the feature columns and the label,
#   predict(self, df): return a DataFrame of score columns, one row per input row.
import pandas as pd
from sklearn.linear_model import LogisticRegression


class AzureMLModel:
    def __init__(self):
        self.model = LogisticRegression(max_iter=1000)
        self.feature_column_names = list()

    def train(self, df_train, df_label):
        self.feature_column_names = df_train.select_dtypes("number").columns.tolist()
        self.model.fit(df_train[self.feature_column_names].fillna(0), df_label)

    def predict(self, df):
        features = df[self.feature_column_names].fillna(0)
        scored = pd.DataFrame({"Scored Labels": self.model.predict(features)})
        if len(self.model.classes_) == 2:
            scored["Scored Probabilities"] = self.model.predict_proba(features)[:, 1]
        return scored
"""


class CreatePythonModelParams(Params):
    python_script: PythonCode = Field(TEMPLATE, description=f"Defines class {CLASS_NAME}.")


class CreatePythonModel(Component[CreatePythonModelParams]):
    id = "create_python_model"
    name = "Create Python Model"
    category = Category.PYTHON_LANGUAGE
    description = (
        f"A learner written in Python: a class {CLASS_NAME} with train(df_train, df_label) "
        "and predict(df); train it with Train Model and score it with Score Model."
    )
    Params = CreatePythonModelParams
    outputs = (OutputPort("untrained_model", PortType.UNTRAINED_MODEL),)

    def run(self, params: CreatePythonModelParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        check_syntax(params.python_script)
        check_model_script(params.python_script)
        return {"untrained_model": PythonScriptLearner(params.python_script)}
