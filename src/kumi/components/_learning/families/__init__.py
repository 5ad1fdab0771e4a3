"""Parameter models and estimator factories shared by several learner components."""
