"""The course website (`make book`, book/build.py): built, leak-free, and working in a browser.

The site is built once per session into a temporary folder with the command `make book`
runs (plus a test JupyterHub address, so the hub links are checked too). The build runs
each lab itself: the session's `executed_solution` runs use `MPLBACKEND=Agg`, which
keeps inline plots out of the outputs, and the site must show them.

- No line of a solution block and no line of a hidden-test block of `solutions/` may
  appear in any file of the site (HTML text with its tags stripped, scripts, data files).
- In Chromium (the system's, driven by Playwright as in tests/test_browser.py), over a
  local HTTP server, the home page and every lab page: no console error, every <img>
  loaded and with a real text alternative, formulas typeset by the site's own MathJax,
  no axe-core violation of impact "serious" or "critical" (the counts by impact are
  printed per page), and each lab's launch links open that lab's student notebook.
  Searching for a term only lab 06 uses finds lab 06. A screenshot of each page goes to
  tests/artifacts/book/ (git-ignored).
"""

import fcntl
import html
import json
import os
import re
import shutil
import subprocess
import sys
import time

import pytest

from book.build import settings
from tests.harness.course import BEGIN_HIDDEN, BEGIN_SOLUTION, END_HIDDEN, END_SOLUTION, LABS, REPO, \
    marked_blocks, notebook_path, read
from tests.harness.servers import free_ports

pytestmark = pytest.mark.slow

HUB = "https://hub.example.org"
ARTIFACTS = REPO / "tests" / "artifacts" / "book"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SEARCH_TERM = "SimpleRNN"  # lab 06 only (checked below against the release notebooks)
MIN_LEAK_LINE = 12  # shorter lines ("return x", "pass") are not evidence of a leak
TEXT_FILES = {".html", ".js", ".json", ".css", ".txt", ".ipynb", ".md", ".xml"}
# As tests/test_browser.py (not imported: it skips itself, whole, without a Chromium).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHROMIUM = os.environ.get("NNB_CHROMIUM") or next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The built site, once per run: under pytest-xdist the first worker builds, the others wait."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    out = shared / "book-site"
    with open(shared / "book-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (out / "book-report.json").exists():
                start = time.monotonic()
                proc = subprocess.run(
                    [sys.executable, "-m", "book.build", "--out", str(out), "--jupyterhub-url", HUB],
                    cwd=REPO, capture_output=True, text=True, timeout=3000)
                seconds = time.monotonic() - start
                assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-5000:]
                size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
                print(f"\nbook built in {seconds:.0f} s, {size / 2**20:.1f} MiB\n{proc.stdout}")
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return out


def _release_text():
    text = "\n".join(cell.source for lab in LABS for cell in read(notebook_path(lab, release=True)).cells)
    return text + "\n" + text.replace("`", "")  # prose quotes code in backticks; the page drops them


def secret_lines():
    """Stripped lines of every solution and hidden-test block that no release has.

    A line that also occurs in a release, even inside a longer line or in prose (a
    visible example's `layers.Flatten(),`, the hint "start with `keras.Input(...)`"),
    proves nothing and is left out.
    """
    public = _release_text()
    secret = set()
    for lab in LABS:
        for cell in read(notebook_path(lab)).cells:
            for begin, end in ((BEGIN_SOLUTION, END_SOLUTION), (BEGIN_HIDDEN, END_HIDDEN)):
                for block in marked_blocks(cell.source, begin, end):
                    secret.update(line.strip() for line in block)
    return {line for line in secret if len(line) >= MIN_LEAK_LINE and line not in public}


def test_site_has_every_page(site):
    assert (site / "index.html").exists() and (site / "search.html").exists()
    for lab in LABS:
        assert (site / f"{lab}.html").exists(), lab
    assert (site / "_static" / "mathjax" / "tex-chtml.js").exists(), "MathJax not copied (make hub-deps)"
    report = json.loads((site / "book-report.json").read_text())
    assert sum(r["figures"] for r in report.values()) > 0, report
    assert all(r["widgets without picture"] == 0 for r in report.values()), report


def test_no_solution_or_hidden_test_in_the_site(site):
    secrets = secret_lines()
    assert len(secrets) > 100, "too few solution lines found: is the marker spelling right?"
    leaks = []
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix not in TEXT_FILES:
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        # Highlighted code is split into <span>s: compare the text a reader sees as well.
        texts = [raw, html.unescape(re.sub(r"<[^>]+>", "", raw))] if path.suffix == ".html" else [raw]
        for line in secrets:
            if any(line in text for text in texts):
                leaks.append(f"{path.relative_to(site)}: {line}")
    assert not leaks, "solution or hidden-test lines in the site:\n" + "\n".join(leaks[:40])


