"""Score comments in Spark: the same decisions as ``modkit score``, spread over a cluster.

Needs the ``spark`` extra (``pip install 'modkit-moderation[spark]'``: pyspark, pandas, pyarrow)::

    from modkit.spark import score_dataframe
    scored = score_dataframe(spark.read.parquet("comments/"), columns={"text": "body"})
    scored.write.parquet("decisions/")

:func:`score_dataframe` maps export-like columns to form fields exactly as the CSV reader does
(same aliases, same ``columns`` overrides), scores each partition with ``mapInPandas`` in chunks
(one ``score_many`` per chunk) and returns one row per input row with the columns of the CSV output
(:data:`modkit._batch.OUTPUT_COLUMNS`; ``reasons`` space-separated). Email and IP never reach the
output. The scoring options (and the model files, when ``model`` names a folder) travel to the
executors once, in one broadcast; each Python worker builds its scorer once and reuses it. Without
``model``, executors load the default model shipped inside the installed modkit wheel.

:func:`read_export` reads any export modkit reads (WXR and Disqus XML included) on the driver into a
DataFrame that :func:`score_dataframe` takes as it is, keeping positions and error rows.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import math
import os
import pickle
import tempfile
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from modkit._batch import (
    FIELD_ALIASES,
    OUTPUT_COLUMNS,
    SCORE_COLUMNS,
    BatchScorer,
    Record,
    ResultRow,
    ScoreOptions,
    _Columns,
    _has_surrogates,
    _is_spam_flag,
    open_records,
    record_from_mapping,
)
from modkit._errors import ConfigError

__all__ = ["OUTPUT_SCHEMA", "read_export", "result_rows", "score_dataframe"]

#: Spark DDL schema of the rows :func:`score_dataframe` returns.
OUTPUT_SCHEMA: Final = ", ".join(
    [
        "position long",
        "id string",
        "post_id string",
        "type string",
        "status string",
        "action string",
        *(f"{name} double" for name in SCORE_COLUMNS),
        "reasons string",
        "model_version string",
        "error string",
        "detail string",
    ]
)
#: Columns of the DataFrame :func:`read_export` builds (all strings but ``position``).
EXPORT_COLUMNS: Final = (
    "position",
    "id",
    "post_id",
    "type",
    "status",
    "name",
    "email",
    "url",
    "text",
    "ip",
    "parent_id",
    "lang",
    "date",
    "error",
    "detail",
    "raw_json",
)
_MISSING_EXTRA: Final = (
    "modkit.spark needs pyspark, pandas and pyarrow: pip install 'modkit-moderation[spark]'"
)

# One scorer per executor Python worker and broadcast: built on first use, reused by every task.
_scorers: dict[str, BatchScorer] = {}


def _require() -> None:
    missing = [m for m in ("pyspark", "pandas", "pyarrow") if importlib.util.find_spec(m) is None]
    if missing:
        raise ImportError(f"{_MISSING_EXTRA} (missing: {', '.join(missing)})")


def _model_files(path: str | os.PathLike[str]) -> dict[str, bytes]:
    folder = Path(path)
    if folder.is_file():
        folder = folder.parent
    files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    if "manifest.json" not in files:
        raise ConfigError(f"{os.fspath(folder)!r} is not a model folder (no manifest.json)")
    return files


def _executor_scorer(key: str, payload: bytes) -> BatchScorer:
    scorer = _scorers.get(key)
    if scorer is None:
        options, files = pickle.loads(payload)  # noqa: S301 - our own broadcast
        if files is not None:
            folder = Path(tempfile.mkdtemp(prefix="modkit-model-"))
            for name, data in files.items():
                (folder / name).write_bytes(data)
            options = ScoreOptions(
                policy=options.policy,
                model=str(folder),
                rules_only=False,
                lang=options.lang,
                fill_missing=options.fill_missing,
            )
        scorer = _scorers[key] = BatchScorer(options)
    return scorer


def _clean(value: Any) -> Any:
    """None for pandas' missing values (None, NaN, NA); numpy scalars as Python values."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item) and not isinstance(value, str | bytes):
        try:
            value = item()
        except (TypeError, ValueError):
            return value
        if isinstance(value, float) and math.isnan(value):
            return None
    if type(value).__name__ in {"NAType", "NaTType"}:
        return None
    return value


