"""Build the course website: ``python -m book.build [--out DIR] [--executed DIR]`` (`make book`).

Steps, for each lab in order:

1. the executed instructor notebook: ``solutions/<lab>/<lab>.ipynb`` run top to bottom
   in a fresh kernel from its folder, inline plots on, with ``book.figure_log`` noting
   what each picture shows (or, with ``--executed DIR``, ``DIR/<lab>.ipynb`` as it is:
   its pictures then get a generic text alternative, and a run with ``MPLBACKEND=Agg``
   has no inline plots at all);
2. the page: the student release with those outputs (``book.pages``);
3. Sphinx (MyST-NB, sphinx-book-theme) builds the site from ``book/conf.py``,
   ``book/intro.md`` and the pages, with MathJax from ``node_modules/`` (`make hub-deps`)
   copied into the site: nothing is downloaded at build time or when a page is read.

The output (``_build/book/`` by default) is static: serve it with any web server, e.g.
``python -m http.server -d _build/book``. A summary of each page (pictures, widgets, text
alternatives found) is printed at the end and written to ``<out>/book-report.json``.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import nbformat

from book.pages import PageBuilder, load_figure_log
from nnb_grading.course import Course

REPO = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
MATHJAX = REPO / "node_modules" / "mathjax" / "es5"
# MathJax's bundles the site does not load (the speech engine and the other inputs and
# outputs) are left out: about a third of the package.
MATHJAX_SKIP = ("sre", "*-full*.js", "mml-*.js", "tex-mml-*.js", "tex-svg*.js", "node-main.js")
SETTINGS_DEFAULTS = {"repository": "", "colab_ref": "main", "jupyterhub_url": "", "jupyterhub_folder": ""}


def settings(pyproject=REPO / "pyproject.toml"):
    """The ``[tool.nn-basics]`` table of pyproject.toml, with the website's defaults."""
    table = tomllib.loads(Path(pyproject).read_text(encoding="utf-8")).get("tool", {}).get("nn-basics", {})
    return {**SETTINGS_DEFAULTS, **table}


def kernel_env(home):
    """Environment of the kernel that runs a lab for the site: quiet TensorFlow, inline plots."""
    from nblib.runtime import TENSORFLOW_ENV

    env = dict(os.environ)
    env.update(TENSORFLOW_ENV)
    env.update({
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        "KERAS_HOME": str(home / "keras"), "MPLCONFIGDIR": str(home / "mpl"),
        # The notebook's own backend (what a student sees), whatever the caller's shell says.
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    })
    return env


def execute(path, work, timeout=600):
    """Run a solution notebook for the site; returns (executed notebook, figure log path)."""
    import nbclient

    log = work / f"{Path(path).stem}.figures.jsonl"
    log.unlink(missing_ok=True)
    nb = nbformat.read(str(path), as_version=4)
    hook = nbformat.v4.new_code_cell(
        f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom book.figure_log import install\n"
        f"install({str(log)!r})\ndel sys.path[0], install", id="nnb-book-figure-log")
    nb.cells.insert(0, hook)
    client = nbclient.NotebookClient(
        nb, timeout=timeout, kernel_name="python3", store_widget_state=True, allow_errors=True,
        resources={"metadata": {"path": str(Path(path).parent)}})
    client.execute(env=kernel_env(work / "home"))
    nb.cells.pop(0)
    return nb, log


def _copy_mathjax(static):
    if not (MATHJAX / "tex-chtml.js").exists():
        return False
    shutil.copytree(MATHJAX, static / "mathjax", ignore=shutil.ignore_patterns(*MATHJAX_SKIP))
    return True


def prepare(source, labs, executed_dir, course, conf):
    """Write the Sphinx source folder: config, home page, lab pages, static files."""
    builder = PageBuilder(source, conf)
    work = source.parent / "runs"
    work.mkdir(exist_ok=True)
    for lab in labs:
        start = time.monotonic()
        if executed_dir:
            executed, alts = nbformat.read(str(Path(executed_dir) / f"{lab}.ipynb"), as_version=4), {}
        else:
            executed, log = execute(course.notebook_path(lab), work)
            alts = load_figure_log(log)
        release = nbformat.read(str(course.notebook_path(lab, True)), as_version=4)
        nbformat.write(builder.page(lab, release, executed, alts), str(source / f"{lab}.ipynb"))
        print(f"{lab}: page ready in {time.monotonic() - start:.0f} s {builder.report[lab]}", flush=True)
    shutil.copy(HERE / "conf.py", source / "conf.py")
    shutil.copytree(HERE / "_templates", source / "_templates")
    shutil.copy(HERE / "favicon.svg", source / "favicon.svg")
    shutil.copy(HERE / "book.css", source / "_static" / "book.css")
    toc = "\n".join(labs)
    intro = (HERE / "intro.md").read_text(encoding="utf-8")
    (source / "index.md").write_text(
        intro + f"\n```{{toctree}}\n:maxdepth: 1\n:caption: The labs\n\n{toc}\n```\n", encoding="utf-8")
    conf = {**conf, "mathjax": _copy_mathjax(source / "_static"), "labs": labs}
    (source / "book-settings.json").write_text(json.dumps(conf, indent=1), encoding="utf-8")
    return builder.report, conf["mathjax"]


def sphinx_build(source, out):
    from sphinx.cmd.build import build_main

    return build_main(["-b", "html", "-q", "-E", "-d", str(source.parent / "doctrees"), str(source), str(out)])


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m book.build", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "_build" / "book"), help="the site's folder (replaced)")
    parser.add_argument("--executed", help="folder of already executed solution notebooks <lab>.ipynb")
    parser.add_argument("--labs", nargs="*", help="only these labs (default: all, in order)")
    parser.add_argument("--jupyterhub-url", help="overrides [tool.nn-basics] jupyterhub_url")
    parser.add_argument("--keep-source", action="store_true", help="keep the Sphinx source folder (printed)")
    args = parser.parse_args(argv)
    start = time.monotonic()
    course = Course(REPO)
    conf = settings()
    if args.jupyterhub_url is not None:
        conf["jupyterhub_url"] = args.jupyterhub_url
    labs = args.labs or course.labs
    tmp = Path(tempfile.mkdtemp(prefix="nnb-book-"))
    try:
        source = tmp / "source"
        (source / "_static").mkdir(parents=True)
        report, mathjax = prepare(source, labs, args.executed, course, conf)
        if not mathjax:
            print("warning: node_modules/mathjax is missing (run `make hub-deps`, which needs npm): "
                  "the pages will load Sphinx's default MathJax from its CDN when read, and show "
                  "formulas as TeX source offline", file=sys.stderr)
        # Sphinx writes in the temporary folder (MyST-NB puts its own copies of the pages
        # beside the output folder), then the finished site replaces the old one.
        html = tmp / "html"
        status = sphinx_build(source, html)
        if status:
            print(f"sphinx-build failed ({status})", file=sys.stderr)
            return status
        shutil.rmtree(html / "_sources", ignore_errors=True)  # html_copy_source is off: empty
        (html / "book-report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
        out = Path(args.out)
        shutil.rmtree(out, ignore_errors=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(html), str(out))
    finally:
        if args.keep_source:
            print(f"Sphinx source kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"site built in {out} in {time.monotonic() - start:.0f} s; open {out / 'index.html'} "
          f"or serve it: python -m http.server -d {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
