"""The HTTP API and the analyst page: `create_app(db_path)`, run by `eventwire serve`."""

from eventwire.serve.app import create_app

__all__ = ["create_app"]
