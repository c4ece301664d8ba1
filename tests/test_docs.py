"""The documentation runs as written: every shell and Python block a newcomer would copy.

README.md, docs/*.md and examples/**/*.md are read; their ``sh``/``bash`` and ``python`` blocks run
in order, one document at a time, in a scratch folder holding a copy of ``examples/`` (the docs'
commands run from a clone's root), with this test's virtual environment as the installed package:
``pip install`` lines are not run but checked (the distribution is ``modkit-moderation``, the
extras they name exist and their requirements are installed here). Python blocks of one document
share a namespace, as a reader's session does. A block may be preceded by a visible marker::

    <!-- docs-test: skip (why it cannot run in a test) -->      listed in the test summary
    <!-- docs-test: file NAME -->                                the block is written to NAME
    <!-- docs-test: server PORT -->     runs in the background; later blocks run once PORT
                                        answers; stopped at the end of the document. PORT is
                                        replaced by a free port in this and the later blocks.
    <!-- docs-test: setup                                        code run before the block
    CODE -->                                                     (what a reader supplies)

and followed by ``<!-- docs-test: check CODE -->``, code run after it that asserts what it did (in
the block's language; Python after a ``file`` block).
Every fence must name its language, so that no command hides in an untagged block.

Run as a script (``python tests/test_docs.py PLAN.json``), this file is the runner that the test
starts in the scratch folder.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.metadata
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
import traceback
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DIST = "modkit-moderation"
SHELL_LANGS = frozenset({"sh", "bash", "shell"})
PYTHON_LANGS = frozenset({"python", "py", "python3"})
BLOCK_TIMEOUT = 180.0
SERVER_START_TIMEOUT = 60.0
DOC_TIMEOUT = 900.0
_FENCE = re.compile(r"^(`{3,}|~{3,})\s*([\w+-]*)\s*$")
_MARKER = re.compile(r"<!--\s*docs-test:\s*(\w+)(.*?)-->", re.DOTALL)
_ENV_DROPPED = ("MODKIT_",)  # the docs must set what they need themselves


def documents() -> list[Path]:
    """The markdown files a newcomer reads."""
    docs = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    docs += sorted((REPO / "examples").rglob("*.md"))
    return [d for d in docs if d.is_file()]


# -- parsing -------------------------------------------------------------------------------------


@dataclass
class Marker:
    kind: str
    arg: str
    code: str
    line: int


@dataclass
class Block:
    doc: str
    line: int  # of the opening fence, 1-based
    lang: str
    code: str
    before: list[Marker] = field(default_factory=list)
    after: list[Marker] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.doc}:{self.line}"

    def marker(self, kind: str) -> Marker | None:
        return next((m for m in self.before if m.kind == kind), None)

    @property
    def runnable(self) -> bool:
        return self.lang in SHELL_LANGS or self.lang in PYTHON_LANGS


class DocError(Exception):
    """A document the runner cannot read: an untagged fence, an unknown or misplaced marker."""


def _marker(match: re.Match[str], line: int) -> Marker:
    kind, rest = match.group(1), match.group(2)
    first, _, code = rest.partition("\n")
    arg = first.strip()
    if kind == "skip":
        reason = arg[1:-1].strip() if arg.startswith("(") and arg.endswith(")") else ""
        if not reason:
            raise DocError(f"line {line}: 'docs-test: skip' needs a reason in parentheses")
        arg = reason
    elif kind not in {"file", "server", "setup", "check"}:
        raise DocError(f"line {line}: unknown marker 'docs-test: {kind}'")
    return Marker(kind, arg, textwrap.dedent(code).strip("\n"), line)


def parse(text: str, doc: str) -> list[Block]:
    """Return the fenced blocks of a markdown text, with their markers.

    Raises:
        DocError: an untagged or unclosed fence, a marker attached to nothing, a bad marker.
    """
    lines = text.split("\n")
    blocks: list[Block] = []
    pending: list[Marker] = []
    after_block = False  # only blank lines since the last block closed
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if stripped.startswith("<!--") and "docs-test:" in stripped:
            end = i
            while "-->" not in lines[end]:
                end += 1
                if end == len(lines):
                    raise DocError(f"{doc}:{i + 1}: unclosed marker")
            comment = "\n".join(lines[i : end + 1])
            match = _MARKER.search(comment)
            if match is None:
                raise DocError(f"{doc}:{i + 1}: malformed marker")
            try:
                marker = _marker(match, i + 1)
            except DocError as exc:
                raise DocError(f"{doc}: {exc}") from None
            if marker.kind == "check":
                if not after_block or pending:
                    raise DocError(f"{doc}:{i + 1}: a check marker must follow a block")
                blocks[-1].after.append(marker)
            else:
                pending.append(marker)
            i = end + 1
            continue
        fence = _FENCE.match(stripped)
        if fence and not lines[i].startswith("    "):
            ticks, lang = fence.group(1), fence.group(2).lower()
            end = i + 1
            while end < len(lines) and lines[end].strip() != ticks:
                end += 1
            if end == len(lines):
                raise DocError(f"{doc}:{i + 1}: unclosed code fence")
            if not lang:
                raise DocError(f"{doc}:{i + 1}: a code fence without a language (use sh, text...)")
            blocks.append(Block(doc, i + 1, lang, "\n".join(lines[i + 1 : end]), before=pending))
            pending = []
            after_block = True
            i = end + 1
            continue
        if stripped and pending:
            where = pending[0].line
            raise DocError(f"{doc}:{where}: a docs-test marker must stand right before a block")
        if stripped:
            after_block = False
        i += 1
    if pending:
        raise DocError(f"{doc}:{pending[0].line}: a docs-test marker at the end of the file")
    return blocks


def read_doc(path: Path) -> list[Block]:
    """The blocks of one document (paths relative to the repository)."""
    return parse(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)))


# -- the plan handed to the runner ----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def plan(blocks: Sequence[Block]) -> list[dict[str, Any]]:
    """The steps for the runner: what runs, where it came from, ports already replaced."""
    steps: list[dict[str, Any]] = []
    ports: dict[str, str] = {}

    def ported(code: str) -> str:
        for old, new in ports.items():
            code = re.sub(rf"(?<!\d){old}(?!\d)", new, code)
        return code

    for block in blocks:
        if block.marker("skip"):
            continue
        server = block.marker("server")
        if server is not None:
            ports[server.arg] = str(free_port())
        file = block.marker("file")
        if file is not None:
            steps.append(
                {"kind": "file", "where": block.where, "name": file.arg, "code": block.code}
            )
            for check in block.after:  # Python: a written file has no language of its own to run
                where = f"{block.doc}:{check.line} (check)"
                steps.append({"kind": "python", "where": where, "code": check.code})
            continue
        if not block.runnable:
            continue
        lang = "sh" if block.lang in SHELL_LANGS else "python"
        for setup in (m for m in block.before if m.kind == "setup"):
            steps.append(
                {
                    "kind": lang,
                    "where": f"{block.doc}:{setup.line} (setup)",
                    "code": ported(setup.code),
                }
            )
        step = {"kind": lang, "where": block.where, "code": ported(block.code)}
        if server is not None:
            step.update(kind="server", port=int(ports[server.arg]))
        steps.append(step)
        for check in block.after:
            steps.append(
                {
                    "kind": lang,
                    "where": f"{block.doc}:{check.line} (check)",
                    "code": ported(check.code),
                }
            )
    return steps


# -- the runner (a separate process, in the scratch folder) ---------------------------------------

SHELL_PRELUDE = r"""
pip() { "$DOCS_PYTHON" "$DOCS_RUNNER" pip "$@"; }
python3() {
  if [ "${1-}" = -m ] && [ "${2-}" = pip ]; then shift 2; pip "$@"; else command python3 "$@"; fi
}
python() { python3 "$@"; }
"""


def _extra_requirements(extra: str) -> list[str]:
    names = []
    for req in importlib.metadata.requires(DIST) or []:
        spec, _, marker = req.partition(";")
        if re.search(rf"""extra\s*==\s*["']{re.escape(extra)}["']""", marker):
            names.append(re.split(r"[\s\[<>=!~;]", spec.strip(), maxsplit=1)[0])
    return names


def check_pip(args: Sequence[str]) -> str:
    """What ``pip ARGS`` would install, checked against this environment instead of run.

    Raises:
        AssertionError: an install of the taken name ``modkit``, an unknown extra, or a package
            this environment lacks.
    """
    if not args or args[0] != "install":
        raise AssertionError(f"the docs run 'pip {' '.join(args)}': only pip install is checked")
    checked = []
    for arg in args[1:]:
        if arg.startswith("-"):
            continue
        name, _, extras = arg.partition("[")
        extras = extras.rstrip("]")
        local = name in {".", "./"} or name.endswith(".whl") or "/" in name
        if name == "modkit":
            raise AssertionError("'pip install modkit' installs an unrelated project from PyPI")
        if local or name == DIST:
            importlib.metadata.version(DIST)
            provided = importlib.metadata.metadata(DIST).get_all("Provides-Extra") or []
            for extra in filter(None, (e.strip() for e in extras.split(","))):
                assert extra in provided, f"no extra [{extra}] in {DIST} ({provided})"
                for requirement in _extra_requirements(extra):
                    importlib.metadata.version(requirement)
            checked.append(f"{DIST}[{extras}]" if extras else DIST)
        else:
            importlib.metadata.version(name)  # PackageNotFoundError: not installed here
            checked.append(name)
    return " ".join(checked)


def _wait_for_port(port: int, proc: subprocess.Popen[bytes], where: str) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"{where}: the server exited with {proc.returncode}")
        with socket.socket() as sock:
            sock.settimeout(1.0)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"{where}: nothing answered on port {port}")


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # the session this runner started
    for proc in procs:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def run_plan(path: str) -> int:
    """Run the steps in ``path`` (JSON) in the current folder; 0 when every step passed."""
    steps = json.loads(Path(path).read_text(encoding="utf-8"))
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    servers: list[subprocess.Popen[bytes]] = []
    pids = Path(os.environ["DOCS_PIDS"])
    try:
        for n, step in enumerate(steps):
            where = step["where"]
            print(f"== {where} ({step['kind']})", flush=True)
            if step["kind"] == "file":
                Path(step["name"]).write_text(step["code"] + "\n", encoding="utf-8")
            elif step["kind"] == "python":
                try:
                    exec(compile(step["code"], where, "exec"), namespace)
                except BaseException:
                    traceback.print_exc()
                    print(f"FAILED {where}", flush=True)
                    return 1
            elif step["kind"] == "sh":
                done = subprocess.run(
                    ["bash", "-euo", "pipefail", "-c", SHELL_PRELUDE + step["code"]],
                    timeout=BLOCK_TIMEOUT,
                    check=False,
                    stdin=subprocess.DEVNULL,
                )
                if done.returncode != 0:
                    print(f"FAILED {where}: exit {done.returncode}", flush=True)
                    return 1
            else:  # a server: in its own session, recorded so that the test can stop it
                log = Path(f"server-{n}.log")
                with log.open("wb") as out:
                    proc = subprocess.Popen(
                        ["bash", "-euo", "pipefail", "-c", SHELL_PRELUDE + step["code"]],
                        stdout=out,
                        stderr=subprocess.STDOUT,
                        stdin=subprocess.DEVNULL,
                        start_new_session=True,
                    )
                servers.append(proc)
                with pids.open("a", encoding="utf-8") as out:
                    out.write(f"{proc.pid}\n")
                try:
                    _wait_for_port(step["port"], proc, where)
                except AssertionError as exc:
                    print(log.read_text("utf-8", "replace")[-4000:])
                    print(f"FAILED {exc}", flush=True)
                    return 1
    finally:
        _stop(servers)
    print("ALL PASSED", flush=True)
    return 0