def test_search_term_is_lab_06_only():
    using = [lab for lab in LABS if SEARCH_TERM in notebook_path(lab, release=True).read_text()]
    assert using == ["06-rnn-lstm"], using


# ---------------------------------------------------------------- in the browser

@pytest.fixture(scope="module")
def served(site):
    (port,) = free_ports()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    import requests
    for _ in range(100):
        try:
            requests.get(url, timeout=2)
            break
        except requests.ConnectionError:
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set NNB_CHROMIUM)")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _open(browser, url):
    """A page at `url`, fully loaded; returns (page, console errors list)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
    page.on("response", lambda r: r.status >= 400 and errors.append(f"HTTP {r.status}: {r.url}"))
    page.goto(url, wait_until="networkidle")
    return page, errors


def _check_images(page):
    # Lazy pictures load only when scrolled to: load them all now.
    page.evaluate("() => document.querySelectorAll('img').forEach(i => { i.loading = 'eager'; })")
    page.wait_for_function("() => [...document.images].every(i => i.complete)", timeout=60_000)
    images = page.evaluate("() => [...document.images].map(i => ({src: i.getAttribute('src'), "
                           "alt: i.getAttribute('alt'), width: i.naturalWidth}))")
    broken = [i["src"] for i in images if not i["width"]]
    assert not broken, f"images that did not load: {broken}"
    for image in images:
        alt = (image["alt"] or "").strip()
        assert alt and not re.fullmatch(r"[\w.-]+\.(png|jpe?g|svg|gif)", alt), f"no real alt text: {image}"
    return len(images)


def _axe(page):
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    counts = {}
    for v in violations:
        counts[v["impact"]] = counts.get(v["impact"], 0) + len(v["nodes"])
    serious = [f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']}; e.g. "
               f"{v['nodes'][0]['target']}" for v in violations if v["impact"] in ("serious", "critical")]
    return counts, serious


@pytest.mark.parametrize("page_name", ["index", *LABS])
def test_page_in_the_browser(browser, served, page_name):
    if not AXE.exists():
        pytest.skip("node_modules/axe-core is missing: run `make hub-deps` (needs npm)")
    page, errors = _open(browser, f"{served}/{page_name}.html")
    try:
        n_images = _check_images(page)
        has_math = page.evaluate("() => document.querySelectorAll('.math').length")
        if has_math:
            page.wait_for_function("() => document.querySelectorAll('mjx-container').length > 0", timeout=60_000)
            assert page.evaluate("() => document.querySelectorAll('mjx-merror').length") == 0
        else:
            assert page_name == "index", "a lab page without formulas: is dollarmath on?"
        counts, serious = _axe(page)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{page_name}.png"))
        print(f"\n{page_name}: {n_images} images, {has_math} formulas, axe violations by impact: "
              f"{counts or 'none'}; screenshot {ARTIFACTS.relative_to(REPO) / (page_name + '.png')}")
        assert not errors, f"console errors on {page_name}: {errors}"
        assert not serious, f"serious accessibility violations on {page_name}:\n" + "\n".join(serious)
        if page_name != "index":
            _check_launch_links(page, page_name)
    finally:
        page.context.close()


def _check_launch_links(page, lab):
    conf = settings()
    repo = conf["repository"].removeprefix("https://github.com/")
    ref, nb = conf["colab_ref"], f"notebooks/{lab}/{lab}.ipynb"
    links = dict(page.evaluate("() => [...document.querySelectorAll('a.nnb-launch')]"
                               ".map(a => [a.dataset.launch, a.href])"))
    folder = conf["jupyterhub_folder"].strip("/")
    assert links == {
        "binder": f"https://mybinder.org/v2/gh/{repo}/{ref}?urlpath=lab/tree/{nb}",
        "colab": f"https://colab.research.google.com/github/{repo}/blob/{ref}/{nb}",
        "jupyterhub": f"{HUB}/hub/user-redirect/lab/tree/{folder + '/' if folder else ''}{nb}",
    }


def test_search_finds_lab_06(browser, served):
    page, errors = _open(browser, f"{served}/search.html?q={SEARCH_TERM}")
    try:
        page.wait_for_function("() => document.querySelectorAll('#search-results li a').length > 0",
                               timeout=60_000)
        found = page.evaluate("() => [...document.querySelectorAll('#search-results li a')]"
                              ".map(a => a.getAttribute('href'))")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "search.png"))
        assert any(href.startswith("06-rnn-lstm.html") for href in found), found
        assert not errors, errors
    finally:
        page.context.close()


def test_hub_link_left_out_without_a_hub():
    from book.pages import launch_links

    labels = [label for label, _ in launch_links("01-regression", {**settings(), "jupyterhub_url": ""})]
    assert labels == ["Binder", "Colab"]
