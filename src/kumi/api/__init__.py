"""The studio's REST API and page server: ``create_app(settings)``."""

from kumi.api.app import API_PREFIX, create_app
from kumi.api.settings import ApiSettings

__all__ = ["API_PREFIX", "ApiSettings", "create_app"]
