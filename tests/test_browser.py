"""The labs as a student meets them: JupyterLab in a real (headless) browser.

JupyterLab is started with the command `make lab` runs (read with `make -n`: the
student config folder and nblib's contents manager), on a spare port, with a
throw-away home, settings and workspace folder, over a copy of the notebooks.
Chromium from the system (Debian's `chromium` package; `.ci/run` installs it) is
driven by Playwright from PyPI; Playwright's own browser download is never used.
Without a Chromium the tests are skipped and say so.

For every lab, the solution notebook is opened and must not be marked modified once
its kernel is ready; *Run All* must finish with no error output, nothing on stderr
and no error in the browser console; every widget must be drawn as controls with a
picture (not as text, not "Error displaying widget"), and moving each of its
controls the way a user does (drag a slider, pick another option, tick a box, type
and press Enter) must change the picture. One student release is opened to run a
test cell on the blank stub and on a wrong answer: what the student sees must be the
check's one-line message. Saved with a widget output, it is reloaded while its kernel
runs (the live widget must stay), then its kernel is stopped and it is opened again:
the widget's place must say to run the cell again, and the notebook must not be
marked modified.

Screenshots of every widget, before and after each control moves, are written to
tests/artifacts/browser/ (git-ignored) for a reviewer. `NNB_CHROMIUM` names another
Chromium binary.
"""

import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import requests

from tests.harness.course import LABS, REPO, course_env, notebook_path, read
from tests.harness.servers import free_ports, make_lab_command, stop, wait_until_up

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (requirements/dev.txt pins it)")

pytestmark = pytest.mark.slow

TOKEN = "browser-test"
ARTIFACTS = REPO / "tests" / "artifacts" / "browser"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RUN_ALL_TIMEOUT_S = 600
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# The control classes of ipywidgets 8 the course's widgets use.
CONTROLS = ".widget-slider, .widget-dropdown, .widget-checkbox, .widget-text, .widget-toggle-buttons"
# What to type into a text box, per lab (the box must accept it and redraw).
TYPED = {"05-cnn": "0 1 0; 1 -4 1; 0 1 0"}
# The release exercise the student test uses: a wrong answer a student could write.
RELEASE_LAB, RELEASE_EXERCISE = "01-regression", "predict_linear"
WRONG_ANSWER = "def predict_linear(X, w, b):\n    return X @ w\n"


def _chromium():
    named = os.environ.get("NNB_CHROMIUM")
    if named:
        return named if Path(named).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM = _chromium()
if CHROMIUM is None:
    pytest.skip("no Chromium found (apt-get install chromium, or set NNB_CHROMIUM): "
                "the browser tests need one", allow_module_level=True)


def _make_lab_command(root, port, tmp):
    """The command `make lab` runs, over `root`, with test-only server options."""
    return make_lab_command("lab", " ".join([
        "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={TOKEN}",
        # Lets the test read the notebook model (dirty flag, outputs) from the page.
        "--LabApp.expose_app_in_browser=True",
        f"--LabApp.workspaces_dir={tmp / 'workspaces'}", f"--LabApp.user_settings_dir={tmp / 'settings'}",
    ]), root_dir=root)


