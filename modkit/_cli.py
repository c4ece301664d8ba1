"""The ``modkit`` command line.

Exit codes (every subcommand):

====  ==========================================================================================
0     success (for ``check``: the decision was printed, whatever the action, unless ``--fail-on``)
1     ``check --fail-on hold|reject``: some action was at least that severe
2     usage error (unknown option, missing argument)
3     invalid input: the form does not validate, or the JSON cannot be read
4     model error: the default model cannot be loaded (try ``--rules-only``) or the scorer failed
5     configuration or store error: bad policy file, missing secret for ``--db``, store failure
====  ==========================================================================================

Subcommands are listed in :data:`COMMANDS`; each is a :class:`Command` with a function adding
its options to an ``argparse`` parser and a function running it (``run(args) -> exit code``).
Adding one is one line in that list.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from modkit._version import __version__

__all__ = [
    "COMMANDS",
    "EXIT_ACTION",
    "EXIT_CONFIG",
    "EXIT_INVALID",
    "EXIT_MODEL",
    "EXIT_OK",
    "EXIT_USAGE",
    "Command",
    "build_parser",
    "main",
]

EXIT_OK = 0
EXIT_ACTION = 1
EXIT_USAGE = 2
EXIT_INVALID = 3
EXIT_MODEL = 4
EXIT_CONFIG = 5


@dataclass(frozen=True)
class Command:
    """One subcommand: ``modkit NAME ...``."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


# -- check -----------------------------------------------------------------------------------------


def _add_check(parser: argparse.ArgumentParser) -> None:
    form = parser.add_argument_group("the comment (or --json)")
    form.add_argument("--name", help="author name")
    form.add_argument("--email", help="author email (never printed)")
    form.add_argument("--url", help="author website")
    form.add_argument("--text", help="comment text ('-' reads it from standard input)")
    form.add_argument("--ip", help="author IP address (never printed)")
    form.add_argument("--post-id", dest="post_id", help="id of the post commented on")
    form.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="any other form field, e.g. --field user_agent=... (repeatable)",
    )
    form.add_argument(
        "--json",
        metavar="FILE",
        help="read the form from a JSON file ('-' for standard input): an object, or a list "
        "of objects checked as one batch",
    )
    opts = parser.add_argument_group("moderation")
    opts.add_argument("--lang", choices=("fr", "en"), help="language of messages")
    opts.add_argument("--policy", metavar="FILE.toml", help="policy file (TOML)")
    opts.add_argument(
        "--rules-only", action="store_true", help="run without the model (unscored comments hold)"
    )
    opts.add_argument(
        "--db",
        metavar="FILE",
        help="SQLite store for duplicates, flood and trusted authors (needs MODKIT_SECRET)",
    )
    opts.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    opts.add_argument(
        "--fail-on",
        choices=("hold", "reject"),
        help="exit with 1 when an action is at least this severe",
    )


def _read_json(source: str) -> Any:
    if source == "-":
        return json.load(sys.stdin)
    with open(source, encoding="utf-8") as fh:
        return json.load(fh)


def _form_from_args(args: argparse.Namespace) -> dict[str, Any] | list[Any] | None:
    """Return the form(s) to check, or print an error and return None."""
    fields = ("name", "email", "url", "text", "ip", "post_id")
    given = {f: getattr(args, f) for f in fields if getattr(args, f) is not None}
    if args.json is not None:
        if given or args.field:
            print("error: give either --json or the field options, not both", file=sys.stderr)
            return None
        try:
            data = _read_json(args.json)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            print(f"error: cannot read JSON from {args.json}: {_short(exc)}", file=sys.stderr)
            return None
        if not isinstance(data, dict | list) or (
            isinstance(data, list) and not all(isinstance(item, dict) for item in data)
        ):
            print("error: the JSON must be an object or a list of objects", file=sys.stderr)
            return None
        return data
    if given.get("text") == "-":
        given["text"] = sys.stdin.read()
    for item in args.field:
        key, sep, value = item.partition("=")
        if not sep or not key:
            print(f"error: --field takes KEY=VALUE, not {item!r}", file=sys.stderr)
            return None
        given[key.strip()] = value
    return given


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def _print_decision(decision: Any, out: TextIO) -> None:
    print(f"action: {decision.action.value}", file=out)
    print("reasons:", file=out)
    for reason in decision.reasons:
        print(f"  - {reason.code} ({reason.action.value}): {reason.message}", file=out)
    if decision.scores:
        scores = ", ".join(f"{k} {v:.3f}" for k, v in sorted(decision.scores.items()))
    else:
        scores = "none (rules only)"
    print(f"scores: {scores}", file=out)
    if decision.model_version:
        print(f"model: {decision.model_version}", file=out)
    print(f"id: {decision.id}", file=out)


