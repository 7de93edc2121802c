"""The adapter: the only package that imports MkDocs (plugin, nav, serve, build)."""
