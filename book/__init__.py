"""The course website: the seven labs as a static Sphinx site (`make book`).

``book.build`` executes each instructor notebook, lays its outputs over the student
release (no solution code, no hidden test) and builds the site with Sphinx, MyST-NB and
the book theme, offline. ``book.figure_log`` runs inside the executing kernel and writes
down what every figure shows, for the pictures' text alternatives.
"""
