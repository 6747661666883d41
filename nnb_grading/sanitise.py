"""Student-authored HTML made harmless in every page built from a submission.

The Formgrader's submission view and `nbgrader generate_feedback` both render the
autograded notebook with nbconvert's HTMLExporter and nbgrader's templates
(``formgrade``, ``feedback``). nbgrader_config.py turns on nbconvert's own switch,
``HTMLExporter.sanitize_html`` (text/html and text/markdown outputs go through the
``clean_html`` filter; application/javascript and widget outputs are not written),
and names the pieces of this module where that switch does not reach:

``clean_html`` (``HTMLExporter.filters["clean_html"]``)
    nbconvert's filter allows so few tags (no ``img``, ``th``, ``p``, headings) and
    escapes the rest, so a pandas table or an inline plot becomes tag soup. This one
    keeps formatting, headings, tables, ``details``, and images from ``data:image/...``
    or a relative path; it drops scripts, event handlers, ``javascript:`` and other
    non-web links, ``iframe``/``object``/``embed``, ``meta``, ``style`` elements,
    forms and their controls, inline SVG, and CSS that could load a URL.
``strip_files_prefix`` (``HTMLExporter.filters["strip_files_prefix"]``)
    nbgrader's two templates render every markdown cell as
    ``markdown2html | strip_files_prefix`` and never ask ``sanitize_html``; every
    markdown cell (a student can edit any unlocked one) is cleaned here, after the
    markdown is rendered.
``SanitiseNotebook`` (``HTMLExporter.preprocessors``)
    An image output's width and height are written into an unquoted ``<img>``
    attribute by nbconvert's templates, even with ``sanitize_html``, so
    ``width="1 onerror=..."`` in the output's metadata is an event handler; only
    numbers are kept. Output metadata that names files or asks for an iframe is
    dropped. The Formgrader's page header prints the student id and names
    unescaped; they are escaped here.

(Files handed in beside a notebook that a browser would run as a document, HTML,
SVG, XML, are kept out of autograded/ by ``CourseDirectory.ignore`` in the config:
the Formgrader serves that folder in the instructor's origin.)

``md_code`` and ``md_text`` quote text from a student's output in Markdown reports
(the class report, nnb_grading/report.py).

Tested by tests/test_sanitise.py.
"""

import re
from urllib.parse import urlsplit

import bleach
import markupsafe
from bleach.css_sanitizer import CSSSanitizer
from nbconvert.filters import strip_files_prefix as _strip_files_prefix
from nbconvert.preprocessors import Preprocessor

# What rendered markdown, pandas-like _repr_html_ tables and ordinary formatting use.
TAGS = frozenset("""
    a abbr b blockquote br caption cite code col colgroup dd del details div dl dt em
    figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small
    span strong sub summary sup table tbody td tfoot th thead tr u ul var
""".split())
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements removed with everything inside them (other disallowed tags keep their text).
DROP_WITH_CONTENT = ("script", "style", "template", "noscript", "iframe", "frame", "frameset",
                     "object", "embed", "applet", "textarea", "select", "title", "svg", "math")
# CSS properties none of which takes a url(): alignment, colour, borders of tables.
CSS_PROPERTIES = frozenset({
    "text-align", "vertical-align", "color", "background-color", "font-weight", "font-style",
    "text-decoration", "white-space", "border", "border-collapse", "border-color", "border-style",
    "border-width", "padding", "width", "min-width", "max-width"})
IMAGE_DATA_URI = re.compile(r"data:image/(png|jpeg|gif|webp|svg\+xml)[;,]", re.I)
WEB_SCHEMES = ("http", "https", "mailto")


def _normalised(url):
    # What a browser would parse: no entities, whitespace or control characters.
    url = bleach.html5lib_shim.convert_entities(url)
    return re.sub(r"[`\x00-\x20\x7f-\xa0\s]+", "", url).lower()


def _relative(url):
    # A path on this server (browsers read a leading "\\host" as "//host": another server).
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and "\\" not in url and ":" not in url.split("/")[0]


