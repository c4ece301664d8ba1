"""The Spark adapter in local mode: the same rows as ``modkit score``, row for row."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import modkit
from modkit._batch import ResultRow, ScoreOptions, open_records, score_records
from modkit._batch_cli import main
from modkit._errors import ConfigError
from modkit._policy import Policy

FIXTURES = Path(__file__).parent / "fixtures" / "batch"
POLICY = FIXTURES / "policy.toml"
ROOT = Path(modkit.__file__).resolve().parent.parent
MODEL = ROOT / "models" / "default"

_missing = [m for m in ("pyspark", "pandas", "pyarrow") if importlib.util.find_spec(m) is None]
needs_spark = pytest.mark.skipif(
    bool(_missing) or shutil.which("java") is None,
    reason=(
        f"the spark extra is not installed (missing: {', '.join(_missing)})"
        if _missing
        else "no Java runtime on PATH (Spark needs Java 17+)"
    ),
)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYTHONPATH")}
    os.environ["PYSPARK_PYTHON"] = sys.executable  # executors: this interpreter and this modkit
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), saved["PYTHONPATH"]) if p)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("modkit-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def cli_rows(name: str, tmp_path: Path, *args: str) -> list[ResultRow]:
    out = tmp_path / f"{name}.jsonl"
    main([str(FIXTURES / name), "-o", str(out), "--summary", "none", *args])
    import json

    return [ResultRow.from_dict(json.loads(x)) for x in out.read_text("utf-8").splitlines()]


def spark_rows(frame: Any) -> list[ResultRow]:
    from modkit.spark import result_rows

    return sorted(result_rows(frame.collect()), key=lambda r: r.position)


NAMES = ["comments.csv", "comments.jsonl", "wordpress.xml", "wordpress_truncated.xml", "disqus.xml"]
STEP = 100_000  # position offset per fixture, to score every fixture in one Spark job


@pytest.mark.slow  # starts a JVM
@needs_spark
def test_same_rows_as_the_cli_on_every_fixture(spark: Any, tmp_path: Path) -> None:
    from functools import reduce

    from pyspark.sql import functions as F

    from modkit.spark import read_export, score_dataframe

    frames = [
        read_export(spark, FIXTURES / name).withColumn("position", F.col("position") + i * STEP)
        for i, name in enumerate(NAMES)
    ]
    df = reduce(lambda a, b: a.unionByName(b), frames).repartition(2)
    scored = score_dataframe(df, policy=Policy.from_toml(POLICY), rules_only=True, chunk_size=3)
    got = spark_rows(scored)
    expected = [
        replace(row, position=row.position + i * STEP)
        for i, name in enumerate(NAMES)
        for row in cli_rows(name, tmp_path, "--rules-only", "--policy", str(POLICY))
    ]
    assert got == expected
    assert {r.action for r in got} == {"accept", "hold", "reject", "invalid", "error"}
    text = repr(got)
    assert "canary" not in text
    assert "203.0.113." not in text


@pytest.mark.slow  # starts a JVM
@needs_spark
def test_a_scorer_object_is_shipped_to_the_executors(spark: Any) -> None:
    import test_batch
    from pyspark import cloudpickle

    from modkit.spark import read_export, score_dataframe

    cloudpickle.register_pickle_by_value(test_batch)  # the executors cannot import the tests
    try:
        scorer = test_batch.KeywordScorer()
        df = read_export(spark, FIXTURES / "comments.csv", num_partitions=2)
        got = spark_rows(score_dataframe(df, scorer=scorer, chunk_size=2))
    finally:
        cloudpickle.unregister_pickle_by_value(test_batch)
    expected = list(
        score_records(open_records(FIXTURES / "comments.csv"), ScoreOptions(scorer=scorer))
    )
    assert got == expected
    assert {r.model_version for r in got if r.action in ("accept", "hold", "reject")} == {
        "keyword-1"
    }
    assert any(r.scores.get("spam") == 0.99 for r in got)


@pytest.mark.slow  # starts a JVM
@needs_spark
def test_a_plain_dataframe_with_its_own_column_names(spark: Any) -> None:
    import pandas as pd

    from modkit.spark import score_dataframe

    frame = pd.DataFrame(
        {
            "uuid": [10, 11, 12],
            "body": ["Nice one", "buy viagra", "   "],
            "who": ["Ann", "Bob", "Cy"],
            "mail": ["ann@example.org", None, "cy@example.org"],
            "is_spam": [False, True, False],
        }
    )
    df = spark.createDataFrame(frame)
    scored = score_dataframe(
        df,
        columns={"id": "uuid", "text": "body", "name": "who", "email": "mail"},
        policy=Policy.from_toml(POLICY),
        rules_only=True,
    )
    got = sorted(spark_rows(scored), key=lambda r: int(r.id or 0))
    assert [(r.id, r.status, r.action) for r in got] == [
        ("10", "approved", "accept"),
        ("11", "spam", "reject"),
        ("12", "approved", "invalid"),
    ]
    assert len({r.position for r in got}) == 3


@pytest.mark.slow  # starts a JVM
@needs_spark
def test_bad_arguments_fail_on_the_driver(spark: Any, tmp_path: Path) -> None:
    from modkit.spark import score_dataframe

    df = spark.createDataFrame([("x",)], "note string")
    with pytest.raises(ConfigError, match="no text column"):
        score_dataframe(df, rules_only=True)
    df = spark.createDataFrame([("x",)], "text string")
    with pytest.raises(ConfigError, match="not in the DataFrame"):
        score_dataframe(df, columns={"id": "uuid"}, rules_only=True)
    with pytest.raises(ConfigError, match="at most one"):
        score_dataframe(df, rules_only=True, model=tmp_path)
    with pytest.raises(ConfigError, match="not a model folder"):
        score_dataframe(df, model=tmp_path)


@pytest.mark.slow  # starts a JVM
@needs_spark
@pytest.mark.skipif(
    not (MODEL / "manifest.json").is_file(), reason="no trained model in models/default yet"
)
def test_the_model_folder_is_broadcast_and_gives_the_cli_scores(spark: Any, tmp_path: Path) -> None:
    from modkit.spark import read_export, score_dataframe

    df = read_export(spark, FIXTURES / "disqus.xml", num_partitions=2)
    got = spark_rows(score_dataframe(df, model=MODEL))
    assert got == cli_rows("disqus.xml", tmp_path, "--model", str(MODEL))
    assert all(r.scores for r in got if r.action != "invalid")


def test_a_missing_extra_is_a_clear_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import modkit.spark as spark_module

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pyspark" else real(name, *a)
    )
    with pytest.raises(ImportError, match=r"modkit-moderation\[spark\].*pyspark"):
        spark_module.score_dataframe(object())