def _print_invalid(exc: Any, out: TextIO) -> None:
    print("invalid submission:", file=out)
    for err in exc.errors:
        print(f"  - {err.field} ({err.code}): {err.message}", file=out)


def _startup_error(exc: Exception) -> int:
    from modkit._errors import ModelError

    print(f"error: {exc}", file=sys.stderr)
    if isinstance(exc, ModelError):
        print("hint: run with --rules-only to check without the model", file=sys.stderr)
        return EXIT_MODEL
    return EXIT_CONFIG


def _run_check(args: argparse.Namespace) -> int:
    from modkit._errors import ConfigError, ModelError, StoreError, ValidationError
    from modkit._moderator import Moderator
    from modkit._policy import Policy
    from modkit._store import SQLiteStore, Store

    forms = _form_from_args(args)
    if forms is None:
        return EXIT_INVALID
    store: Store | None = None
    try:
        policy = Policy.from_toml(args.policy) if args.policy else Policy()
        secret: bytes | None = None
        if args.db is None and not os.environ.get("MODKIT_SECRET"):
            secret = secrets.token_bytes(32)  # one-shot, in-memory: no stable secret needed
        store = SQLiteStore(args.db) if args.db else None
        moderator = Moderator(
            policy=policy, store=store, rules_only=args.rules_only, secret=secret, lang=args.lang
        )
    except (ModelError, ConfigError, StoreError) as exc:
        if store is not None:
            store.close()
        return _startup_error(exc)

    with moderator:
        try:
            if isinstance(forms, list):
                results = moderator.check_many(forms)
            else:
                results = [moderator.check(forms)]
        except ValidationError as exc:
            results = [exc]
        except ModelError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_MODEL
        except (ConfigError, StoreError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_CONFIG

    invalid = any(isinstance(r, ValidationError) for r in results)
    if args.format == "json":
        payload = [r.to_dict() for r in results]
        json.dump(payload if isinstance(forms, list) else payload[0], sys.stdout, indent=2)
        print()
    else:
        for i, r in enumerate(results):
            if i:
                print()
            if isinstance(r, ValidationError):
                _print_invalid(r, sys.stdout if isinstance(forms, list) else sys.stderr)
            else:
                _print_decision(r, sys.stdout)
    if invalid and not isinstance(forms, list):
        return EXIT_INVALID
    if args.fail_on:
        limit = 1 if args.fail_on == "hold" else 2
        decided = [r for r in results if not isinstance(r, ValidationError)]
        if any(d.action.severity >= limit for d in decided):
            return EXIT_ACTION
    return EXIT_INVALID if invalid else EXIT_OK


#: The subcommands. Others (score, train, serve, eval) are added here, one line each.
def _add_score(parser: argparse.ArgumentParser) -> None:
    from modkit import _batch_cli

    _batch_cli.add_arguments(parser)


def _run_score(args: argparse.Namespace) -> int:
    from modkit import _batch_cli

    return _batch_cli.run(args)


def _add_serve(parser: argparse.ArgumentParser) -> None:
    from modkit import _serve_cli

    _serve_cli.add_arguments(parser)


def _run_serve(args: argparse.Namespace) -> int:
    from modkit import _serve_cli

    return _serve_cli.run(args)


def _add_train(parser: argparse.ArgumentParser) -> None:
    from modkit import _training_cli

    _training_cli.add_arguments(parser)


def _run_train(args: argparse.Namespace) -> int:
    from modkit import _training_cli

    return _training_cli.run(args)


COMMANDS: list[Command] = [
    Command(
        "check", "check one comment (or a batch) and print the decision", _add_check, _run_check
    ),
    Command(
        "score",
        "score a comment export (CSV, JSONL, WordPress WXR, Disqus XML): one decision row each",
        _add_score,
        _run_score,
    ),
    Command(
        "serve",
        "serve modkit's JSON, Akismet and Perspective APIs over HTTP (extra: server)",
        _add_serve,
        _run_serve,
    ),
    Command("train", "train the scoring model (same as python train.py)", _add_train, _run_train),
]


def build_parser(commands: Sequence[Command] | None = None) -> argparse.ArgumentParser:
    """Return the ``modkit`` argument parser with a subparser per command."""
    parser = argparse.ArgumentParser(
        prog="modkit",
        description="Self-hosted comment moderation (French and English).",
        epilog="Exit codes: 0 ok, 1 --fail-on matched, 2 usage, 3 invalid input, 4 model error, "
        "5 configuration or store error.",
    )
    parser.add_argument("--version", action="version", version=f"modkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS if commands is None else commands:
        p = sub.add_parser(command.name, help=command.help, description=command.help)
        command.add_arguments(p)
        p.set_defaults(_run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``modkit`` command line; returns the exit code (see the module docstring)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "_run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    return run(args)
