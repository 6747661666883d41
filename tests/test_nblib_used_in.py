"""Every "Used in" note in nblib names a lab and headings that exist in that lab.

The notes tell an instructor where a helper appears; after a section is renamed they
silently go stale. Format, as written in nblib's docstrings and comments::

    Used in: lab 05 (sections "Edge filters", "A CNN in Keras": the maps), lab 06 (section 4).

Each ``lab NN`` must be a folder ``solutions/NN-*``. Inside the parentheses that follow
it, every double-quoted text must be a markdown heading of ``solutions/<lab>/<lab>.ipynb``
and every ``section N`` / ``sections N`` a numbered heading ``## N. ...``. A quoted name
matches a heading after normalisation: case and runs of whitespace are ignored, as are
the heading's ``#`` marks, its section number (``4.``) and the backquotes; and a name may
be the heading's leading words up to a punctuation mark (the short form "The geometric
view" for "The geometric view: a perceptron draws a line"). Notes that name no lab
(e.g. "Used in: ``picture_explorer``") are not checked.
"""

import pathlib
import re

import nbformat
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
NBLIB = ROOT / "nblib"
SOLUTIONS = ROOT / "solutions"


def _notes():
    """(where, text) of every note: from "Used in:" to the end of its paragraph."""
    found = []
    for path in sorted(NBLIB.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if "Used in:" not in line:
                continue
            parts = [line.split("Used in:", 1)[1]]
            j = i + 1
            while '"""' not in parts[-1] and j < len(lines):
                nxt = lines[j].strip().lstrip("#").strip()
                if not nxt or "Used in:" in nxt:
                    break
                parts.append(nxt)
                j += 1
            text = " ".join(p.strip() for p in parts).split('"""')[0].strip()
            found.append((f"{path.relative_to(ROOT)}:{i + 1}", text))
    return found


def _parenthetical(text, start):
    """The text inside the parentheses opening at ``text[start]``, nested ones included."""
    depth = 0
    for k in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[k], 0)
        if depth == 0:
            return text[start + 1:k]
    return text[start + 1:]


def _references(text):
    """(lab number, quoted names, section numbers) for each ``lab NN`` of a note."""
    refs = []
    for match in re.finditer(r"\blabs? (\d\d)\b(\s*\()?", text):
        inside = _parenthetical(text, match.end() - 1) if match.group(2) else ""
        names = re.findall(r'"([^"]+)"', inside)
        numbers = [int(n) for n in re.findall(r"\bsections? (\d+)\b", inside)]
        refs.append((match.group(1), names, numbers))
    return refs


def _normalise(text):
    text = text.strip().lstrip("#").replace("`", "")
    text = re.sub(r"^\s*\d+\.\s*", "", text)
    return " ".join(text.split()).casefold()


_LAB_CACHE = {}


def _lab(number):
    """The lab folder name and its headings (text without "#"), or None if there is none."""
    if number not in _LAB_CACHE:
        folders = sorted(p.name for p in SOLUTIONS.glob(f"{number}-*") if p.is_dir())
        if len(folders) != 1:
            _LAB_CACHE[number] = None
        else:
            lab = folders[0]
            nb = nbformat.read(SOLUTIONS / lab / f"{lab}.ipynb", as_version=4)
            headings = [line.strip().lstrip("#").strip()
                        for cell in nb.cells if cell.cell_type == "markdown"
                        for line in cell.source.splitlines() if line.lstrip().startswith("#")]
            _LAB_CACHE[number] = (lab, headings)
    return _LAB_CACHE[number]


def _matches(name, heading):
    want, have = _normalise(name), _normalise(heading)
    if have == want:
        return True
    # The heading's leading words, up to a punctuation mark: "The walk-through: ...".
    return have.startswith(want) and re.match(r"\s*[:,;.(—-]", have[len(want):]) is not None


NOTES = _notes()


def test_the_notes_are_found():
    assert len(NOTES) > 30
    assert any(_references(text) for _, text in NOTES)


@pytest.mark.parametrize("where, text", NOTES, ids=[w for w, _ in NOTES])
def test_used_in_names_real_labs_and_headings(where, text):
    problems = []
    for number, names, sections in _references(text):
        lab = _lab(number)
        if lab is None:
            problems.append(f"lab {number} has no single folder solutions/{number}-*")
            continue
        folder, headings = lab
        for name in names:
            if not any(_matches(name, h) for h in headings):
                problems.append(f"lab {number} ({folder}) has no heading {name!r}")
        numbered = {int(m.group(1)) for h in headings if (m := re.match(r"(\d+)\.\s", h))}
        for n in sections:
            if n not in numbered:
                problems.append(f"lab {number} ({folder}) has no section {n}")
    assert not problems, f"{where}: {text}\n" + "\n".join(problems)