def _allowed_attribute(tag, name, value):
    if name == "class" or name == "title":
        return True
    if name == "style":
        return True  # the CSS sanitiser keeps only CSS_PROPERTIES
    if name == "id":
        return tag in HEADINGS  # anchors of markdown headings
    if tag == "a" and name == "href":
        url = _normalised(value)
        # A link leaves the page for the web or a place on it; never a script, a data:
        # document, or a file served from the student's folder by the Formgrader.
        return url.startswith("#") or urlsplit(url).scheme in WEB_SCHEMES
    if tag == "img":
        if name == "src":
            url = _normalised(value)
            return bool(IMAGE_DATA_URI.match(url)) or _relative(url)
        return name in ("alt", "width", "height")
    if tag in ("td", "th"):
        return name in ("colspan", "rowspan", "align", "valign")
    if tag in ("table", "col", "colgroup"):
        return name in ("border", "span", "align")
    if tag == "details":
        return name == "open"
    if tag == "ol":
        return name in ("start", "type")
    return False


_CLEANER = bleach.sanitizer.Cleaner(
    tags=TAGS, attributes=_allowed_attribute, protocols=frozenset({*WEB_SCHEMES, "data"}),
    strip=True, strip_comments=True,
    css_sanitizer=CSSSanitizer(allowed_css_properties=CSS_PROPERTIES, allowed_svg_properties=()))


def _drop_with_content(html):
    # Cosmetic only (the Cleaner is the boundary): without it, the text of a removed
    # <script> or <style> would be shown.
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(html, "html.parser")
    found = soup.find_all(DROP_WITH_CONTENT)
    if not found:
        return html
    for element in found:
        element.decompose()
    return str(soup)


def clean_html(html):
    """HTML from a student's notebook, safe to put into an instructor's page."""
    html = html.decode() if isinstance(html, bytes) else str(html)
    return markupsafe.Markup(_CLEANER.clean(_drop_with_content(html)))  # noqa: S704


def strip_files_prefix(html):
    """nbconvert's strip_files_prefix, then clean_html (every rendered markdown cell)."""
    return clean_html(_strip_files_prefix(html))


def _number(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{1,5}(\.\d+)?", value.strip()):
        return value.strip()
    return None


def _image_metadata(meta):
    # The keys nbconvert's templates read for an image, each of a harmless type.
    out = {}
    for key in ("width", "height"):
        number = _number(meta.get(key))
        if number is not None:
            out[key] = number
    if meta.get("unconfined") is True:
        out["unconfined"] = True
    if isinstance(meta.get("alt"), str):
        out["alt"] = meta["alt"]  # the templates quote and escape it
    return out


class SanitiseNotebook(Preprocessor):
    """Output metadata and page header values made harmless before the templates run."""

    # Formgrader's SubmissionHandler passes these to the ``formgrade`` template, which
    # prints them without escaping; the student id is the submission folder's name.
    escaped_resources = ("student", "first_name", "last_name", "notebook_path")

    def preprocess(self, nb, resources):
        for key in self.escaped_resources:
            if isinstance(resources.get(key), str):
                resources[key] = str(markupsafe.escape(resources[key]))
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            if "metadata" not in output:
                continue
            meta = output.metadata
            clean = _image_metadata(meta)  # top-level keys: the templates' fallback
            for mimetype in ("image/png", "image/jpeg"):
                if isinstance(meta.get(mimetype), dict):
                    clean[mimetype] = _image_metadata(meta[mimetype])
            output.metadata = type(meta)(clean)
        return cell, resources


def md_code(text, table=True):
    """``text`` as one Markdown code span: shown as it is, nothing in it renders.

    The fence is longer than any run of backticks in ``text``. In a table cell
    (``table``) a ``|`` is written ``\\|``, which GFM reads as ``|`` inside the span.
    """
    text = " ".join(str(text).split())
    if table:
        text = text.replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_text(text):
    """``text`` as Markdown that renders as exactly that text, on one line (no tag, link,
    emphasis or code; ``|`` kept out of table syntax)."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([\\`*_\[\]|~])", r"\\\1", text)
    text = re.sub(r"^([#+=-])", r"\\\1", text)        # not a heading or a list item
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", text)  # not a numbered item
