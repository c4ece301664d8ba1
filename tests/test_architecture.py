"""The layers of docs/architecture.md hold: every module has a place, and imports point down.

The table in docs/architecture.md is the single source: this test parses it, then the imports of
every module of ``modkit/`` (top level, lazy and ``TYPE_CHECKING`` ones alike).
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "modkit"
DOC = ROOT / "docs" / "architecture.md"
MAX_LINES = 1000

# Known exceptions and the change that removes each: an entry that no longer applies fails the
# test too (with a message saying to delete it), so none outlives its reason.
PENDING_PRIVATE_IMPORTS: dict[tuple[str, str], str] = {}
PENDING_OVERSIZE: dict[str, str] = {}


@dataclass(frozen=True)
class Part:
    """One row of the layer table."""

    layer: int
    name: str
    patterns: tuple[str, ...]

    def __str__(self) -> str:
        return f"layer {self.layer} ({self.name})"


def parts(doc: str) -> list[Part]:
    rows = re.findall(r"^\|\s*(\d+)\s*\|\s*([^|]+?)\s*\|([^|]+)\|", doc, flags=re.MULTILINE)
    return [Part(int(n), name, tuple(re.findall(r"`([^`]+)`", files))) for n, name, files in rows]


PARTS = parts(DOC.read_text(encoding="utf-8"))


def dotted(rel: str) -> str:
    """The dotted name of a file: ``server/_app.py`` is ``modkit.server._app``."""
    parts = ["modkit", *Path(rel).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_files() -> dict[str, str]:
    """Dotted module name -> path relative to ``modkit/`` (``server/_app.py``)."""
    rels = [path.relative_to(PACKAGE).as_posix() for path in sorted(PACKAGE.rglob("*.py"))]
    return {dotted(rel): rel for rel in rels}


MODULES = module_files()


def place(rel: str) -> list[Part]:
    return [p for p in PARTS if any(fnmatch(rel, pattern) for pattern in p.patterns)]


def source_of(rel: str) -> str:
    return (PACKAGE / rel).read_text(encoding="utf-8")


Import = tuple[int, str, tuple[str, ...]]


@functools.cache
def imports(rel: str, source: str) -> tuple[Import, ...]:
    """Every modkit import of a module: (line, module imported, names taken from it)."""
    package = dotted(rel) if rel.endswith("__init__.py") else dotted(rel).rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name, ()) for a in node.names if a.name.startswith("modkit")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            if module != "modkit" and not module.startswith("modkit."):
                continue
            names = []
            for alias in node.names:
                if f"{module}.{alias.name}" in MODULES:  # a submodule
                    found.append((node.lineno, f"{module}.{alias.name}", ()))
                else:
                    names.append(alias.name)
            if names:
                found.append((node.lineno, module, tuple(names)))
    return tuple(found)


def layer_violations(rel: str, source: str) -> list[str]:
    """The imports of ``rel`` that go up or sideways (an unplaced module is reported elsewhere)."""
    mine = place(rel)
    out = []
    for line, module, _ in imports(rel, source):
        theirs = place(MODULES.get(module, ""))
        if len(mine) != 1 or len(theirs) != 1:
            continue
        [mine_part], [their_part] = mine, theirs
        if their_part != mine_part and their_part.layer >= mine_part.layer:
            way = "sideways" if their_part.layer == mine_part.layer else "upwards"
            out.append(f"modkit/{rel}:{line} ({mine_part}) imports {module} ({their_part}): {way}")
    return out


def private_imports(rel: str, source: str) -> list[tuple[str, str]]:
    """(module, name) for each ``_name`` this module takes from another module."""
    own = dotted(rel)
    return [
        (module, name)
        for _, module, names in imports(rel, source)
        for name in names
        if name.startswith("_") and not name.startswith("__") and module != own
    ]


def test_the_table_has_the_layers_in_order() -> None:
    assert len(PARTS) >= 8
    assert [p.layer for p in PARTS] == sorted(p.layer for p in PARTS)
    assert len({p.name for p in PARTS}) == len(PARTS)
    assert all(p.patterns for p in PARTS)


@pytest.mark.parametrize("rel", sorted(MODULES.values()))
def test_every_module_has_one_place(rel: str) -> None:
    found = place(rel)
    assert found, (
        f"modkit/{rel} is in no layer: add it to the 'files' column of the row it belongs to in "
        f"the layer table of docs/architecture.md (or a new row)"
    )
    assert len(found) == 1, f"modkit/{rel} matches several rows: {', '.join(map(str, found))}"


def test_imports_point_down_the_layers() -> None:
    bad = []
    for rel in MODULES.values():
        bad += layer_violations(rel, source_of(rel))
    assert bad == [], "\n".join(bad)


@pytest.mark.parametrize(
    ("rel", "source", "wrong"),
    [
        ("_store.py", "from modkit._rules import Signal", True),  # upwards
        ("_model.py", "def f():\n    from modkit import _store", True),  # sideways, lazy
        ("_rules.py", "if TYPE_CHECKING:\n    import modkit", True),  # upwards, for types only
        ("server/_app.py", "from modkit._datasets import guess_lang", True),  # sibling part
        ("_rules.py", "from modkit._store import History", False),
        ("_rules.py", "from modkit._policy import Policy", False),  # same row
        ("_datasets/_spam.py", "from ._rows import Row\nfrom .. import _lang", False),
        ("_cli.py", "from modkit import _batch_cli, _serve_cli", False),
    ],
)
def test_the_layer_check_catches_a_wrong_import(rel: str, source: str, wrong: bool) -> None:
    assert bool(layer_violations(rel, source)) is wrong


def test_no_module_takes_a_private_name_of_another() -> None:
    found = {}
    for rel in MODULES.values():
        for module, name in private_imports(rel, source_of(rel)):
            found.setdefault((rel, module), []).append(name)
    unexpected = {k: v for k, v in found.items() if k not in PENDING_PRIVATE_IMPORTS}
    assert unexpected == {}, "give these names a public name in the module that owns them"
    stale = set(PENDING_PRIVATE_IMPORTS) - set(found)
    assert not stale, f"fixed: delete {sorted(stale)} from PENDING_PRIVATE_IMPORTS"


def test_the_private_name_check_catches_one() -> None:
    source = "from modkit._submission import _email_validator, validate\nfrom modkit import _cli"
    assert private_imports("_moderator.py", source) == [("modkit._submission", "_email_validator")]
    from_package = private_imports("_datasets/__init__.py", "from ._files import _LOADERS, table")
    assert from_package == [("modkit._datasets._files", "_LOADERS")]


@pytest.mark.parametrize("rel", sorted(MODULES.values()))
def test_every_module_is_small_and_says_what_it_is_for(rel: str) -> None:
    source = source_of(rel)
    assert ast.get_docstring(ast.parse(source)), f"modkit/{rel} has no docstring"
    lines = len(source.splitlines())
    if rel in PENDING_OVERSIZE:
        assert lines > MAX_LINES, f"modkit/{rel} is small now: delete it from PENDING_OVERSIZE"
    else:
        assert lines <= MAX_LINES, f"modkit/{rel} has {lines} lines: split it by concern"
