"""Nothing a student writes runs in the instructor's browser.

A lab-02 submission carries scripts, event handlers, ``javascript:`` links, frames,
forms, a meta refresh and URL-loading CSS in a markdown cell and in outputs: a class
with ``_repr_html_``, ``display`` of text/html, application/javascript, text/markdown
and SVG, an image output whose width is an event handler, an error message, stderr
and a raw cell. A second student's id (the submission folder's name, which a student
picks when submitting through the exchange) is itself HTML. The class is graded with
``nnb-grade`` (``make grade``), then

* every feedback page (``nbgrader generate_feedback``) and the Formgrader's submission
  view (a real Jupyter server on 127.0.0.1, fetched as the browser fetches it) must hold
  no script, event handler, ``javascript:`` URL, frame, form or meta refresh from the
  student, while the student's text, a PNG plot, an HTML table, an SVG drawing (as an
  image), the error message (as text), math and the instructor's hints still show;
* the same pages rendered from a copy of the course whose config has the sanitising
  settings turned off (plain nbgrader and nbconvert) must let the scripts through, so
  the check can fail;
* where Chromium and Playwright are installed, both Formgrader pages are opened in a
  headless browser: the student's code runs in the plain one and not in the course's;
* HTML, SVG and XML files handed in beside the notebook are not copied where the
  Formgrader serves them (plain nbgrader serves them in the instructor's origin);
* the class report (reports/<lab>/class-report.md) quotes the failure message so that
  a Markdown viewer shows it as text.

The unit tests at the top check nnb_grading/sanitise.py alone, against nbconvert's own
clean_html.
"""

import os
import re
import shutil
import subprocess
from urllib.parse import unquote

import markupsafe
import nbformat
import pytest
import requests
from bs4 import BeautifulSoup
from nbformat.v4 import new_code_cell, new_markdown_cell, new_raw_cell

from tests.harness.course import command, BIN, REPO, course_env, fill_solutions, make_course, notebook_path, read, run_nbgrader
from nnb_grading.sanitise import clean_html, md_code, md_text
from tests.harness.servers import free_ports, stop, wait_until_up

LAB = "02-perceptron"  # the fastest lab: no TensorFlow
MARK = "xss("          # every script the student plants calls xss('<where>')
EVIL_HOST = "attacker.invalid"
STUDENT = "mallory"
FILES_STUDENT = "trudy"  # hands in files beside a blank notebook; graded by `nbgrader autograde`
# A student id that is HTML: quotes to leave an attribute, a tag with a handler.
HOSTILE_ID = "x\"><img src=x onerror=xss('student-id')>"
TOKEN = "sanitise-test"
# What nbgrader_config.py sets for this; the plain copy of the course turns it off.
PLAIN_CONFIG = """
# tests/test_sanitise.py: the sanitising settings turned off (plain nbgrader/nbconvert).
c.HTMLExporter.sanitize_html = False
c.HTMLExporter.filters = {}
c.HTMLExporter.preprocessors = []
"""

MARKDOWN = """## My notes

**Student's own text survives.** Energy is $E = mc^2$.

<script>xss('md-script')</script>

<img src="x" onerror="xss('md-onerror')">

<a href="javascript:xss('md-a-href')">a link</a>, [a markdown link](javascript:xss('md-link')),
<a href="JaVaScRiPt&colon;xss('md-entity-href')">an encoded one</a>

<iframe src="javascript:xss('md-iframe')"></iframe>
<object data="javascript:xss('md-object')"></object>
<embed src="javascript:xss('md-embed')">
<meta http-equiv="refresh" content="0;url=javascript:xss('md-meta')">
<style>body { background: url("https://attacker.invalid/md-style") }</style>
<form action="https://attacker.invalid/md-form"><input name="q"><button>Send</button></form>
<svg onload="xss('md-svg')"><script>xss('md-svg-script')</script></svg>
<div style="background-image: url(https://attacker.invalid/md-css)">styled</div>
<details open ontoggle="xss('md-details')"><summary>mine</summary>hidden</details>
"""

