"""The endpoint server: real-time endpoints of a workspace over HTTP."""

from kumi.serving.app import EndpointServer, ServingSettings, create_serving_app

__all__ = ["EndpointServer", "ServingSettings", "create_serving_app"]
