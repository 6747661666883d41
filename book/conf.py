"""Sphinx configuration of the course website (copied into the build's source folder).

``book.build`` writes ``book-settings.json`` beside it (the ``[tool.nn-basics]``
settings). Everything the site needs ships in the Python wheels (the theme, the search)
or is copied from node_modules/ (MathJax): no extension here fetches anything.
"""

import json
from pathlib import Path

_settings = json.loads((Path(__file__).parent / "book-settings.json").read_text(encoding="utf-8"))

project = "Neural Networks Basics"
author = "the course authors"
copyright = "the course authors; text CC BY 4.0, code MIT"
extensions = ["myst_nb"]
exclude_patterns = ["book-settings.json", "_templates"]
master_doc = "index"
language = "en"

# The pages are executed notebooks already: never run them again.
nb_execution_mode = "off"
# Widgets are replaced by their first picture (book.pages): no widget JavaScript from a CDN.
nb_ipywidgets_js = {}
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence"]
myst_heading_anchors = 3
# The labs' markdown has headings that skip a level, and raw HTML in a few places.
suppress_warnings = ["myst.header", "myst.xref_missing", "misc.highlighting_failure"]

html_theme = "sphinx_book_theme"
html_title = project
html_favicon = "favicon.svg"  # without one the browser asks for /favicon.ico: a 404
html_static_path = ["_static"]
templates_path = ["_templates"]
# Light, unless the reader picks another: an empty mode logs a console error.
html_context = {"default_mode": "light"}
html_css_files = ["book.css"]
html_show_sourcelink = False
html_copy_source = False
html_theme_options = {
    "repository_url": _settings["repository"],
    "repository_branch": _settings["colab_ref"],
    "use_repository_button": bool(_settings["repository"]),
    "use_download_button": False,
    "use_fullscreen_button": False,
    "show_toc_level": 2,
    # The book theme's own launch buttons map a page to its source file; the labs' student
    # notebooks live elsewhere, so each page has its own launch bar instead (book.pages).
    "launch_buttons": {},
}
if _settings.get("mathjax"):
    mathjax_path = "mathjax/tex-chtml.js"
