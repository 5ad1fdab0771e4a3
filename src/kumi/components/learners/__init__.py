"""Machine Learning Algorithms: learners that output an untrained model."""