# One code cell of the student's: every kind of output a notebook can carry.
OUTPUTS = r'''
import base64, io, sys


class Table:
    """A pandas-like table, with a script and a handler after it."""

    def _repr_html_(self):
        return ("<style>td { background: url(https://attacker.invalid/repr-style) }</style>"
                "<table class='dataframe' border='1'><thead><tr><th>epoch</th><th>errors</th></tr></thead>"
                "<tbody><tr><td>1</td><td>3</td></tr><tr><td>2</td><td>0</td></tr></tbody></table>"
                "<script>xss('repr-script')</script><img src=x onerror=\"xss('repr-onerror')\">")


display(Table())
display({"text/html": "<b onclick=\"xss('html-onclick')\">bold</b> <a href=\"javascript:xss('html-href')\">x</a>"
                      "<iframe srcdoc=\"<script>xss('html-iframe')</script>\"></iframe>"
                      "<script>xss('html-script')</script>", "text/plain": "html"}, raw=True)
display({"application/javascript": "xss('js-output')", "text/plain": "js"}, raw=True)
display({"text/markdown": "*md output* <img src=x onerror=\"xss('markdown-output')\">", "text/plain": "md"}, raw=True)
display({"image/svg+xml": "<svg xmlns='http://www.w3.org/2000/svg' width='20' height='20' "
                          "onload=\"xss('svg-onload')\"><script>xss('svg-script')</script>"
                          "<circle cx='10' cy='10' r='8'/></svg>"}, raw=True)
display({"text/html": "<p>isolated</p><script>xss('isolated')</script>"}, raw=True,
        metadata={"text/html": {"isolated": True}})
fig = plt.figure(figsize=(2, 2))
plt.plot([0, 1], [1, 0])
buffer = io.BytesIO()
fig.savefig(buffer, format="png")
plt.close(fig)
png = base64.b64encode(buffer.getvalue()).decode()
# nbconvert writes an image's width unquoted into <img>: a handler rides in on it.
display({"image/png": png}, raw=True, metadata={"image/png": {"width": "120 onload=xss('png-width')", "height": 80}})
display({"image/png": png}, raw=True, metadata={"filenames": {"image/png": "https://attacker.invalid/beacon.png"}})
print("<img src=x onerror=xss('stdout')>")
print("<script>xss('stderr')</script>", file=sys.stderr)
'''

# Files handed in beside the notebook: the Formgrader serves a submission's files in the
# instructor's origin, where HTML, SVG and XML run as documents; an ordinary file stays.
FILES = {
    "notes.html": "<h1>notes</h1><script>xss('file-html')</script>",
    "Report.HTM": "<script>xss('file-htm')</script>",
    ".hidden.html": "<script>xss('file-hidden')</script>",
    "drawing.svg": "<svg xmlns='http://www.w3.org/2000/svg'><script>xss('file-svg')</script></svg>",
    "page.xml": "<html xmlns='http://www.w3.org/1999/xhtml'><script>xss('file-xml')</script></html>",
}
KEPT_FILE = "measurements.csv"

# The student's answer to the last exercise fails with a message of their own: one
# backtick to end a code span early, then HTML that CommonMark passes through.
ERROR_MESSAGE = "it` broke <img src=\"x\" onerror=\"xss(this.id)\" id=\"error\"> | <b>bold</b> *em*"
FAILING_ANSWER = f"def sigmoid_neuron(x, w, w0):\n    raise ValueError({ERROR_MESSAGE!r})\n"


# ---------------------------------------------------------------- nnb_grading/sanitise.py alone

