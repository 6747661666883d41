"""Helpers for the Neural Networks Basics labs.

One module per concern: ``checks`` (test-cell checks), ``data`` (datasets that ship
offline), ``plots`` and ``widgets``. Import what you need explicitly, e.g.
``from nblib.checks import call, check_array``. Nothing here runs on import, and
nothing here holds the answer to a graded exercise.
"""

# The distribution is named "nn-basics"; the package it installs is nblib.
_DISTRIBUTION = "nn-basics"


def __getattr__(name):
    # Looked up on first use only (PEP 562): importing nblib reads no metadata.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version(_DISTRIBUTION)
        except PackageNotFoundError:
            # Imported from a clone without installing it (e.g. in Colab).
            return "0+unknown"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