def _records(
    rows: list[dict[str, Any]], found: Mapping[str, str], spam_flag: bool, start: int
) -> list[Record]:
    out: list[Record] = []
    for i, raw in enumerate(rows):
        row = {k: _clean(v) for k, v in raw.items()}
        position = row.get("position")
        pos = int(position) if position is not None else start + i
        error = row.get("error") if "error" in row else None
        if error:
            detail = row.get("detail")
            out.append(Record(position=pos, error=str(error), detail=_str_or_none(detail)))
            continue
        values = {fld: row.get(col) for fld, col in found.items()}
        values = {
            k: (None if isinstance(v, str) and not v.strip() else v) for k, v in values.items()
        }
        raw_json = row.get("raw_json")
        if raw_json:  # non-string form values of a read_export row, kept as they were read
            values.update(json.loads(raw_json))
        out.append(record_from_mapping(pos, values, spam_flag=spam_flag))
    return out


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def result_rows(frame: Any) -> list[ResultRow]:
    """Turn the rows of a scored DataFrame (collected ``Row`` objects or a pandas DataFrame) back
    into :class:`~modkit._batch.ResultRow` objects, e.g. to compare with ``modkit score`` output."""
    if hasattr(frame, "to_dict"):
        items = [{k: _clean(v) for k, v in r.items()} for r in frame.to_dict("records")]
    else:
        items = [r.asDict() for r in frame]
    out = []
    for item in items:
        scores = {k: float(item[k]) for k in SCORE_COLUMNS if item.get(k) is not None}
        out.append(
            ResultRow(
                position=int(item["position"]),
                id=item.get("id"),
                post_id=item.get("post_id"),
                type=item.get("type") or "comment",
                status=item.get("status"),
                action=item["action"],
                scores=scores,
                reasons=tuple((item.get("reasons") or "").split()),
                model_version=item.get("model_version"),
                error=item.get("error"),
                detail=item.get("detail"),
            )
        )
    return out


def _frame(rows: list[ResultRow]) -> Any:
    pd = importlib.import_module("pandas")

    data: dict[str, list[Any]] = {name: [] for name in OUTPUT_COLUMNS}
    for row in rows:
        data["position"].append(row.position)
        data["id"].append(row.id)
        data["post_id"].append(row.post_id)
        data["type"].append(row.type)
        data["status"].append(row.status)
        data["action"].append(row.action)
        for name in SCORE_COLUMNS:
            data[name].append(row.scores.get(name))
        data["reasons"].append(" ".join(row.reasons))
        data["model_version"].append(row.model_version)
        data["error"].append(row.error)
        data["detail"].append(row.detail)
    frame = pd.DataFrame(data, columns=list(OUTPUT_COLUMNS))
    frame["position"] = frame["position"].astype("int64")
    for name in SCORE_COLUMNS:
        frame[name] = frame[name].astype("float64")
    return frame