VECTORS = {
    "<script>xss('a')</script>": "",
    "<img src=x onerror=\"xss('b')\">": "<img src=\"x\">",
    "<a href=\"javascript:xss('c')\">c</a>": "<a>c</a>",
    "<a href=\"java&#x09;script:xss('d')\">d</a>": "<a>d</a>",
    "<a href=\"data:text/html,<script>xss('e')</script>\">e</a>": "<a>e</a>",
    "<a href=\"evil.html\">f</a>": "<a>f</a>",  # a student's own file, served in the instructor's origin
    "<iframe src=\"https://attacker.invalid\"></iframe>": "",
    "<object data=\"x.swf\"></object><embed src=\"x.swf\">": "",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://attacker.invalid\">": "",
    "<style>*{background:url(https://attacker.invalid)}</style>": "",
    "<form action=\"https://attacker.invalid\"><input name=\"q\"><button>go</button></form>": "go",
    "<svg><animate onbegin=\"xss('g')\"/></svg>": "",
    "<p style=\"color: red; background-image: url(https://attacker.invalid)\">p</p>": "<p style=\"color: red;\">p</p>",
    "<img src=\"https://attacker.invalid/pixel.png\">": "<img>",
    "<img src=\"//attacker.invalid/pixel.png\"><img src=\"\\\\attacker.invalid\\pixel.png\">": "<img><img>",
    "<math><mi xlink:href=\"javascript:xss('h')\">h</mi></math>": "",
    "<base href=\"https://attacker.invalid/\"><link rel=\"stylesheet\" href=\"https://attacker.invalid/x.css\">": "",
}
KEPT = [
    "<h2 id=\"Overview\">Overview<a class=\"anchor-link\" href=\"#Overview\">¶</a></h2>",
    "<details><summary>Hint</summary><p>Use <code>np.where</code>.</p></details>",
    "<table border=\"1\" class=\"dataframe\"><thead><tr style=\"text-align: right;\"><th></th><th>a</th></tr></thead>"
    "<tbody><tr><th>0</th><td>1</td></tr></tbody></table>",
    "<table><thead><tr><th style=\"text-align:center;\">$x_1$</th></tr></thead></table>",
    "<img alt=\"plot\" src=\"data:image/png;base64,iVBORw0KGgo=\" width=\"120\">",
    "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">",
    "<p>$a&lt;b$ and <em>x</em> <strong>y</strong> <a href=\"https://example.org\">link</a></p>",
    "<blockquote><p>quote</p></blockquote><hr><ul><li>item</li></ul><pre><code>a &lt; b</code></pre>",
]


@pytest.mark.parametrize("dirty", sorted(VECTORS))
def test_clean_html_removes_what_runs_and_loads(dirty):
    assert str(clean_html(dirty)) == VECTORS[dirty]


@pytest.mark.parametrize("html", KEPT)
def test_clean_html_keeps_plots_tables_math_and_formatting(html):
    assert BeautifulSoup(str(clean_html(html)), "html.parser") == BeautifulSoup(html, "html.parser")


def test_nbconvert_clean_html_alone_would_mangle_tables_and_plots():
    """Why nbconvert's filter is replaced: it escapes <th> and <img> into visible text."""
    from nbconvert.filters import clean_html as nbconvert_clean_html
    table = KEPT[2]
    assert "&lt;th&gt;" in nbconvert_clean_html(table) and "&lt;img" in nbconvert_clean_html(KEPT[4])


@pytest.mark.parametrize("message", [
    ERROR_MESSAGE, "plain", "a | b", "``` x", "` starts", "ends `", "<script>x</script>", "*a* _b_ [c](d)",
    "&lt;", "![i](x.png) <https://attacker.invalid>", "# heading", "1. item", "- item", "> quote", "a\\|b"])
def test_markdown_quoting_shows_the_text_and_renders_no_tag(message):
    rendered = _render_markdown(f"| cell | failures |\n|---|---|\n| t | 1x {md_code(message)} |\n\n"
                                f"{md_code(message, table=False)}\n\n{md_text(message)}\n\n- x {md_text(message)}\n")
    soup = BeautifulSoup(rendered, "html.parser")
    assert not soup.find_all(["img", "script", "b", "em", "a", "strong", "h1", "ol", "blockquote"]), rendered
    assert [c.get_text() for c in soup.find_all("code")] == [message, message], rendered
    assert [p.get_text() for p in soup.find_all("p")][-1] == message, rendered
    assert soup.find_all("li")[-1].get_text() == "x " + message, rendered


def _render_markdown(text):
    """CommonMark with GFM tables and raw HTML passed through: an unsanitising viewer.

    markdown-it (as JupyterLab's marked and GitHub) reads ``\\|`` in a table's code span
    as ``|``, as the GFM spec says; mistune does not.
    """
    from markdown_it import MarkdownIt
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


# ---------------------------------------------------------------- the pages, end to end

