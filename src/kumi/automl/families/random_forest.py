"""Random forests (scikit-learn)."""

from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor

from kumi.automl.families._forest import ForestFamily


class RandomForestFamily(ForestFamily):
    name = "random_forest"
    display_name = "Random forest"
    classifier = RandomForestClassifier
    regressor = RandomForestRegressor


FAMILY = RandomForestFamily()