class Lab:
    """A JupyterLab server over a throw-away copy of the course's notebooks."""

    def __init__(self, tmp):
        if not shutil.which("make"):
            pytest.skip("make is not installed")
        self.root = tmp / "course"
        for lab in LABS:
            for release in (False, True):
                dest = self.root / ("notebooks" if release else "solutions") / lab
                dest.mkdir(parents=True)
                shutil.copy(notebook_path(lab, release), dest)
        env = {k: v for k, v in course_env(tmp / "home").items() if not k.startswith("JUPYTER_")}
        env.pop("MPLBACKEND")  # plots go inline, as for a student
        env.update(HOME=str(tmp / "home"), JUPYTER_RUNTIME_DIR=str(tmp / "runtime"))
        (self.port,) = free_ports()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp / "server.log"
        with open(self.log, "w") as log:
            self.proc = subprocess.Popen(_make_lab_command(self.root, self.port, tmp), shell=True, cwd=REPO,
                                         env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_until_up(self.proc, self.url, TOKEN, timeout=90, log=self.log)
        except AssertionError:
            self.stop()
            raise

    def api(self, method, path, **kw):
        r = requests.request(method, f"{self.url}/api/{path}", params={"token": TOKEN}, timeout=30, **kw)
        r.raise_for_status()
        return r.json() if r.content else None

    def stop_kernel(self, path):
        for session in self.api("GET", "sessions"):
            if session["path"] == path:
                self.api("DELETE", f"sessions/{session['id']}")

    def stop(self):
        stop(self.proc)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    server = Lab(tmp_path_factory.mktemp("browser"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """One browser tab on JupyterLab, collecting console errors."""

    def __init__(self, browser, lab):
        self.lab = lab
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.page = self.context.new_page()
        self.page.set_default_timeout(60_000)
        self.errors = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))

    def open(self, path):
        self.page.goto(f"{self.lab.url}/lab/tree/{path}?token={TOKEN}&reset")
        self.page.wait_for_function(
            """(path) => { const w = window.jupyterapp && jupyterapp.shell.currentWidget;
                 return w && w.context && w.context.path === path && w.context.isReady; }""", arg=path)
        self.page.wait_for_function(
            """() => { const s = jupyterapp.shell.currentWidget.context.sessionContext;
                 return s.session && s.session.kernel && s.session.kernel.status === 'idle'
                        && s.session.kernel.connectionStatus === 'connected'; }""", timeout=120_000)
        time.sleep(1.5)  # the kernel-info reply and its metadata update land after 'idle'

    def dirty(self):
        return self.page.evaluate("() => jupyterapp.shell.currentWidget.context.model.dirty")

    def run(self, command, timeout_s=RUN_ALL_TIMEOUT_S):
        """Execute a JupyterLab command and wait for it (run commands resolve when cells finish)."""
        return self.page.evaluate(
            """async ([command, ms]) => await Promise.race([
                 jupyterapp.commands.execute(command),
                 new Promise((_, reject) => setTimeout(() => reject(new Error(command + ' timed out')), ms))])""",
            [command, timeout_s * 1000])

    def select_cell(self, index):
        self.page.evaluate("(i) => { const n = jupyterapp.shell.currentWidget.content; n.activeCellIndex = i; "
                           "n.deselectAll(); }", index)

    def set_source(self, index, source):
        self.page.evaluate("([i, s]) => jupyterapp.shell.currentWidget.content.model.cells.get(i)"
                           ".sharedModel.setSource(s)", [index, source])

    def outputs(self):
        """Each code cell's outputs, as nbformat JSON, from the notebook model."""
        return self.page.evaluate(
            """() => { const m = jupyterapp.shell.currentWidget.content.model, out = [];
                 for (let i = 0; i < m.cells.length; i++) { const c = m.cells.get(i);
                   out.push(c.type === 'code' ? c.outputs.toJSON() : null); }
                 return out; }""")

    def output_text(self, index):
        """The text the student sees under cell `index`."""
        # Off-screen cells are not rendered (CSS content-visibility), and have no innerText.
        return self.page.evaluate(
            """(i) => { const cell = jupyterapp.shell.currentWidget.content.widgets[i];
                 cell.node.scrollIntoView(); return cell.outputArea.node.innerText; }""", index)

    def close(self):
        self.context.close()


def _cell_index(nb, grade_id):
    (index,) = [i for i, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id]
    return index


def _problems(outputs):
    found = []
    for index, cell in enumerate(outputs):
        for out in cell or []:
            if out["output_type"] == "error":
                found.append(f"cell {index}: {out['ename']}: {out['evalue']}")
            elif out["output_type"] == "stream" and out["name"] == "stderr":
                found.append(f"cell {index} wrote to stderr: {''.join(out['text'])[:300]}")
    return found


def _move(page, control, typed):
    """Change one control as a user would."""
    classes = control.get_attribute("class")
    if "widget-slider" in classes:
        handle, track = control.locator(".noUi-handle").first, control.locator(".noUi-target").first
        h, t = handle.bounding_box(), track.bounding_box()
        x, y = h["x"] + h["width"] / 2, h["y"] + h["height"] / 2
        step = -0.3 * t["width"] if x > t["x"] + t["width"] / 2 else 0.3 * t["width"]
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x + step, y, steps=8)
        page.mouse.up()
    elif "widget-dropdown" in classes:
        select = control.locator("select")
        current = select.input_value()
        options = [o for o in select.locator("option").all_inner_texts() if o != current]
        select.select_option(label=options[-1])
    elif "widget-checkbox" in classes:
        control.locator("input").click()
    elif "widget-text" in classes:
        box = control.locator("input")
        box.fill(typed)
        box.press("Enter")
    elif "widget-toggle-buttons" in classes:
        control.locator("button:not(.mod-active)").first.click()
    else:
        raise AssertionError(f"a control the test cannot move: {classes}")