# -- the tests ------------------------------------------------------------------------------------

if __name__ != "__main__":
    import pytest

    def _all_blocks() -> Iterator[Block]:
        for doc in documents():
            yield from read_doc(doc)

    def _skipped() -> list[Block]:
        try:
            return [b for b in _all_blocks() if b.marker("skip")]
        except DocError:  # reported by test_every_document_parses
            return []

    @pytest.fixture
    def scratch(tmp_path: Path) -> Path:
        shutil.copytree(REPO / "examples", tmp_path / "examples")
        return tmp_path

    def _run(blocks: Sequence[Block], folder: Path) -> subprocess.CompletedProcess[str]:
        steps = plan(blocks)
        (folder / ".docs-plan.json").write_text(json.dumps(steps), encoding="utf-8")
        pids = folder / ".docs-pids"
        env = {k: v for k, v in os.environ.items() if not k.startswith(_ENV_DROPPED)}
        bindir = str(Path(sys.executable).parent)
        env.update(
            PATH=os.pathsep.join([bindir, env.get("PATH", "")]),
            DOCS_PYTHON=sys.executable,
            DOCS_RUNNER=str(Path(__file__).resolve()),
            DOCS_PIDS=str(pids),
            PYTHONDONTWRITEBYTECODE="1",
        )
        try:
            return subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), str(folder / ".docs-plan.json")],
                cwd=folder,
                env=env,
                capture_output=True,
                text=True,
                timeout=DOC_TIMEOUT,
                check=False,
            )
        finally:  # servers left by a runner that died: stop them, by the ids it wrote down
            if pids.exists():
                for pid in map(int, pids.read_text().split()):
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(pid, signal.SIGKILL)

    def _untracked_left(folder: Path) -> list[str]:
        """Files the docs' commands left under examples/ that git would not ignore."""
        before = {p.relative_to(REPO).as_posix() for p in (REPO / "examples").rglob("*")}
        left = sorted(
            p.relative_to(folder).as_posix()
            for p in (folder / "examples").rglob("*")
            if p.is_file() and p.relative_to(folder).as_posix() not in before
        )
        if not left or shutil.which("git") is None or not (REPO / ".git").exists():
            return []
        shown = subprocess.run(
            ["git", "check-ignore", "--no-index", "--stdin"],
            cwd=REPO,
            input="\n".join(left),
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        return [p for p in left if p not in shown]

    @pytest.mark.slow
    @pytest.mark.parametrize("doc", documents(), ids=lambda d: str(d.relative_to(REPO)))
    def test_document_runs_as_written(doc: Path, scratch: Path) -> None:
        blocks = read_doc(doc)
        if not any(b.runnable and not b.marker("skip") for b in blocks):
            pytest.skip(f"{doc.relative_to(REPO)}: no shell or Python block to run")
        done = _run(blocks, scratch)
        report = (done.stdout + done.stderr)[-6000:]
        assert done.returncode == 0, report
        assert "ALL PASSED" in done.stdout
        assert _untracked_left(scratch) == [], "files the docs leave in the tree, not ignored"

    @pytest.mark.parametrize("where", [b.where for b in _skipped()] or ["none"])
    def test_blocks_marked_as_not_run(where: str) -> None:
        """One skipped item per marked block, so that the summary lists them with their reason."""
        block = next((b for b in _skipped() if b.where == where), None)
        if block is None:
            pytest.skip("no block is marked 'skip'")
        marker = block.marker("skip")
        assert marker is not None
        pytest.skip(f"{where}: {marker.arg}")

    def test_every_document_parses() -> None:
        for doc in documents():
            read_doc(doc)  # DocError on an untagged fence or a stray marker

    # -- the machinery can fail ------------------------------------------------------------------

    BROKEN = """
# A page

```python
total = 1 + 1
```

```sh
test "$(echo hello)" = hello
```

```python
assert total == 3, "a broken snippet"
```
"""

    def test_a_broken_python_snippet_fails(tmp_path: Path) -> None:
        done = _run(parse(BROKEN, "page.md"), tmp_path)
        assert done.returncode == 1
        assert "FAILED page.md:12" in done.stdout
        assert "a broken snippet" in done.stderr

    def test_a_broken_shell_line_fails(tmp_path: Path) -> None:
        page = "```sh\ntrue\nfalse\necho never\n```\n"
        done = _run(parse(page, "page.md"), tmp_path)
        assert done.returncode == 1
        assert "FAILED page.md:1: exit 1" in done.stdout
        assert "never" not in done.stdout

    def test_pip_install_is_checked_not_run(tmp_path: Path) -> None:
        ok = "```sh\npython3 -m pip install '.[server]' && pip install -e \".[test]\"\n```\n"
        assert _run(parse(ok, "ok.md"), tmp_path).returncode == 0
        for bad in ("pip install 'modkit[server]'", "pip install '.[nope]'", "pip install atheris"):
            done = _run(parse(f"```sh\n{bad}\n```\n", "bad.md"), tmp_path)
            assert done.returncode == 1, bad

    def test_markers(tmp_path: Path) -> None:
        page = """
<!-- docs-test: file hello.toml -->
```toml
name = "hello"
```
<!-- docs-test: check
assert open("hello.toml", encoding="utf-8").read().strip() == 'name = "hello"'
-->

<!-- docs-test: setup
import tomllib
-->
```python
with open("hello.toml", "rb") as fh:
    data = tomllib.load(fh)
```
<!-- docs-test: check
assert data == {"name": "hello"}
-->

<!-- docs-test: skip (an example of a skipped block) -->
```sh
exit 1
```

<!-- docs-test: server 8765 -->
```sh
python3 -m http.server 8765 --bind 127.0.0.1
```

```sh
curl -sf http://127.0.0.1:8765/hello.toml | grep -q hello
```
"""
        blocks = parse(page, "page.md")
        assert [b.lang for b in blocks] == ["toml", "python", "sh", "sh", "sh"]
        assert blocks[2].marker("skip") is not None
        done = _run(blocks, tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
        pids = [int(p) for p in (tmp_path / ".docs-pids").read_text().split()]
        assert len(pids) == 1
        with pytest.raises(ProcessLookupError):
            os.kill(pids[0], 0)  # the server was stopped

    @pytest.mark.parametrize(
        ("page", "message"),
        [
            ("```\nls\n```\n", "without a language"),
            ("<!-- docs-test: skip -->\n```sh\nls\n```\n", "needs a reason"),
            ("<!-- docs-test: skip () -->\n```sh\nls\n```\n", "needs a reason"),
            ("<!-- docs-test: frobnicate -->\n```sh\nls\n```\n", "unknown marker"),
            ("<!-- docs-test: skip (x) -->\nSome text.\n```sh\nls\n```\n", "right before"),
            ("text\n<!-- docs-test: check\nassert 1\n-->\n", "must follow a block"),
            ("```sh\nls\n```\ntext\n<!-- docs-test: check\nls\n-->\n", "must follow a block"),
            ("```sh\nls\n", "unclosed"),
        ],
    )
    def test_malformed_documents_are_errors(page: str, message: str) -> None:
        with pytest.raises(DocError, match=message):
            parse(page, "page.md")


# -- what a newcomer installs --------------------------------------------------------------------

_BLOCKER = """
import importlib.abc, json, sys
ALLOWED = set(json.loads(sys.argv[1]))
class OnlyTheExtra(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if top in ALLOWED or top in sys.stdlib_module_names or top.startswith("_"):
            return None
        raise ModuleNotFoundError(f"{top} is not installed by this extra", name=top)
sys.meta_path.insert(0, OnlyTheExtra())
exec(sys.argv[2])
"""


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement(text: str) -> tuple[str, set[str], str]:
    spec, _, marker = text.partition(";")
    match = re.match(r"\s*([A-Za-z0-9_.-]+)\s*(?:\[([^\]]*)\])?", spec)
    assert match is not None, text
    extras = {e.strip() for e in (match.group(2) or "").split(",") if e.strip()}
    return _norm(match.group(1)), extras, marker


def distributions_of(extras: Sequence[str]) -> set[str]:
    """The distributions ``modkit-moderation[extras]`` pulls in (markers other than extras are
    ignored: a superset, which can only make the check below more lenient)."""
    seen: set[str] = set()
    todo: list[tuple[str, set[str]]] = [(DIST, set(extras))]
    while todo:
        name, wanted = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        for text in requires:
            dep, dep_extras, marker = _requirement(text)
            named = re.findall(r"""extra\s*==\s*["']([^"']+)["']""", marker)
            if not named or set(named) & wanted:
                todo.append((dep, dep_extras))
    return seen


@functools.cache
def _module_owners() -> Mapping[str, list[str]]:
    """Top-level module -> the distributions that install it: one scan of site-packages."""
    return importlib.metadata.packages_distributions()


def import_names(extras: Sequence[str]) -> list[str]:
    """Top-level modules importable with only these extras (and modkit) installed."""
    dists = distributions_of(extras)
    names = {"modkit", "bench"}
    for module, owners in _module_owners().items():
        if any(_norm(owner) in dists for owner in owners):
            names.add(module)
    return sorted(names)


def run_with_only(extras: Sequence[str], code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` where only modkit-moderation[extras] (and the standard library) import."""
    allowed = json.dumps(import_names(extras))
    return subprocess.run(
        [sys.executable, "-c", _BLOCKER, allowed, code],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


if __name__ != "__main__":
    _SOAK = textwrap.dedent(
        """
        import runpy, sys
        sys.argv = ["soak.py", "--help"]
        try:
            runpy.run_path("bench/soak.py", run_name="__main__")
        except SystemExit as exc:
            assert exc.code in (0, None), exc.code
        """
    )

    @pytest.mark.parametrize(
        ("extras", "code"),
        [
            (
                ["server"],
                "import modkit.server._app, uvicorn\n"
                "from modkit.server.testing import redirect_client\n"
                "redirect_client('http://127.0.0.1:9').close()",
            ),
            (["server"], _SOAK),
            (["fastapi"], "import modkit.integrations.fastapi, uvicorn"),
            (["flask"], "import runpy; runpy.run_path('examples/news_site/app.py')"),
        ],
        ids=["server: redirect_client", "server: bench/soak.py", "fastapi: uvicorn", "flask: demo"],
    )
    def test_each_extra_installs_what_its_docs_use(extras: list[str], code: str) -> None:
        done = run_with_only(extras, code)
        assert done.returncode == 0, done.stderr[-3000:]

    def test_the_import_blocker_blocks() -> None:
        done = run_with_only(["flask"], "import starlette")
        assert done.returncode != 0
        assert "not installed by this extra" in done.stderr

    def test_distribution_name_and_version() -> None:
        import modkit

        assert importlib.metadata.version(DIST) == modkit.__version__
        pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
        assert f'name = "{DIST}"' in pyproject

    #: The one private name a reader may meet: the corpus summary, in docs/corpora.md's section on
    #: adding a loader (a contributor's tool, with no public equivalent).
    PRIVATE_NAMES_ALLOWED = ("python -m modkit._datasets",)

    def test_documents_name_no_private_module() -> None:
        """Readers are shown public names only (``modkit.Signal``, not ``modkit._rules.Signal``);
        paths such as ``modkit/_datasets/_informal.py`` may say where code lives."""
        found = []
        for doc in documents():
            for n, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
                rest = line
                for allowed in PRIVATE_NAMES_ALLOWED:
                    rest = rest.replace(allowed, "")
                if re.search(r"\bmodkit\._", rest):
                    found.append(f"{doc.relative_to(REPO)}:{n}: {line.strip()}")
        assert found == []

    def _installs_taken_name(line: str) -> bool:
        """Whether a ``pip install`` on this line names ``modkit`` (with or without extras)."""
        for command in re.findall(r"pip install([^\n`&|;#]*)", line):
            for token in command.split():
                if re.fullmatch(r"modkit(\[[\w,]*\])?", token.strip("'\"")):
                    return True
        return False

    def test_no_install_line_names_the_taken_name() -> None:
        """``pip install modkit`` installs an unrelated PyPI project: nothing may suggest it."""
        sources = [*documents(), *(REPO / "modkit").rglob("*.py"), *(REPO / "examples").rglob("*")]
        sources += [*(REPO / "tests").glob("test_integrations*.py"), REPO / "setup.py"]
        found = []
        for path in sources:
            if path.is_file() and path.suffix in {".md", ".py", ".toml", ".txt"}:
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if _installs_taken_name(line) or re.search(r"(?<![-\w])modkit\[\w", line):
                        found.append(f"{path.relative_to(REPO)}:{n}: {line.strip()}")
        assert found == []

    @pytest.mark.parametrize(
        ("line", "taken"),
        [
            ("pip install 'modkit[server]'", True),
            ("python3 -m pip install modkit", True),
            ('pip install -q "modkit[flask,django]" httpx', True),
            ("pip install 'modkit-moderation[server]'", False),
            ("python3 -m pip install . && modkit check --name A", False),
            ("pip install -e '.[test]'  # modkit tests", False),
        ],
    )
    def test_taken_name_detector(line: str, taken: bool) -> None:
        assert _installs_taken_name(line) is taken

    def _build_py(tree: Path, env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "MODKIT_BUILD_RULES_ONLY"}
        env.update(env_extra)
        return subprocess.run(
            [sys.executable, "setup.py", "-q", "build_py", "--build-lib", "out"],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    @pytest.mark.slow
    def test_the_build_refuses_to_ship_without_a_model(tmp_path: Path) -> None:
        tree = tmp_path / "src"
        tree.mkdir()
        for name in ("setup.py", "pyproject.toml", "README.md", "MANIFEST.in"):
            shutil.copy2(REPO / name, tree / name)
        shutil.copytree(REPO / "modkit", tree / "modkit", ignore=shutil.ignore_patterns("_*data"))
        refused = _build_py(tree, {})
        assert refused.returncode != 0
        assert "MODKIT_BUILD_RULES_ONLY=1" in refused.stdout + refused.stderr
        rules_only = _build_py(tree, {"MODKIT_BUILD_RULES_ONLY": "1"})
        assert rules_only.returncode == 0, rules_only.stderr[-2000:]
        assert (tree / "out" / "modkit" / "__init__.py").is_file()
        assert not (tree / "out" / "modkit" / "_model_data").exists()
        model = REPO / "models" / "default"
        if not (model / "manifest.json").is_file():
            pytest.skip("no models/default in this checkout to build with")
        shutil.copytree(model, tree / "models" / "default")
        shutil.rmtree(tree / "out")
        built = _build_py(tree, {})
        assert built.returncode == 0, built.stderr[-2000:]
        shipped = tree / "out" / "modkit" / "_model_data" / "default"
        wanted = {"model.joblib", "manifest.json", "REPORT.md"}
        expected = sorted(p.name for p in model.iterdir() if p.name in wanted)
        assert sorted(p.name for p in shipped.iterdir()) == expected


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "pip":
        try:
            print(f"(docs test: pip not run; installed here: {check_pip(sys.argv[2:])})")
        except (AssertionError, importlib.metadata.PackageNotFoundError) as exc:
            print(f"pip {' '.join(sys.argv[2:])}: {type(exc).__name__}: {exc}", file=sys.stderr)
            raise SystemExit(1) from None
        raise SystemExit(0)
    raise SystemExit(run_plan(sys.argv[1]))
