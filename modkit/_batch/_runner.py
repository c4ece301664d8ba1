"""The batch runner: scores records in chunks, in this process or in worker processes.

:func:`score_records` scores records in chunks (one ``score_many`` per chunk) in this process or in
``jobs`` worker processes, each building its :class:`~modkit.Moderator` (and so loading the model)
once, and yields one :class:`ResultRow` per record, in input order. Result rows never hold an email
address or an IP address: only ids, status, action, scores and reason codes.
"""

from __future__ import annotations

import itertools
import multiprocessing
import pickle
import secrets
import signal
import threading
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from modkit._batch._records import ANONYMOUS_EMAIL, ANONYMOUS_NAME, Record, ResultRow
from modkit._errors import ConfigError, ModelError, ModkitError, ValidationError
from modkit._submission import EmailCache, email_cache

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from modkit._moderator import Moderator
    from modkit._policy import Policy
    from modkit._scorer_protocol import ScorerProtocol

__all__ = ["EMAIL_CACHE_SIZE", "BatchScorer", "ScoreOptions", "score_records"]

_ROUND: Final = 6
#: Distinct email addresses whose validation outcome a batch scorer keeps (about 2 MB).
EMAIL_CACHE_SIZE: Final = 8192


@dataclass(frozen=True)
class ScoreOptions:
    """How records are scored; picklable, sent once to each worker process.

    ``scorer``: a ready scorer object (pickled to workers); else the model folder ``model`` (else
    the shipped default model) is loaded in each worker, unless ``rules_only``. ``fill_missing``:
    score comments whose export lacks the author name or email (see :data:`ANONYMOUS_EMAIL`).
    ``policy`` travels as :meth:`Policy.to_dict` (a subclass's overridden hooks do not).
    """

    policy: Policy | None = None
    model: str | None = None
    scorer: Any = None
    rules_only: bool = False
    lang: str | None = None
    fill_missing: bool = True

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        if self.policy is not None:
            state["policy"] = self.policy.to_dict()
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        policy = state.get("policy")
        if isinstance(policy, dict):
            from modkit._policy import Policy

            state = {**state, "policy": Policy.from_dict(policy)}
        self.__dict__.update(state)


def _load_scorer(options: ScoreOptions) -> ScorerProtocol | None:
    if options.scorer is not None:
        scorer: ScorerProtocol = options.scorer
        return scorer
    if options.rules_only:
        return None
    if options.model is None:
        return None  # Moderator loads the shipped default model (cached per process)
    try:
        from modkit._model import Scorer
    except ImportError as exc:  # pragma: no cover - the model module ships with modkit
        raise ModelError(f"the model module is not available ({exc})") from exc
    loaded: ScorerProtocol = Scorer.load(options.model)
    return loaded


class BatchScorer:
    """Scores chunks of records with one :class:`~modkit.Moderator` (built once).

    Decisions are not recorded in the store, so a row's decision does not depend on the rows
    before it (chunking, ``jobs`` and Spark partitions give the same output). Each distinct email
    address is validated once per scorer (a bounded cache of :data:`EMAIL_CACHE_SIZE` addresses,
    held in memory only: outcomes are the same as without it).

    Raises:
        ModelError: the model cannot be loaded.
    """

    def __init__(self, options: ScoreOptions) -> None:
        from modkit._moderator import Moderator

        self.options = options
        scorer = _load_scorer(options)
        self.moderator: Moderator = Moderator(
            policy=options.policy,
            scorer=scorer,
            rules_only=options.rules_only and scorer is None,
            secret=secrets.token_bytes(32),
            lang=options.lang,
        )
        self._emails = EmailCache(EMAIL_CACHE_SIZE)

    def _form(self, record: Record) -> Mapping[str, Any]:
        form = record.form
        if not self.options.fill_missing:
            return form
        name, email = form.get("name"), form.get("email")
        if _present(name) and _present(email):
            return form
        filled = dict(form)
        if not _present(name):
            filled["name"] = ANONYMOUS_NAME
        if not _present(email):
            filled["email"] = ANONYMOUS_EMAIL
        return filled

    def score_chunk(self, records: Sequence[Record]) -> list[ResultRow]:
        """One result row per record, in order (one scorer call for the chunk)."""
        todo = [r for r in records if r.error is None]
        with email_cache(self._emails):
            try:
                results: list[Any] = self.moderator.check_many(
                    [self._form(r) for r in todo], record=False
                )
            except Exception:  # isolate the row that breaks the chunk: never lose the others
                results = [self._check_one(r) for r in todo]
        by_id = {id(r): res for r, res in zip(todo, results, strict=True)}
        return [_result_row(r, by_id.get(id(r))) for r in records]

    def _check_one(self, record: Record) -> Any:
        try:
            return self.moderator.check_many([self._form(record)], record=False)[0]
        except Exception as exc:  # reported as an error row, with the exception type only
            return exc


