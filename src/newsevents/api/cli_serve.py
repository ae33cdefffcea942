"""`newsevents serve`: the HTTP API and the dashboard on one store, with uvicorn."""

from __future__ import annotations

import click


@click.command("serve")
@click.option("--db", default="newsevents.duckdb", show_default=True, metavar="PATH",
              help="The store (a DuckDB file).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1: this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
def serve_command(db, host, port):
    """Serve the HTTP API (/v1, described at /openapi.json) and the dashboard (/)."""
    import uvicorn

    from . import create_app
    click.echo(f"newsevents: dashboard at http://{host}:{port}/ , API at /v1 "
               f"(/openapi.json), store {db}", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
