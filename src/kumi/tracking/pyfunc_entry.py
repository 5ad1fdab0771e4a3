"""MLflow "models from code" entry point of a saved kumi model.

MLflow copies this file into every kumi model directory and runs it when the model is
loaded; the fitted kumi model itself is the ``kumi_model`` artifact beside it.
"""

from mlflow.models import set_model

from kumi.tracking.pyfunc_model import KumiPyfuncModel

set_model(KumiPyfuncModel())
