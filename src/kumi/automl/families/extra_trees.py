"""Extremely randomized trees (scikit-learn)."""

from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor

from kumi.automl.families._forest import ForestFamily


class ExtraTreesFamily(ForestFamily):
    name = "extra_trees"
    display_name = "Extremely randomized trees"
    classifier = ExtraTreesClassifier
    regressor = ExtraTreesRegressor


FAMILY = ExtraTreesFamily()
