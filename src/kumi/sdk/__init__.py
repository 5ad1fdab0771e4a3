"""Python client of a kumi studio server: everything the page does, from Python.

The client mirrors the REST API resource by resource and raises kumi's own exceptions
(:class:`kumi.core.errors.NotFoundError`, :class:`~kumi.core.errors.ConflictError`,
:class:`~kumi.core.errors.PipelineValidationError` ...) for the server's error codes,
:class:`ApiError` for codes without a class of their own, and
:class:`ServerUnreachableError` when no server answers. Start a server with ``kumi up``::

    import kumi

    with kumi.Client("http://127.0.0.1:8770") as client:
        client.datasets.upload("customers.csv", "customers", label="churned")
        print(client.datasets.preview("customers", rows=5))

        pipeline = client.pipelines.import_yaml("src/kumi/samples/pipelines/breast-cancer.yaml")
        run = client.runs.submit(pipeline["name"], experiment="demo")
        run = client.runs.wait(run["run_id"], timeout=600)
        print(run["status"], run["metrics"])

        scored = client.runs.output(run["run_id"], "score", "scored_dataset", rows=10)
        report = client.runs.output(run["run_id"], "evaluate", "evaluation_results")
        print(client.runs.log(run["run_id"], "train"))

        job = client.automl.submit("customers", target="churned", time_budget_s=300)
        job = client.automl.wait(job["id"], timeout=900)
        print(job["result"]["best_estimator"], job["result"]["best_metric"])

Answers are the API's JSON as dicts and lists; table previews and table outputs are pandas
DataFrames. A DataFrame uploads as Parquet.
"""

from kumi.sdk._client import DEFAULT_URL, Client
from kumi.sdk._errors import ApiError, ServerUnreachableError

__all__ = ["DEFAULT_URL", "ApiError", "Client", "ServerUnreachableError"]