def _settled(tab, img, quiet_s=0.8, timeout_s=60):
    """The picture's src once the kernel is idle and the picture has stopped changing.

    A dragged slider sends several values; their redraws arrive one after another, and
    a change must not be credited to the next control.
    """
    deadline = time.monotonic() + timeout_s
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        src = img.get_attribute("src")
        idle = tab.page.evaluate("() => jupyterapp.shell.currentWidget.context.sessionContext"
                                 ".session.kernel.status === 'idle'")
        if src != last or not idle:
            last, since = src, time.monotonic()
        elif time.monotonic() - since >= quiet_s:
            return src
        time.sleep(0.1)
    raise AssertionError(f"the picture kept changing for {timeout_s} s")


def _describe(control):
    """The control's description, as shown (a checkbox has it beside the box)."""
    # A checkbox's first label holds a zero-width space; its description is in the second.
    labels = [t.strip(" \n\u200b") for t in control.locator("label").all_text_contents()]
    labels = [t for t in labels if t]
    return labels[0] if labels else control.get_attribute("class").split()[-1]


@pytest.mark.parametrize("lab_id", LABS)
def test_lab_runs_in_the_browser_and_every_widget_control_redraws(lab_id, lab, browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = f"solutions/{lab_id}/{lab_id}.ipynb"
    tab = Page(browser, lab)
    try:
        tab.open(path)
        assert not tab.dirty(), f"{lab_id}: opening the notebook marked it modified"
        assert tab.run("notebook:run-all-cells") is True, (
            f"{lab_id}: Run All stopped: {_problems(tab.outputs())}")
        outputs = tab.outputs()
        assert not _problems(outputs), f"{lab_id}: {_problems(outputs)}"
        n_widgets = sum(WIDGET_VIEW in o.get("data", {}) for cell in outputs for o in cell or [])
        assert n_widgets, f"{lab_id}: no widget was displayed"
        page = tab.page
        views = page.locator(".jp-OutputArea-output .jupyter-widgets.widget-vbox:has(.widget-image)")
        page.wait_for_function(f"() => document.querySelectorAll('.jp-OutputArea-output "
                               f".jupyter-widgets.widget-vbox .widget-image').length >= {n_widgets}")
        body = page.locator(".jp-Notebook").inner_text()
        assert "Error displaying widget" not in body and "PictureWidget(" not in body
        assert views.count() == n_widgets, f"{lab_id}: {n_widgets} widget outputs, {views.count()} drawn"
        for w in range(n_widgets):
            view = views.nth(w)
            view.scroll_into_view_if_needed()
            img = view.locator("img.widget-image").last
            assert img.is_visible(), f"{lab_id} widget {w + 1}: no picture shown"
            view.screenshot(path=ARTIFACTS / f"{lab_id}-widget{w + 1}-0-start.png")
            controls = view.locator(CONTROLS)
            assert controls.count(), f"{lab_id} widget {w + 1}: no controls"
            for c in range(controls.count()):
                control = controls.nth(c)
                before = _settled(tab, img)
                _move(page, control, TYPED.get(lab_id, ""))
                try:
                    page.wait_for_function("([img, before]) => img.getAttribute('src') !== before",
                                           arg=[img.element_handle(), before], timeout=30_000)
                except playwright_api.TimeoutError:
                    raise AssertionError(f"{lab_id} widget {w + 1}: moving '{_describe(control)}' "
                                         "did not change the picture") from None
                _settled(tab, img)
                view.screenshot(path=ARTIFACTS / f"{lab_id}-widget{w + 1}-{c + 1}-{_slug(_describe(control))}.png")
        assert not _problems(tab.outputs()), f"{lab_id} after moving the controls: {_problems(tab.outputs())}"
        assert not tab.errors, f"{lab_id}: browser console errors: {tab.errors}"
    finally:
        tab.close()
        lab.stop_kernel(path)


def _slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:30] or "control"


