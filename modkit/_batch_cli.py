"""``modkit score``: score a comment export, one decision row per comment.

Registered in :mod:`modkit._cli` as ``Command("score", HELP, add_arguments, run)``; also runs on
its own as ``python -m modkit._batch_cli INPUT ...``.

Exit codes: 0 every row scored (some may be ``invalid``); 3 some input rows could not be read
(error rows written, e.g. malformed lines or truncated XML), or a non-empty input in which no
comment was found (the likely cause is printed); 4 the model cannot be loaded;
5 configuration or I/O error, or rows read and written differ; 2 usage; 130 interrupted (the
output holds complete rows only: run again with ``--resume``).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, Any, TextIO

from modkit._batch import (
    FIELD_ALIASES,
    FORMATS,
    OUTPUT_FORMATS,
    Record,
    ScoreOptions,
    output_format_for,
    read_records,
    resume_output,
    score_records,
    writer_for,
)
from modkit._errors import ConfigError, ModelError
from modkit._report import Summary

__all__ = ["HELP", "add_arguments", "add_parser", "main", "run"]

HELP = "score a comment export (CSV, JSONL, WordPress WXR, Disqus XML): one decision row each"

#: Seconds between two redraws of the progress line.
PROGRESS_INTERVAL = 0.25

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_MODEL = 4
EXIT_CONFIG = 5
EXIT_INTERRUPTED = 130


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``score`` options to ``parser``."""
    parser.add_argument("input", metavar="INPUT", help="the export file ('-': standard input)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUTPUT",
        help="output file, .csv or .jsonl (default: CSV on standard output)",
    )
    parser.add_argument(
        "--format",
        choices=("auto", *FORMATS),
        default="auto",
        help="input format (default: from the extension, else the first bytes)",
    )
    parser.add_argument(
        "--output-format", choices=OUTPUT_FORMATS, help="output format (default: by extension)"
    )
    parser.add_argument(
        "-j", "--jobs", type=_positive_int, default=1, help="worker processes (default: 1)"
    )
    parser.add_argument(
        "--chunk-size",
        type=_positive_int,
        default=512,
        help="comments per scorer call (default: 512)",
    )
    parser.add_argument("--policy", metavar="FILE.toml", help="site policy (TOML)")
    parser.add_argument("--model", metavar="DIR", help="model folder (default: the shipped model)")
    parser.add_argument(
        "--rules-only", action="store_true", help="no model: rules only (unscored comments hold)"
    )
    parser.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=NAME",
        help=f"CSV/JSONL column for a field (repeatable); fields: {', '.join(FIELD_ALIASES)}",
    )
    parser.add_argument("--delimiter", help="CSV delimiter (default: sniffed from the header)")
    parser.add_argument("--encoding", default="utf-8", help="CSV/JSONL encoding (default: utf-8)")
    parser.add_argument(
        "--no-fill-missing",
        dest="fill_missing",
        action="store_false",
        help="treat a missing author name or email as invalid instead of scoring the text",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run: keep OUTPUT's complete rows, skip that many inputs",
    )
    parser.add_argument("--report", metavar="FILE.html", help="write an HTML report")
    parser.add_argument(
        "--summary",
        choices=("text", "json", "none"),
        default="text",
        help="summary on standard error at the end (default: text)",
    )
    parser.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on standard error (auto: when it is a terminal)",
    )
    parser.add_argument(
        "--start-method",
        choices=("fork", "spawn", "forkserver"),
        help="how worker processes start (default: fork where safe, else spawn)",
    )


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``score`` on a ``modkit`` subparsers object."""
    parser = subparsers.add_parser("score", help=HELP, description=HELP)
    add_arguments(parser)
    parser.set_defaults(_run=run)


def _columns(items: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise ConfigError(f"--column takes FIELD=NAME, got {item!r}")
        out[key.strip()] = value.strip()
    return out


class _Progress:
    """``rows  rows/s  %  ETA`` on one terminal line, redrawn every :data:`PROGRESS_INTERVAL`."""

    def __init__(
        self, stream: TextIO, *, enabled: bool, fraction: Callable[[], float | None]
    ) -> None:
        self.stream = stream
        self.enabled = enabled
        self.fraction = fraction
        self.start = time.monotonic()
        self.last = self.start  # first drawn after one interval

    def update(self, rows: int, new_rows: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < PROGRESS_INTERVAL:
            return
        self.last = now
        self._draw(rows, new_rows, now, self.fraction(), final=False)

    def finish(self, rows: int, new_rows: int, *, complete: bool) -> None:
        """Draw the last line, kept on screen: every row read (100 % when ``complete``)."""
        if self.enabled:
            frac = 1.0 if complete else self.fraction()
            self._draw(rows, new_rows, time.monotonic(), frac, final=True)
            self.stream.write("\n")
            self.stream.flush()

    def _draw(
        self, rows: int, new_rows: int, now: float, frac: float | None, *, final: bool
    ) -> None:
        elapsed = max(now - self.start, 1e-9)
        text = f"{rows:>12,} rows  {new_rows / elapsed:>9,.0f} rows/s"
        if frac is not None and frac > 0:
            text += f"  {100 * frac:5.1f}%"
            if not final:
                text += f"  ETA {_hms(elapsed * (1 - frac) / frac)}"
        if final:
            text += f"  in {_hms(elapsed)}"
        self.stream.write("\r" + text + "\x1b[K")
        self.stream.flush()


def _hms(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    def handler(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: let the clean-up finish
        raise KeyboardInterrupt  # not an Exception: no `except Exception` on the way swallows it

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _err(message: str) -> None:
    print(f"modkit score: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Run ``modkit score`` with parsed ``args``; returns the exit code."""
    try:
        with _sigterm_as_interrupt():
            return _run(args)
    except ModelError as exc:
        _err(f"model error: {exc}")
        return EXIT_MODEL
    except ConfigError as exc:
        _err(str(exc))
        return EXIT_CONFIG
    except LookupError as exc:  # unknown --encoding
        _err(str(exc))
        return EXIT_CONFIG
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        _err(f"{exc.strerror or exc}{where}")
        return EXIT_CONFIG


