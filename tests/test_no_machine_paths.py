"""No file of the repository names a folder of the machine it was written on.

A regime, a test or a doc that names an absolute path under the work, tmp, root or home
folders of one machine (the seed texts' folder, a test's scratch file) means nothing in a
clone elsewhere, and says where someone's files were. The rule, over every tracked text
file: an absolute path is a ``/`` not preceded by a name character, ``.``, ``~`` or ``-``
(so neither ``./tmp/x`` nor a URL's ``host/home/x``), then one of those four folders, a
``/`` and more — ``file:///`` URLs and store URLs included. The one exception: the docs
(``docs/*.md``, ``README.md``) may show a user's home folder (``/home`` and a made-up
user's name) as an example of where a user keeps their own files. Tests write in
``tmp_path``; seeds are named by file name, as SEEDS.md names them.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from paths import ROOT

MACHINE_PATH = re.compile(r"(?<![\w.~-])/(work|tmp|root|home)/\S")


def _tracked() -> list[str]:
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                                check=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"not a git checkout, or no git ({error}): the tracked files are unknown")
    return [name for name in listed.decode("utf-8").split("\0") if name]


def _is_doc(name: str) -> bool:
    return name == "README.md" or (name.startswith("docs/") and name.endswith(".md"))


def machine_paths(name: str, text: str) -> list[str]:
    """The machine paths in ``text`` of file ``name`` that the rule refuses."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for match in MACHINE_PATH.finditer(line):
            if match.group(1) == "home" and _is_doc(name):
                continue
            found.append(f"{name}:{number}: {line.strip()[:120]}")
    return found


def test_no_tracked_file_names_a_folder_of_this_machine():
    found = []
    for name in _tracked():
        path = ROOT / name
        if not path.is_file():
            continue  # deleted in the working tree, not yet committed
        data = path.read_bytes()
        if b"\0" in data:
            continue  # binary
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        found += machine_paths(name, text)
    assert found == []


@pytest.mark.parametrize(("name", "text", "refused"), [
    ("jurisdictions/x.resp", "# 依据 /" + "work/shared/seeds/000_a.txt", True),
    ("tests/test_x.py", 'URL = "sqlite:///' + 'tmp/x.db"', True),
    ("src/respons/x.py", "# in /" + "tmp, say", False),
    ("docs/configuration.md", "from /" + "home/chen/province/respons.toml", False),
    ("tests/test_x.py", "/" + "home/chen/respons.toml", True),
    ("docs/x.md", "see /" + "root/.cache/x", True),
    ("docs/x.md", "https://example.org/" + "home/x and ./" + "tmp/y", False),
])
def test_the_rule(name, text, refused):
    assert bool(machine_paths(name, text)) == refused