def _present(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _result_row(record: Record, result: Any) -> ResultRow:
    def row(action: str, error: str | None = None, detail: str | None = None) -> ResultRow:
        return ResultRow(
            position=record.position,
            id=record.id,
            post_id=record.post_id,
            type=record.type,
            status=record.status,
            action=action,
            scores={},
            reasons=(),
            model_version=None,
            error=error,
            detail=detail,
        )

    if record.error is not None:
        return row("error", record.error, record.detail)
    if isinstance(result, ValidationError):
        detail = " ".join(f"{e.field}:{e.code}" for e in result.errors)
        return row("invalid", "validation", detail or "invalid")
    if isinstance(result, BaseException) or result is None:
        kind = type(result).__name__ if result is not None else "no result"
        return row("error", "internal", f"scoring failed ({kind})")
    return ResultRow(
        position=record.position,
        id=record.id,
        post_id=record.post_id,
        type=record.type,
        status=record.status,
        action=str(result.action.value),
        scores={str(k): round(float(v), _ROUND) for k, v in result.scores.items()},
        reasons=tuple(result.codes),
        model_version=result.model_version,
    )


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    it = iter(records)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


_worker: BatchScorer | None = None
_worker_error: Exception | None = None


def _init_worker(payload: ScoreOptions | bytes) -> None:
    """Build this worker's scorer once. ``payload`` is the options themselves (fork) or their
    pickle (spawn), unpickled here so that a failure is reported instead of killing the worker
    (a Pool would respawn it forever)."""
    global _worker, _worker_error  # noqa: PLW0603 - one scorer per worker process, by design
    # The parent handles interrupts and stops the pool; a worker just ends.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if _worker is not None and _worker.options is payload:
        return  # inherited from the parent (fork): the model is already loaded
    try:
        options = pickle.loads(payload) if isinstance(payload, bytes) else payload  # noqa: S301
        _worker = BatchScorer(options)
    except Exception as exc:  # reported by the first task
        _worker = None
        _worker_error = (
            exc
            if isinstance(exc, ModkitError)
            else ModelError(f"a batch worker cannot start ({type(exc).__name__}: {exc})")
        )


def _work(chunk: list[Record]) -> list[ResultRow]:
    if _worker is None:
        raise _worker_error or ModelError("the batch worker was not initialised")
    return _worker.score_chunk(chunk)


def _start_method(requested: str | None) -> str:
    methods = multiprocessing.get_all_start_methods()
    if requested is not None:
        if requested not in methods:
            raise ConfigError(f"start method {requested!r} unavailable (have {', '.join(methods)})")
        return requested
    # fork shares the parent's loaded model; unsafe once other threads run, so spawn then.
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "spawn"


def score_records(
    records: Iterable[Record],
    options: ScoreOptions,
    *,
    jobs: int = 1,
    chunk_size: int = 512,
    start_method: str | None = None,
) -> Generator[ResultRow, None, None]:
    """Score ``records`` and yield one result row per record, in input order.

    ``jobs > 1`` scores chunks in that many worker processes (at most ``4 * jobs`` chunks in
    flight, so memory stays flat); each worker builds its Moderator once.

    Raises:
        ModelError: the model cannot be loaded.
        ConfigError: ``jobs`` or ``chunk_size`` below 1, or an unavailable ``start_method``.
    """
    if jobs < 1 or chunk_size < 1:
        raise ConfigError("jobs and chunk_size must be at least 1")
    if jobs == 1:
        scorer = BatchScorer(options)
        for chunk in _chunks(records, chunk_size):
            yield from scorer.score_chunk(chunk)
        return
    yield from _score_parallel(records, options, jobs, chunk_size, _start_method(start_method))


def _score_parallel(
    records: Iterable[Record], options: ScoreOptions, jobs: int, chunk_size: int, method: str
) -> Iterator[ResultRow]:
    global _worker  # noqa: PLW0603 - handed to forked workers, reset after
    ctx = multiprocessing.get_context(method)
    if method == "fork":
        _worker = BatchScorer(options)  # load once here; forked workers share it
    try:
        payload: ScoreOptions | bytes = options if method == "fork" else pickle.dumps(options)
        with ctx.Pool(jobs, initializer=_init_worker, initargs=(payload,)) as pool:
            pending: deque[AsyncResult[list[ResultRow]]] = deque()
            for chunk in _chunks(records, chunk_size):
                pending.append(pool.apply_async(_work, (chunk,)))
                while len(pending) >= 4 * jobs:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    finally:
        if method == "fork":
            _worker = None
