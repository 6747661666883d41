"""Helpers for the Neural Networks Basics labs.

One module per concern: ``checks`` (test-cell checks), ``data`` (datasets that ship
offline), ``plots`` and ``widgets``. Import what you need explicitly, e.g.
``from nblib.checks import call, check_array``. Nothing here runs on import, and
nothing here holds the answer to a graded exercise.
"""

__version__ = "0.1.0"
