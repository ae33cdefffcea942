"""The HTTP API and the dashboard of a store: `create_app(db)`, served by `newsevents serve`.

Routes are thin: each opens the store read-only for the request (so ingests can write in
between) and calls the same functions of `newsevents.store.query` as the CLI.
"""

from .app import create_app

__all__ = ["create_app"]