def _submission(release):
    """The release answered by the instructor's code, plus everything hostile above."""
    nb = fill_solutions(release, read(notebook_path(LAB)))
    for cell in nb.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "sigmoid_neuron":
            cell.source = FAILING_ANSWER
    # The instructor's overview is not locked: a student can edit it too.
    (overview,) = [c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## Overview")]
    overview.source += "\n\n<img src=\"x\" onerror=\"xss('edited-overview')\">"
    notes = new_markdown_cell(MARKDOWN)
    notes.metadata["tags"] = ["x\" onmouseover=\"xss('tag')"]
    raw = new_raw_cell("<script>xss('raw')</script><b>raw</b>")
    raw.metadata["raw_mimetype"] = "text/html"
    # (Not the last code cell: the grader's own last steps have no say in this test.)
    nb.cells += [notes, new_code_cell(OUTPUTS), raw, new_code_cell("print('the end')")]
    return nb


def student_code_in(html, *, container=None):
    """What in this page came from the student and would run or load on its own.

    Everywhere: a handler or script calling xss(), a javascript: URL, a URL of the
    attacker's host, a meta refresh. Inside ``container`` (the notebook; the page's own
    buttons are outside it): any handler, frame, plug-in, form, base, link or inline SVG.
    """
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            squeezed = re.sub(r"\s", "", unquote(value)).lower()
            if ((name.lower().startswith("on") and MARK in value) or "javascript:" in squeezed
                    or "javascript&colon;" in squeezed or EVIL_HOST in value):
                found.append(f"<{tag.name} {name}={unquote(value)!r}>")
        if tag.name == "script" and MARK in tag.get_text():
            found.append(f"<script>{tag.get_text().strip()}</script>")
        if tag.name == "style" and EVIL_HOST in tag.get_text():
            found.append(f"<style>{tag.get_text().strip()}</style>")
        if tag.name == "meta" and tag.get("http-equiv"):
            found.append(f"<meta http-equiv={tag['http-equiv']!r}>")
    if container:
        root = soup.select_one(container)
        assert root is not None, f"no {container} in the page"
        for tag in root.find_all(True):
            if tag.name in ("iframe", "frame", "object", "embed", "form", "base", "link", "svg", "math"):
                found.append(f"<{tag.name}> in the notebook")
            found += [f"<{tag.name} {n}={tag[n]!r}> in the notebook" for n in tag.attrs
                      if n.lower().startswith("on") and MARK not in str(tag[n])]
    return found


def assert_still_readable(html, png):
    soup = BeautifulSoup(html, "html.parser")
    text = soup.get_text()
    assert "Student's own text survives." in text and "$E = mc^2$" in text
    images = [img.get("src", "") for img in soup.find_all("img")]
    assert sum(src == f"data:image/png;base64,{png}" for src in images) == 2, "the PNG plot is gone"
    assert any(src.startswith("data:image/svg+xml;base64,") for src in images), "the SVG drawing is gone"
    (sized,) = [img for img in soup.find_all("img") if img.get("height") == "80"]
    assert sized.get("src", "").startswith("data:image/png"), sized
    tables = [t for t in soup.find_all("table") if "epoch" in t.get_text()]
    assert tables and [td.get_text() for td in tables[0].find_all("td")] == ["1", "3", "2", "0"], "the table is gone"
    assert any(s.get_text() == "Hint" for s in soup.select("details > summary")), "the instructor's hints are gone"
    assert any(h.get_text().startswith("Overview") for h in soup.find_all("h2")), "the instructor's headings are gone"
    assert any("$x_1$" in th.get_text() for th in soup.find_all("th")), "the instructor's table is gone"
    # The failure message and printed text are shown as text, not taken as HTML.
    assert ERROR_MESSAGE in text
    assert "<img src=x onerror=xss('stdout')>" in text and "<script>xss('stderr')</script>" in text


# Vectors that plain nbgrader + nbconvert 7.17 let through on both pages.
THROUGH_WITHOUT_SETTINGS = ["md-script", "md-onerror", "md-a-href", "md-link", "edited-overview", "repr-script",
                            "repr-onerror", "html-onclick", "html-script", "js-output", "markdown-output",
                            "png-width", "md-iframe", "md-form"]


def _assert_plain_lets_it_through(html):
    found = "\n".join(student_code_in(html, container="#notebook-container"))
    missed = [v for v in THROUGH_WITHOUT_SETTINGS if f"'{v}'" not in found and f"/{v}" not in found]
    assert not missed, f"plain nbgrader did not let these through (is the check blind?): {missed}\n{found}"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A course with both students graded by `make grade`'s command, and its plain copy."""
    base = tmp_path_factory.mktemp("sanitise")
    course = make_course(base / "course", [LAB])
    env = course_env(base / "home")
    run_nbgrader(["generate_assignment", LAB, "--force"], course, env)
    release = read(course / "notebooks" / LAB / f"{LAB}.ipynb")
    for student, nb in ((STUDENT, _submission(release)), (HOSTILE_ID, release)):
        folder = course / "submitted" / student / LAB
        folder.mkdir(parents=True)
        nbformat.write(nb, str(folder / f"{LAB}.ipynb"))
    proc = subprocess.run([command("nnb-grade"), LAB, "--course", str(course), "--workers", "2",
                           "--student", STUDENT, "--student", HOSTILE_ID],
                          cwd=REPO, env=env, capture_output=True, text=True)
    assert proc.stdout.startswith("graded 2/2"), proc.stdout + proc.stderr[-3000:]
    # The other door: nbgrader's own autograde copies a submission's other files.
    folder = course / "submitted" / FILES_STUDENT / LAB
    folder.mkdir(parents=True)
    nbformat.write(release, str(folder / f"{LAB}.ipynb"))
    for name, text in {**FILES, KEPT_FILE: "x,y\n1,2\n"}.items():
        (folder / name).write_text(text)
    run_nbgrader(["autograde", LAB, f"--student={FILES_STUDENT}"], course, env)
    autograded = read(course / "autograded" / STUDENT / LAB / f"{LAB}.ipynb")
    (png,) = {o.data["image/png"] for c in autograded.cells for o in c.get("outputs", [])
              if "image/png" in o.get("data", {}) and o.get("metadata", {}).get("image/png", {}).get("height") == 80}
    graded_files = {p.name for p in (course / "autograded" / FILES_STUDENT / LAB).iterdir()}
    assert KEPT_FILE in graded_files and not graded_files & set(FILES), graded_files
    plain = base / "plain"
    shutil.copytree(course, plain)
    with open(plain / "nbgrader_config.py", "a") as fh:
        fh.write(PLAIN_CONFIG)
    # What plain nbgrader's autograde does with them (nbgrader/converters/base.py,
    # init_assignment: every file but the notebooks is copied into autograded/).
    for name in FILES:
        shutil.copy(folder / name, plain / "autograded" / FILES_STUDENT / LAB / name)
    for folder in (course, plain):
        run_nbgrader(["generate_feedback", LAB, "--force"], folder, env)
    return course, plain, env, png


def _feedback(folder, student):
    return (folder / "feedback" / student / LAB / f"{LAB}.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_feedback_pages_carry_no_student_script(graded):
    course, plain, _, png = graded
    html = _feedback(course, STUDENT)
    assert student_code_in(html, container="#notebook-container") == []
    assert_still_readable(html, png)
    assert student_code_in(_feedback(course, HOSTILE_ID), container="#notebook-container") == []
    # The same autograded notebook through plain nbgrader: the scripts are there.
    _assert_plain_lets_it_through(_feedback(plain, STUDENT))


def _start_server(folder, env, port):
    """A Jupyter server with nbgrader's Formgrader over a course folder, on 127.0.0.1."""
    home = folder.parent / f"home-{folder.name}"
    home.mkdir(exist_ok=True)
    server_env = {k: v for k, v in env.items() if not k.startswith("JUPYTER_")}
    server_env.update(HOME=str(home), JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    args = [str(BIN / "jupyter"), "server", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
            "--ServerApp.port_retries=0", f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={folder}"]
    args += ["--allow-root"] if os.geteuid() == 0 else []
    log = open(home / "server.log", "w")
    proc = subprocess.Popen(args, cwd=folder, env=server_env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    return proc, home / "server.log", log


@pytest.fixture(scope="module")
def formgrader(graded):
    """{course or plain: (base URL, {student: the submission view's URL})} of running servers."""
    course, plain, env, png = graded
    servers, urls = [], {}
    try:
        for folder, port in zip((course, plain), free_ports(2)):
            proc, log_path, log = _start_server(folder, env, port)
            servers.append((proc, log))
            url = f"http://127.0.0.1:{port}"
            wait_until_up(proc, url, TOKEN, timeout=90, log=log_path)
            http = requests.Session()
            http.headers["Authorization"] = f"token {TOKEN}"
            # As the Formgrader's "Manual grading" list finds each submission's page.
            listed = http.get(f"{url}/formgrader/api/submitted_notebooks/{LAB}/{LAB}", timeout=30)
            listed.raise_for_status()
            urls[folder.name] = (url, http, {s["student"]: f"{url}/formgrader/submissions/{s['id']}/"
                                             for s in listed.json()})
        yield urls, png
    finally:
        for proc, log in servers:
            stop(proc)
            log.close()


@pytest.mark.slow
def test_formgrader_submission_view_carries_no_student_script(formgrader):
    urls, png = formgrader
    _, http, pages = urls["course"]
    assert set(pages) == {STUDENT, HOSTILE_ID, FILES_STUDENT}
    page = http.get(pages[STUDENT], timeout=60)
    assert page.status_code == 200, page.text[:500]
    assert "formgrade.js" in page.text, "not the Formgrader's page"
    assert student_code_in(page.text, container="#notebook-container") == []
    assert student_code_in(page.text) == []
    assert_still_readable(page.text, png)
    hostile = http.get(pages[HOSTILE_ID], timeout=60).text
    assert student_code_in(hostile) == []
    soup = BeautifulSoup(hostile, "html.parser")
    assert soup.select_one("a.name-shown").get_text(strip=True) == HOSTILE_ID, "the student id is not shown as text"
    # The student's HTML, SVG and XML files are not there to be served.
    for name in FILES:
        assert http.get(pages[FILES_STUDENT] + name, timeout=30).status_code == 404, name
    assert http.get(pages[FILES_STUDENT] + KEPT_FILE, timeout=30).status_code == 200
    # The same submissions through a Formgrader with plain nbgrader's settings.
    _, plain_http, plain_pages = urls["plain"]
    for name, text in FILES.items():
        served = plain_http.get(plain_pages[FILES_STUDENT] + name, timeout=30)
        assert served.status_code == 200 and served.text == text, name
        assert served.headers["Content-Type"].split(";")[0] in ("text/html", "image/svg+xml", "application/xml",
                                                                  "text/xml"), served.headers
        assert "sandbox" not in served.headers.get("Content-Security-Policy", ""), served.headers
    _assert_plain_lets_it_through(plain_http.get(plain_pages[STUDENT], timeout=60).text)
    assert any("student-id" in f for f in student_code_in(plain_http.get(plain_pages[HOSTILE_ID], timeout=60).text))


@pytest.mark.slow
def test_formgrader_in_a_browser_runs_no_student_code(formgrader):
    """Headless Chromium opens both submission views: what calls xss() is what ran."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    chromium = os.environ.get("NNB_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("no Chromium (apt-get install chromium, or set NNB_CHROMIUM)")
    urls, _ = formgrader
    ran = {}
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            for name in ("course", "plain"):
                url, _, pages = urls[name]
                context = browser.new_context()
                # Log in as the instructor does (token once, then the cookie).
                context.add_init_script("window.__ran = []; window.xss = (where) => window.__ran.push(where);")
                context.route(re.compile(r"https?://(?!127\.0\.0\.1).*"), lambda route: route.abort())
                page = context.new_page()
                page.on("dialog", lambda dialog: dialog.dismiss())
                page.goto(f"{url}/formgrader?token={TOKEN}")
                ran[name] = set()
                for student_page in [*pages.values(), *(pages[FILES_STUDENT] + f for f in FILES)]:
                    page.goto(student_page, wait_until="load")
                    page.wait_for_timeout(1000)
                    ran[name] |= set(page.evaluate("window.__ran || []"))
                context.close()
        finally:
            browser.close()
    assert ran["course"] == set(), f"student code ran in the instructor's Formgrader: {sorted(ran['course'])}"
    assert {"md-script", "repr-script", "js-output", "png-width", "student-id", "file-html", "file-svg"} <= ran["plain"], (
        f"the plain Formgrader should have run the student's code (is the check blind?): {sorted(ran['plain'])}")


@pytest.mark.slow
def test_class_report_quotes_failure_messages(graded):
    course, _, _, _ = graded
    report = (course / "reports" / LAB / "class-report.md").read_text(encoding="utf-8")
    (row,) = [line for line in report.splitlines() if line.startswith("| test_sigmoid_neuron |")]
    soup = BeautifulSoup(_render_markdown(report), "html.parser")
    tags = [t for t in soup.find_all(["img", "script", "iframe", "a", "b"]) if t.get("src") != "scores.png"]
    assert not tags, f"the report renders the student's tags: {tags}"
    assert not [t for t in soup.find_all(True) if any(a.lower().startswith("on") for a in t.attrs)]
    shown = [c.get_text() for c in soup.find_all("code")]
    assert f"ValueError: {ERROR_MESSAGE}" in shown, f"the failure message is not quoted as one code span: {row}"
    assert str(markupsafe.escape("<script>")) not in row, "quoted and escaped twice"