def _policy(path: str | None) -> Any:
    if path is None:
        return None
    from modkit._policy import Policy

    return Policy.from_toml(path)


def _run(args: argparse.Namespace) -> int:
    columns = _columns(args.column)
    out_path = None if args.output in (None, "-") else args.output
    out_fmt = args.output_format or output_format_for(out_path)
    if args.resume and out_path is None:
        raise ConfigError("--resume needs -o OUTPUT (the output file is the checkpoint)")
    if args.rules_only and args.model:
        raise ConfigError("give either --model or --rules-only, not both")
    if out_path is not None and args.input != "-" and _same_file(args.input, out_path):
        raise ConfigError("the output would overwrite the input: choose another -o")
    options = ScoreOptions(
        policy=_policy(args.policy),
        model=args.model,
        rules_only=args.rules_only,
        fill_missing=args.fill_missing,
    )
    summary = Summary()
    done, has_header = 0, False
    last_done: list[int] = []
    if args.resume and out_path is not None:

        def on_row(row: Any) -> None:
            summary.add(row)
            last_done[:] = [row.position]

        done, has_header = resume_output(out_path, out_fmt, on_row)

    with contextlib.ExitStack() as stack:
        if args.input == "-":
            source: IO[bytes] = sys.stdin.buffer
            name = None
            size = None
        else:
            source = stack.enter_context(open(args.input, "rb"))
            name = args.input
            size = os.fstat(source.fileno()).st_size
        has_input = _has_input(source, size)
        records = read_records(
            source,
            format=args.format,
            name=name,
            columns=columns,
            encoding=args.encoding,
            delimiter=args.delimiter,
        )
        counted = _Counter(records)
        todo = _skip(counted, done, last_done[0] if last_done else None)
        if out_path is None:
            out: IO[str] = sys.stdout
        else:
            mode = "a" if args.resume else "w"
            out = stack.enter_context(open(out_path, mode, encoding="utf-8", newline=""))
        writer = writer_for(out_fmt, out)
        if not has_header:
            writer.write_header()
        enabled = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
        progress = _Progress(sys.stderr, enabled=enabled, fraction=_fraction(source, size))
        interrupted = False
        rows = score_records(
            todo,
            options,
            jobs=args.jobs,
            chunk_size=args.chunk_size,
            start_method=args.start_method,
        )
        first_error: str | None = None
        complete = False
        try:
            for row in rows:
                writer.write(row)
                summary.add(row)
                if first_error is None and row.action == "error":
                    first_error = f"{row.error}: {row.detail}"
                progress.update(done + writer.count, writer.count)
            complete = True
        except KeyboardInterrupt:
            interrupted = True
        finally:
            rows.close()  # stops the worker processes, if any
            writer.flush()
            # Every row read (the rows skipped by --resume included), written by now.
            progress.finish(counted.count, writer.count, complete=complete)
        if interrupted:
            _err(
                f"interrupted after {done + writer.count:,} rows; run again with --resume "
                "to continue"
            )
            return EXIT_INTERRUPTED
    summary.rows_read = counted.count
    summary.rows_written = done + writer.count
    _print_summary(summary, args.summary)
    if args.report:
        Path(args.report).write_text(
            summary.render_html(source=Path(args.input).name if name else "standard input"),
            encoding="utf-8",
        )
    if not summary.counts_match:
        _err(f"rows read ({summary.rows_read:,}) and written ({summary.rows_written:,}) differ")
        return EXIT_CONFIG
    if summary.rows_read == 0 and has_input:
        _err(
            "no comment read from a non-empty input: it holds only blank lines or whitespace "
            "(a wrong file, or a wrong --encoding?)"
        )
        return EXIT_INPUT
    if summary.rows and summary.actions["error"] == summary.rows and first_error is not None:
        _err(f"no comment read: {first_error}")
    return EXIT_INPUT if summary.errors else EXIT_OK


