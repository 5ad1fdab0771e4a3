"""Inference pipelines derived from completed training runs (real-time and batch)."""

from kumi.services.inference.derive import derive_inference_pipeline, normalise_kind
from kumi.services.inference.model import DerivedPipeline

__all__ = ["DerivedPipeline", "derive_inference_pipeline", "normalise_kind"]
