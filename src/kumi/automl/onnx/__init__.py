"""AutoML models as one ONNX graph: featurizers, every member's fold estimators, the
ensemble's combination and the outputs ``label`` and ``probabilities`` / ``variable``."""
