"""The documentation holds together: a short README, links that lead somewhere, and only
`make` targets that exist.

README.md is the front page (what the course is, two commands, where to go next); the
rest lives in docs/ (students, instructors, course authors). These checks are static.
"""

import re
import unicodedata

import pytest
from tests.harness.course import LABS, REPO, notebook_path, read

README = REPO / "README.md"
DOCS = [README, *sorted((REPO / "docs").glob("*.md"))]
FENCE = re.compile(r"^(```|~~~)")


def _id(path):
    return str(path.relative_to(REPO))


def _prose_and_code(text):
    """(lines outside fenced code blocks, lines inside them)."""
    prose, code, fenced = [], [], False
    for line in text.splitlines():
        if FENCE.match(line.strip()):
            fenced = not fenced
        elif fenced:
            code.append(line)
        else:
            prose.append(line)
    return prose, code


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*]", "", heading.strip()).lower()  # code and emphasis marks
    text = "".join(ch for ch in text if ch in " -_" or unicodedata.category(ch)[0] in "LN")
    return text.replace(" ", "-")


def anchors(path):
    """Every heading's anchor in a Markdown file (repeated headings get -1, -2, ... as on GitHub)."""
    seen, found = {}, set()
    for line in _prose_and_code(path.read_text())[0]:
        match = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if match:
            base = slug(match.group(1))
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.add(base if count == 0 else f"{base}-{count}")
    return found


def _links(path):
    """Targets of the inline links and images outside code: [text](target)."""
    prose = "\n".join(_prose_and_code(path.read_text())[0])
    prose = re.sub(r"`[^`\n]*`", "", prose)  # inline code is not a link
    return re.findall(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)", prose)


def test_slug_matches_github():
    assert slug("Sealed grading: what a submission can and cannot do") == \
        "sealed-grading-what-a-submission-can-and-cannot-do"
    assert slug("Grading a class: `make grade`") == "grading-a-class-make-grade"
    assert slug("No install: Google Colab") == "no-install-google-colab"
    assert slug("Set-up") == "set-up"
    assert slug("`nnb_grading` and nbgrader") == "nnb_grading-and-nbgrader"


def test_readme_is_short():
    lines = README.read_text().splitlines()
    assert len(lines) <= 110, f"README.md has {len(lines)} lines: move details to docs/"


HOURS = r"(\d+(?:\.\d+)?(?: to \d+(?:\.\d+)?)?)"


def _overview(lab):
    """The markdown of a lab's Overview section (up to its Setup)."""
    text = "\n".join(c.source for c in read(notebook_path(lab, True)).cells if c.cell_type == "markdown")
    return text.split("## Overview", 1)[1].split("\n## ", 1)[0]


def test_readme_lab_table_times_are_the_labs_own():
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `([\w-]+)` \|.*\| ([^|]*) \|$", README.read_text(), re.M)}
    assert set(rows) == set(LABS), "the README's lab table lists other labs than solutions/"
    for lab in LABS:
        stated = re.search(HOURS + r" hours", _overview(lab))
        assert stated, f"{lab}'s Overview states no time in hours"
        assert re.search(HOURS + r" h\b", rows[lab]).group(1) == stated.group(1), (
            f"README says {rows[lab]!r} for {lab}, its Overview {stated.group(0)!r}")


def test_readme_leads_to_every_guide():
    targets = {link.split("#")[0] for link in _links(README)}
    for guide in ("docs/students.md", "docs/instructors.md", "docs/authors.md"):
        assert guide in targets, f"README.md does not link {guide}"


@pytest.mark.parametrize("path", DOCS, ids=_id)
def test_relative_links_lead_to_a_file_and_heading(path):
    broken = []
    for link in _links(path):
        if re.match(r"[a-z][a-z0-9+.-]*:", link, re.I):  # https:, mailto: ...
            continue
        target, _, anchor = link.partition("#")
        file = (path.parent / target).resolve() if target else path
        if not file.exists():
            broken.append(f"{link}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file):
            broken.append(f"{link}: no heading #{anchor} in {file.relative_to(REPO)}")
        elif anchor and file.suffix != ".md":
            broken.append(f"{link}: an anchor into a file that is not Markdown")
    assert not broken, broken


def _makefile_targets():
    text = (REPO / "Makefile").read_text()
    return set(re.findall(r"^([A-Za-z0-9_.-]+):(?!=)", text, re.M))


def _make_commands(path):
    """Targets of the `make ...` commands in a file's code (inline code and fenced blocks)."""
    prose, code = _prose_and_code(path.read_text())
    snippets = code + re.findall(r"`([^`\n]+)`", "\n".join(prose))
    targets = set()
    for snippet in snippets:
        for match in re.finditer(r"(?:^|[\s;&|(])make((?:\s+[^\s;&|)`]+)*)", snippet):
            words = [w for w in match.group(1).split() if "=" not in w and not w.startswith("-")]
            if words:
                targets.add(words[0])
    return targets


@pytest.mark.parametrize("path", DOCS, ids=_id)
def test_every_make_target_the_docs_name_exists(path):
    missing = _make_commands(path) - _makefile_targets()
    assert not missing, f"{_id(path)} names make targets the Makefile lacks: {sorted(missing)}"


def test_sections_the_tests_cite_exist():
    """A test that cites a guide's section (`docs/<guide>.md, "<heading>"`) names a real one."""
    cited = []
    for test in sorted((REPO / "tests").glob("*.py")):
        for guide, heading in re.findall(r"(docs/[\w-]+\.md), \"([^\"]+)\"", test.read_text()):
            cited.append((test.name, guide, heading))
    assert cited  # test_hygiene.py cites the authors' guide
    for test, guide, heading in cited:
        assert (REPO / guide).is_file(), f"{test} cites {guide}, which does not exist"
        assert slug(heading) in anchors(REPO / guide), f"{test} cites a missing section: {guide}, {heading!r}"
