"""MLflow "models from code" entry point of a saved kumi scoring model.

MLflow copies this file into every scoring model directory and runs it when the model is
loaded; the pickled scorer is the ``kumi_scorer`` artifact beside it.
"""

from mlflow.models import set_model

from kumi.tracking.scoring_model import KumiScoringPyfunc

set_model(KumiScoringPyfunc())
