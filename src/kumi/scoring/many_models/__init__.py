"""Many models: one model per partition (store, product ...), trained in parallel on the local
process pool or on Spark, registered with partition tags, and scored by routing each row to
its partition's model."""

from kumi.scoring.many_models.registry import PartitionModel, partition_models
from kumi.scoring.many_models.scoring import SCORED_MODEL, score_many
from kumi.scoring.many_models.summary_reader import load_summary
from kumi.scoring.many_models.train import ManyModelsResult, train_many

__all__ = [
    "SCORED_MODEL",
    "ManyModelsResult",
    "PartitionModel",
    "load_summary",
    "partition_models",
    "score_many",
    "train_many",
]