def _check_message(setup, solution, test):
    """The CheckError message the test cell raises, computed here in Python."""
    from nblib.checks import CheckError
    namespace = {}
    exec(setup, namespace)
    exec(solution, namespace)
    try:
        exec(test, namespace)
    except CheckError as e:
        return f"CheckError: {e}"
    raise AssertionError("the test cell passed")


def test_student_release_shows_short_check_messages_and_reopens_clean(lab, browser):
    path = f"notebooks/{RELEASE_LAB}/{RELEASE_LAB}.ipynb"
    nb = read(notebook_path(RELEASE_LAB, release=True))
    solution = _cell_index(nb, RELEASE_EXERCISE)
    test = _cell_index(nb, f"test_{RELEASE_EXERCISE}")
    setup = next(c.source for c in nb.cells if c.cell_type == "code" and "import" in c.source
                 and "google.colab" not in c.source)
    widget_cell = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "display(explorer)" in c.source)
    tab = Page(browser, lab)
    try:
        tab.open(path)
        assert not tab.dirty(), "opening the release marked it modified"
        tab.select_cell(test)
        tab.run("notebook:run-all-above")
        for answer, source in (("the blank stub", nb.cells[solution].source), ("a wrong answer", WRONG_ANSWER)):
            tab.set_source(solution, source)
            for index in (solution, test):
                tab.select_cell(index)
                tab.run("notebook:run-cell")
            expected = _check_message(setup, source, nb.cells[test].source)
            seen = tab.output_text(test).strip()
            assert seen == expected, f"{answer}: the student sees\n{seen}\ninstead of\n{expected}"
            assert "checks.py" not in seen and "Traceback" not in seen
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            tab.page.locator(".jp-Cell").nth(test).screenshot(path=ARTIFACTS / f"release-{_slug(answer)}.png")
        # The student completes the exercises above the widget (the instructor's answers),
        # runs it and saves the notebook with the widget's output; the kernel stops, and
        # the notebook is opened again.
        # By grade_id: the solution has claim cells that the release leaves out.
        answers = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source
                   for c in read(notebook_path(RELEASE_LAB)).cells}
        for index, cell in enumerate(nb.cells[:widget_cell]):
            if cell.metadata.get("nbgrader", {}).get("solution"):
                tab.set_source(index, answers[cell.metadata["nbgrader"]["grade_id"]])
        tab.select_cell(widget_cell)
        assert tab.run("notebook:run-all-above") is True, _problems(tab.outputs())
        assert tab.run("notebook:run-cell") is True, _problems(tab.outputs())
        assert tab.output_text(test).strip() == "", "the test cell fails on the instructor's answer"
        tab.page.wait_for_selector(".jp-OutputArea-output .jupyter-widgets.widget-vbox")
        tab.run("docmanager:save")
        saved = json.loads((lab.root / path).read_text())
        assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {})
                   for o in saved["cells"][widget_cell].get("outputs", []))
        # Reloading the page while the kernel runs keeps the live widget.
        tab.open(path)
        tab.output_text(widget_cell)  # scrolls it into view
        tab.page.wait_for_selector(".jp-OutputArea-output .jupyter-widgets.widget-vbox img.widget-image")
        assert "Run this cell again" not in tab.output_text(widget_cell)
    finally:
        tab.close()
        lab.stop_kernel(path)
    tab = Page(browser, lab)
    try:
        tab.open(path)
        shown = tab.output_text(widget_cell)
        assert "Run this cell again" in shown and "Error displaying widget" not in shown, shown
        assert not tab.dirty(), "reopening the saved release marked it modified"
        assert not tab.errors, f"browser console errors: {tab.errors}"
    finally:
        tab.close()
        lab.stop_kernel(path)