def score_dataframe(
    df: Any,
    *,
    columns: Mapping[str, str] | None = None,
    policy: Any = None,
    model: str | os.PathLike[str] | None = None,
    scorer: Any = None,
    rules_only: bool = False,
    fill_missing: bool = True,
    chunk_size: int = 512,
) -> Any:
    """Score every row of the Spark DataFrame ``df``; returns a DataFrame of result rows.

    ``columns`` maps fields to column names like ``modkit score --column`` (the defaults are the
    same aliases). A ``position`` column is copied to the output (else a
    ``monotonically_increasing_id`` stands in); rows with a non-empty ``error`` column (from
    :func:`read_export`) stay error rows. ``policy`` is a :class:`modkit.Policy`; ``model`` a
    model folder (its files are broadcast once), ``scorer`` a picklable scorer object, or
    ``rules_only``; by default the executors load the shipped model.

    Raises:
        ImportError: the ``spark`` extra is not installed.
        ConfigError: no text column, a mapped column is missing, or conflicting options.
    """
    _require()
    from pyspark.sql import functions as F

    if sum(x is not None and x is not False for x in (model, scorer, rules_only or None)) > 1:
        raise ConfigError("give at most one of model=..., scorer=... and rules_only=True")
    if chunk_size < 1:
        raise ConfigError("chunk_size must be at least 1")
    cols = _Columns(columns)
    found = cols.resolve(df.columns)
    missing = cols.missing_overrides(found)
    if missing:
        raise ConfigError(f"column(s) not in the DataFrame: {', '.join(missing)}")
    if "text" not in found:
        raise ConfigError(
            f"no text column (tried: {', '.join(FIELD_ALIASES['text'])}); pass columns={{...}}"
        )
    spam_flag = _is_spam_flag(found.get("status"))
    wanted = sorted(set(found.values()))
    if "position" in df.columns:
        source = df
    else:
        source = df.withColumn("position", F.monotonically_increasing_id() + 1)
    extra = [c for c in ("position", "error", "detail", "raw_json") if c in source.columns]
    source = source.select(*dict.fromkeys([*extra, *wanted]))

    options = ScoreOptions(
        policy=policy, scorer=scorer, rules_only=rules_only, fill_missing=fill_missing
    )
    files = _model_files(model) if model is not None else None
    key = uuid.uuid4().hex
    from pyspark import cloudpickle  # by value: a scorer class defined in a notebook works too

    pickled: bytes = cloudpickle.dumps((options, files))  # type: ignore[no-untyped-call]
    payload = df.sparkSession.sparkContext.broadcast(pickled)
    size = chunk_size

    def score_partition(frames: Iterator[Any]) -> Iterator[Any]:
        batch = _executor_scorer(key, payload.value)
        for frame in frames:
            rows = frame.to_dict("records")
            results: list[ResultRow] = []
            for start in range(0, len(rows), size):
                records = _records(rows[start : start + size], found, spam_flag, start + 1)
                results.extend(batch.score_chunk(records))
            yield _frame(results)

    return source.mapInPandas(score_partition, OUTPUT_SCHEMA)


def read_export(
    spark: Any,
    path: str | os.PathLike[str],
    *,
    format: str = "auto",
    columns: Mapping[str, str] | None = None,
    encoding: str = "utf-8",
    delimiter: str | None = None,
    num_partitions: int | None = None,
) -> Any:
    """Read an export file on the driver (any format ``modkit score`` reads) into a DataFrame of
    :data:`EXPORT_COLUMNS`, one row per record, error rows included. ``raw_json`` holds the rare
    form values Spark cannot hold as strings (a JSONL number or list, a lone surrogate), so both
    paths validate the same values.

    The file is read by one process: for exports larger than the driver's memory, convert them
    with ``modkit score``'s readers to Parquet in parts, or load CSV/JSONL with Spark's readers.

    Raises:
        ImportError: the ``spark`` extra is not installed.
        ConfigError, OSError: as :func:`modkit._batch.open_records`.
    """
    _require()
    pd = importlib.import_module("pandas")

    data: dict[str, list[Any]] = {name: [] for name in EXPORT_COLUMNS}
    for record in open_records(
        path, format=format, columns=columns, encoding=encoding, delimiter=delimiter
    ):
        form = record.form
        data["position"].append(record.position)
        data["id"].append(record.id)
        data["post_id"].append(record.post_id)
        data["type"].append(record.type)
        data["status"].append(record.status)
        odd: dict[str, Any] = {}
        for name in ("name", "email", "url", "text", "ip", "parent_id", "lang"):
            value = form.get(name)
            if value is None or (isinstance(value, str) and not _has_surrogates(value)):
                data[name].append(value)
            else:  # a JSONL number, list, object or broken string: kept exactly, as JSON
                data[name].append(None)
                odd[name] = value
        data["raw_json"].append(json.dumps(odd) if odd else None)
        data["date"].append(form.get("submitted_at"))
        data["error"].append(record.error)
        data["detail"].append(record.detail)
    frame = pd.DataFrame(data, columns=list(EXPORT_COLUMNS)).astype(
        {"position": "int64", **dict.fromkeys(EXPORT_COLUMNS[1:], "object")}
    )
    schema = ", ".join(["position long", *(f"{c} string" for c in EXPORT_COLUMNS[1:])])
    df = spark.createDataFrame(frame, schema=schema)
    if num_partitions is not None:
        df = df.repartition(num_partitions)
    return df