def _has_input(source: IO[bytes], size: int | None) -> bool:
    """Whether ``source`` holds at least one byte (without consuming it)."""
    if size:
        return True
    peek = getattr(source, "peek", None)
    return bool(peek(1)) if callable(peek) else size is None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # the output does not exist yet (or the input does not: reported later)
        return False


class _Counter:
    """Counts the records pulled from ``records``."""

    def __init__(self, records: Iterator[Record]) -> None:
        self.records = records
        self.count = 0

    def __iter__(self) -> Iterator[Record]:
        for record in self.records:
            self.count += 1
            yield record


def _skip(records: Iterator[Record] | _Counter, n: int, last: int | None) -> Iterator[Record]:
    """Skip the ``n`` records already in the output; the ``n``-th must sit at ``last``.

    Raises:
        ConfigError: the input has fewer records, or the positions disagree (another input).
    """
    it = iter(records)
    record = None
    for _ in range(n):
        record = next(it, None)
        if record is None:
            raise ConfigError(
                f"the output already has {n:,} rows but the input has fewer: not the same input"
            )
    if record is not None and last is not None and record.position != last:
        raise ConfigError(
            f"row {n:,} of the output is at position {last} but the input's is at "
            f"{record.position}: not the same input or options"
        )
    return it


def _fraction(source: IO[bytes], size: int | None) -> Callable[[], float | None]:
    if not size:
        return lambda: None
    try:
        fd = source.fileno()
    except (OSError, io.UnsupportedOperation):
        return lambda: None

    def fraction() -> float | None:
        try:
            return min(os.lseek(fd, 0, os.SEEK_CUR) / size, 1.0)
        except OSError:
            return None

    return fraction


def _print_summary(summary: Summary, kind: str) -> None:
    if kind == "text":
        print(summary.format_text(), file=sys.stderr)
    elif kind == "json":
        print(json.dumps(summary.to_dict(), ensure_ascii=False), file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    """A stand-alone parser for ``score`` (for ``python -m modkit._batch_cli``)."""
    parser = argparse.ArgumentParser(prog="modkit score", description=HELP)
    add_arguments(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``modkit score`` from ``argv``; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return run(args)
    except KeyboardInterrupt:  # pragma: no cover - interactive
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
