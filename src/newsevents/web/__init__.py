"""The dashboard: static HTML, CSS and JavaScript under `static/`, served by the HTTP API app.

Nothing is fetched from another origin: the scripts are plain JavaScript written here and the
world outline is a vendored Natural Earth file (see `static/vendor/README.md`).
"""
