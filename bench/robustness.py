"""Robustness benchmarks: evasion, the cost of normalisation, Scunthorpe, identity bias.

    python bench/robustness.py [--model models/default] [--data ../shared/datasets]
                               [--baseline PATH] [--json out.json] [--cap 400]

1. Evasion: the held-out comments (test split of the model's manifest: same corpora, same dedupe,
   same seed and fractions as training) that are toxic or spam, at most ``--cap`` per corpus
   (seeded). For each head, the ones the model catches on clean text at its hold threshold are
   rewritten by each transform of `bench.evasion.TRANSFORMS`; the figure is the share still
   caught (recall relative to clean), per language and overall, over the comments the transform
   actually changes. Target: at least 0.95 for every transform.
2. Cost of normalisation: false-positive rate at the hold threshold on the clean held-out ham, for
   the model and for the same recipe trained on the same data with ``normalize=False`` (the
   baseline; ``--baseline PATH`` reuses one, otherwise it is trained once and cached under
   ``--cache``). Target: a rise of at most 0.5 point. The baseline's evasion recall is reported
   too, to show what normalisation buys.
3. Scunthorpe: every item of ``bench/data/scunthorpe.jsonl`` scored against the thresholds the
   default `Policy` acts on (the model's, over the policy defaults). Target: no toxicity-family
   hold or reject. Spam flags on the list are reported, outside the target.
4. Identity bias: ``expand("fr") + expand("en")`` scored on toxicity; per identity the
   false-positive rate at hold on neutral and positive sentences, the recall at hold on toxic
   ones, and the subgroup, BPSN and BNSP AUCs. Targets: FPR <= 2 % and recall >= 95 % for every
   identity.

Markdown tables go to stdout, progress to stderr, everything to ``--json``. Nothing here is tuned
to the lists: they measure. Exit code: 0 every target met, 1 at least one missed, 2 bad input.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import operator
import random
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, NamedTuple, Protocol

import numpy as np

ROOT: Final = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import bias, evasion  # noqa: E402
from modkit._datasets import Corpus, Row, dedupe, load_path, load_project  # noqa: E402
from modkit._training import TrainConfig, split_of  # noqa: E402

__all__ = [
    "EVASION_HEADS",
    "SCUNTHORPE_PATH",
    "Loaded",
    "ScorerLike",
    "acting_thresholds",
    "baseline_config",
    "baseline_key",
    "clean_rates",
    "evasion_recall",
    "evasion_sample",
    "heldout",
    "identity_bias",
    "load_corpora",
    "load_scunthorpe",
    "main",
    "recipe_gaps",
    "render_markdown",
    "scunthorpe",
    "targets",
    "transform_all",
]

SEED: Final = 4
DEFAULT_CAP: Final = 400
EVASION_HEADS: Final = ("toxicity", "spam")
LANG_KEYS: Final = ("fr", "en", "all")
SCUNTHORPE_PATH: Final = ROOT / "bench" / "data" / "scunthorpe.jsonl"
DEFAULT_CACHE: Final = Path("/tmp/modkit-bench")

EVASION_TARGET: Final = 0.95
FPR_RISE_TARGET: Final = 0.5  # percentage points
IDENTITY_FPR_TARGET: Final = 0.02
IDENTITY_RECALL_TARGET: Final = 0.95
#: Per-language cells with fewer comments than this are shown but not listed as misses.
MIN_CELL: Final = 20

Progress = Callable[[str], None]


class ScorerLike(Protocol):
    """What the benchmarks need of a scorer (`modkit._model.Scorer` has it)."""

    heads: tuple[str, ...]
    thresholds: Mapping[str, Mapping[str, float]]

    def score_many(self, texts: Sequence[str], /) -> list[dict[str, float]]: ...


def _quiet(_msg: str) -> None:
    return None


# -- data --------------------------------------------------------------------------------------


class Loaded(NamedTuple):
    """The corpora a model was trained on, as found on disk."""

    corpora: list[Corpus]
    """In the manifest's order, before dedupe (as training received them)."""
    missing: list[str]
    """Training corpora the given paths do not provide (``feedback``, a missing folder)."""
    changed: list[str]
    """Corpora whose files differ from the manifest's (other files or other sha256)."""


def _files(entries: Sequence[Any]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for e in entries:
        if isinstance(e, Mapping):
            out.add((str(e.get("path")), str(e.get("sha256"))))
        else:  # Corpus.files: (path, sha256, rows)
            out.add((str(e[0]), str(e[1])))
    return out


def _load_project(project: Path, listed: Sequence[Mapping[str, Any]]) -> Corpus:
    """The project corpus from the files the manifest lists, when the folder holds them and more
    (a file added since training); else the whole folder."""
    names = {str(f.get("path")) for f in listed}
    present = {p.name for p in project.glob("*.jsonl")}
    if not names or not names < present or any("/" in n for n in names):
        return load_project(project)
    with tempfile.TemporaryDirectory(prefix="modkit-bench-") as tmp:
        for name in sorted(names):
            (Path(tmp) / name).symlink_to((project / name).resolve())
        return load_project(tmp)


def load_corpora(
    manifest: Mapping[str, Any],
    *,
    project: Path,
    data: Sequence[Path],
) -> Loaded:
    """The corpora the model was trained on (see `Loaded`). The project corpus is read from the
    files the manifest lists when the folder has gained others since; a manifest without corpora
    takes everything found.

    Raises:
        FileNotFoundError, ValueError: a corpus folder is malformed (see ``load_path``).
    """
    listed = {str(c["name"]): c for c in manifest.get("corpora", [])}
    wanted = list(listed)
    found: dict[str, Corpus] = {}
    if (not wanted or "project" in wanted) and project.is_dir() and any(project.glob("*.jsonl")):
        found["project"] = _load_project(project, listed.get("project", {}).get("files", []))
    if not wanted or any(name not in found for name in wanted):
        for path in data:
            if path.exists():
                for corpus in load_path(path):
                    found.setdefault(corpus.name, corpus)
    if not wanted:
        return Loaded(list(found.values()), [], [])
    corpora = [found[n] for n in wanted if n in found]
    changed = [
        c.name for c in corpora if _files(c.files) != _files(listed[c.name].get("files", []))
    ]
    return Loaded(corpora, [n for n in wanted if n not in found], changed)


def heldout(corpora: Sequence[Corpus], config: Mapping[str, Any]) -> list[Row]:
    """Rows of the test split as training saw them: corpora deduplicated, the heads the config
    ignores per corpus (``ignored_heads``) dropped, rows left without a label skipped, and the
    split drawn by the config's ``seed``, ``calib_fraction`` and ``test_fraction``.

    Raises:
        KeyError: the config misses one of those three keys.
    """
    seed, calib, test = int(config["seed"]), config["calib_fraction"], config["test_fraction"]
    ignored: Mapping[str, Sequence[str]] = config.get("ignored_heads") or {}
    out: list[Row] = []
    for corpus in dedupe(corpora):
        drop = set(ignored.get(corpus.name, ()))
        for row in corpus.rows:
            r = row
            if drop & row.labels.keys():
                labels = {h: v for h, v in row.labels.items() if h not in drop}
                if not labels:
                    continue
                r = replace(row, labels=labels)
            if split_of(r, seed, float(calib), float(test)) == "test":
                out.append(r)
    return out


def evasion_sample(rows: Sequence[Row], *, cap: int = DEFAULT_CAP, seed: int = SEED) -> list[Row]:
    """The rows positive for toxicity or spam, at most `cap` per corpus (a seeded random pick,
    the same whatever the model), in their original order."""
    by_corpus: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        if any(r.labels.get(h) == 1 for h in EVASION_HEADS):
            by_corpus.setdefault(r.corpus, []).append(i)
    keep: list[int] = []
    for name, idx in by_corpus.items():
        keep.extend(idx if len(idx) <= cap else random.Random(f"{seed}:{name}").sample(idx, cap))
    return [rows[i] for i in sorted(keep)]


def transform_all(texts: Sequence[str]) -> dict[str, list[str]]:
    """Every text rewritten by every transform of `bench.evasion.TRANSFORMS`."""
    return {name: [fn(t) for t in texts] for name, fn in evasion.TRANSFORMS.items()}


def load_scunthorpe(path: Path = SCUNTHORPE_PATH) -> list[dict[str, str]]:
    """The Scunthorpe list: ``{text, lang, contains, category}`` per item.

    Raises:
        OSError: the file cannot be read.
        ValueError: a line is not a JSON object with a ``text``.
    """
    items: list[dict[str, str]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ValueError(f"{path.name}:{n}: expected an object with a text")
        items.append({k: str(v) for k, v in item.items()})
    return items


# -- measures ----------------------------------------------------------------------------------


def acting_thresholds(scorer: ScorerLike) -> dict[str, dict[str, float]]:
    """The thresholds the default `Policy` acts on for this scorer's heads (the scorer's own,
    over the policy's defaults), as a `Moderator` would use them."""
    from modkit._policy import Policy

    merged = Policy().effective_thresholds(scorer.thresholds)
    return {h: {k: float(v) for k, v in merged[h].items()} for h in scorer.heads if h in merged}


def _score_column(scorer: ScorerLike, texts: Sequence[str], head: str) -> np.ndarray:
    if not texts:
        return np.zeros(0)
    return np.array([s[head] for s in scorer.score_many(list(texts))], dtype=np.float64)


def _ratio(hit: int, n: int) -> float:
    return hit / n if n else math.nan


def _lang_key(lang: str) -> str | None:
    return lang if lang in ("fr", "en") else None


def evasion_recall(
    scorer: ScorerLike,
    rows: Sequence[Row],
    transformed: Mapping[str, Sequence[str]],
) -> dict[str, Any]:
    """Recall relative to clean text, per transform, head and language.

    ``clean[head][lang]``: positives, caught at the hold threshold, recall. ``transforms[name]
    [head][lang]``: ``n`` comments caught clean that the transform changes, ``caught`` still
    caught after it, ``recall`` = caught / n (NaN when n = 0).

    Raises:
        ValueError: a transformed list does not have one text per row.
    """
    texts = [r.text for r in rows]
    for name, out in transformed.items():
        if len(out) != len(rows):
            raise ValueError(f"transform {name!r}: {len(out)} texts for {len(rows)} rows")
    thresholds = acting_thresholds(scorer)
    heads = [h for h in EVASION_HEADS if h in thresholds]
    clean = scorer.score_many(texts) if texts else []
    caught: dict[str, list[int]] = {}
    result: dict[str, Any] = {"n_rows": len(rows), "clean": {}, "transforms": {}}
    for head in heads:
        hold = thresholds[head]["hold"]
        positives = [i for i, r in enumerate(rows) if r.labels.get(head) == 1]
        caught[head] = [i for i in positives if clean[i][head] >= hold]
        result["clean"][head] = _by_lang(rows, positives, set(caught[head]), "positives")
    for name, out in transformed.items():
        need = sorted({i for head in heads for i in caught[head] if out[i] != texts[i]})
        scores = dict(
            zip(need, scorer.score_many([out[i] for i in need]) if need else [], strict=True)
        )
        per_head: dict[str, Any] = {}
        for head in heads:
            hold = thresholds[head]["hold"]
            changed = [i for i in caught[head] if i in scores]
            still = {i for i in changed if scores[i][head] >= hold}
            per_head[head] = _by_lang(rows, changed, still, "n")
        result["transforms"][name] = per_head
    return result


def _by_lang(rows: Sequence[Row], idx: Sequence[int], hits: set[int], n_key: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in LANG_KEYS:
        sel = [i for i in idx if key == "all" or _lang_key(rows[i].lang) == key]
        hit = sum(1 for i in sel if i in hits)
        out[key] = {n_key: len(sel), "caught": hit, "recall": _ratio(hit, len(sel))}
    return out


def clean_rates(scorer: ScorerLike, rows: Sequence[Row]) -> dict[str, Any]:
    """Per head of `EVASION_HEADS`: the hold threshold, and on the rows labelled for the head the
    false-positive rate (on ham, per language and overall), the recall and the ROC AUC."""
    from sklearn.metrics import roc_auc_score

    thresholds = acting_thresholds(scorer)
    heads = [h for h in EVASION_HEADS if h in thresholds]
    idx = [i for i, r in enumerate(rows) if any(h in r.labels for h in heads)]
    scored = scorer.score_many([rows[i].text for i in idx]) if idx else []
    out: dict[str, Any] = {}
    for head in heads:
        hold = thresholds[head]["hold"]
        sel = [
            (rows[i], s[head]) for i, s in zip(idx, scored, strict=True) if head in rows[i].labels
        ]
        y = np.array([r.labels[head] for r, _ in sel], dtype=int)
        p = np.array([s for _, s in sel], dtype=np.float64)
        langs = np.array([_lang_key(r.lang) or "" for r, _ in sel], dtype=object)
        fpr: dict[str, Any] = {}
        for key in LANG_KEYS:
            m = (y == 0) & ((langs == key) if key != "all" else np.ones(len(y), dtype=bool))
            fp = int(np.count_nonzero(p[m] >= hold))
            fpr[key] = {"ham": int(m.sum()), "flagged": fp, "fpr": _ratio(fp, int(m.sum()))}
        pos = y == 1
        both = 0 < pos.sum() < len(y)
        out[head] = {
            "hold": hold,
            "fpr": fpr,
            "positives": int(pos.sum()),
            "recall": _ratio(int(np.count_nonzero(p[pos] >= hold)), int(pos.sum())),
            "roc_auc": float(roc_auc_score(y, p)) if both else math.nan,
        }
    return out


def scunthorpe(scorer: ScorerLike, items: Sequence[Mapping[str, str]]) -> dict[str, Any]:
    """Items of the Scunthorpe list at or above each acting head's hold and reject thresholds.

    ``heads[head]``: thresholds and counts (``at_hold`` counts every item at or above hold,
    rejects included), overall and per language; ``offenders``: every (item, head) at or above
    hold, highest score first; ``toxicity_heads``: the acting heads the target covers (all but
    spam).
    """
    thresholds = acting_thresholds(scorer)
    scored = scorer.score_many([it["text"] for it in items]) if items else []
    heads: dict[str, Any] = {}
    offenders: list[dict[str, Any]] = []
    for head, limits in thresholds.items():
        hold, reject = limits.get("hold", math.inf), limits.get("reject", math.inf)
        counts: dict[str, dict[str, int]] = {
            k: {"n": 0, "at_hold": 0, "at_reject": 0} for k in LANG_KEYS
        }
        for it, s in zip(items, scored, strict=True):
            score = s[head]
            level = "reject" if score >= reject else "hold" if score >= hold else None
            for key in ("all", _lang_key(it.get("lang", ""))):
                if key is None:
                    continue
                counts[key]["n"] += 1
                counts[key]["at_hold"] += level is not None
                counts[key]["at_reject"] += level == "reject"
            if level is not None:
                offenders.append({**it, "head": head, "score": round(score, 4), "level": level})
        heads[head] = {"hold": hold, "reject": reject, "counts": counts}
    offenders.sort(key=lambda o: (-float(o["score"]), o["head"], o["text"]))
    tox = [h for h in thresholds if h != "spam"]
    flagged = {o["text"] for o in offenders if o["head"] in tox}
    return {
        "n_items": len(items),
        "toxicity_heads": tox,
        "items_flagged": len(flagged),
        "heads": heads,
        "offenders": offenders,
    }


def identity_bias(scorer: ScorerLike, rows: Sequence[bias.BiasRow] | None = None) -> dict[str, Any]:
    """Toxicity on the identity templates (default ``expand("fr") + expand("en")``): per identity
    the figures of `bench.bias.identity_report` plus FPR and recall per language, the overall
    AUC and Jigsaw final metric, and the identities that miss the targets.

    Raises:
        ValueError: the scorer has no toxicity head.
    """
    from sklearn.metrics import roc_auc_score

    if "toxicity" not in scorer.heads:
        raise ValueError("the scorer has no toxicity head")
    rows = list(rows) if rows is not None else bias.expand("fr") + bias.expand("en")
    hold = acting_thresholds(scorer)["toxicity"]["hold"]
    scores = _score_column(scorer, [r["text"] for r in rows], "toxicity")
    labels = np.array([r["label"] for r in rows], dtype=int)
    report: list[dict[str, Any]] = [
        dict(r) for r in bias.identity_report(rows, scores, threshold=hold)
    ]
    ids = np.array([r["identity"] for r in rows], dtype=object)
    langs = np.array([r["lang"] for r in rows], dtype=object)
    for entry in report:
        for lang in ("fr", "en"):
            m = (ids == entry["identity"]) & (langs == lang)
            entry[f"fpr_{lang}"] = bias.false_positive_rate(scores[m], labels[m], hold)
            entry[f"recall_{lang}"] = bias.recall(scores[m], labels[m], hold)
    both = 0 < labels.sum() < len(labels)
    overall_auc = float(roc_auc_score(labels, scores)) if both else math.nan
    final = math.nan
    if both:
        try:
            final = bias.final_bias_metric(
                overall_auc,
                [e["subgroup_auc"] for e in report],
                [e["bpsn_auc"] for e in report],
                [e["bnsp_auc"] for e in report],
            )
        except ValueError:  # an AUC of 0 has no power mean
            final = math.nan
    fpr_miss = [e for e in report if not e["false_positive_rate"] <= IDENTITY_FPR_TARGET]
    recall_miss = [e for e in report if not e["recall"] >= IDENTITY_RECALL_TARGET]
    meet = [e for e in report if e not in fpr_miss and e not in recall_miss]
    per_lang = {}
    for lang in ("fr", "en", "all"):
        m = (langs == lang) if lang != "all" else np.ones(len(rows), dtype=bool)
        per_lang[lang] = {
            "n": int(m.sum()),
            "fpr": bias.false_positive_rate(scores[m], labels[m], hold) if m.any() else math.nan,
            "recall": bias.recall(scores[m], labels[m], hold) if m.any() else math.nan,
        }
    return {
        "hold": hold,
        "n_rows": len(rows),
        "overall": per_lang,
        "overall_auc": overall_auc,
        "final_bias_metric": final,
        "identities": report,
        "meet_both": len(meet),
        "fpr_misses": [e["identity"] for e in fpr_miss],
        "recall_misses": [e["identity"] for e in recall_miss],
    }


# -- the baseline ------------------------------------------------------------------------------


def baseline_config(manifest: Mapping[str, Any]) -> TrainConfig:
    """The manifest's training recipe with ``normalize=False`` (and no leave-one-group-out, which
    only measures and does not change the model). A table field the manifest does not record
    (added to `TrainConfig` since) is empty, as it was not applied; any other such field takes
    today's default (see `recipe_gaps`).

    Raises:
        KeyError: the manifest has no ``config``.
    """
    recorded = manifest["config"]
    kwargs: dict[str, Any] = {}
    for f in fields(TrainConfig):
        if f.name in recorded:
            value = recorded[f.name]
            kwargs[f.name] = tuple(value) if isinstance(value, list) else value
        elif isinstance(getattr(TrainConfig(), f.name), Mapping):
            kwargs[f.name] = {}  # a per-corpus or per-kind table added since: it was not applied
    return replace(TrainConfig(**kwargs), normalize=False, logo=False)


def recipe_gaps(manifest: Mapping[str, Any]) -> list[str]:
    """Fields of today's `TrainConfig` that the manifest does not record (see `baseline_config`
    for what the baseline makes of them)."""
    recorded = manifest.get("config", {})
    return [f.name for f in fields(TrainConfig) if f.name not in recorded]


def baseline_key(manifest: Mapping[str, Any]) -> str:
    """Cache key of the baseline: its recipe, the training corpora's files and modkit's version."""
    from modkit._version import __version__

    payload = {
        "config": asdict(baseline_config(manifest)),
        "corpora": [
            [c.get("name"), [f.get("sha256") for f in c.get("files", [])]]
            for c in manifest.get("corpora", [])
        ],
        "modkit": __version__,
    }
    raw = json.dumps(payload, sort_keys=True, default=str).encode()
    return hashlib.sha256(raw).hexdigest()[:16]


def train_baseline(
    manifest: Mapping[str, Any], corpora: Sequence[Corpus], out: Path, say: Progress = _quiet
) -> Path:
    """Train the baseline on `corpora` and write it to `out`.

    Raises:
        ValueError: the corpora cannot train a model (see ``modkit._training.train``).
    """
    from modkit._training import train, write_model

    version = f"{manifest.get('version', 'unknown')}-nonorm"
    result = train(corpora, baseline_config(manifest), progress=say, version=version)
    return write_model(result, out)


# -- report ------------------------------------------------------------------------------------


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _pct(value: Any, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{100 * float(value):.{digits}f} %"


def targets(results: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The robustness targets, each ``{name, target, figure, met}``; ``met`` is None when there was
    nothing to measure."""
    out: list[dict[str, Any]] = []
    ev = results.get("evasion", {}).get("model", {}).get("transforms", {})
    for name, per_head in ev.items():
        cells = [
            (head, per_head[head]["all"])
            for head in EVASION_HEADS
            if head in per_head and per_head[head]["all"]["n"]
        ]
        if not cells:
            out.append(
                {
                    "name": f"evasion: {name}",
                    "target": ">= 0.95 of clean recall",
                    "figure": "no comment changed",
                    "met": None,
                }
            )
            continue
        head, worst = min(cells, key=lambda c: c[1]["recall"])
        out.append(
            {
                "name": f"evasion: {name}",
                "target": ">= 0.95 of clean recall",
                "figure": f"{worst['recall']:.3f} ({head}, n={worst['n']}); "
                + ", ".join(f"{h} {c['recall']:.3f}" for h, c in cells),
                "met": all(c["recall"] >= EVASION_TARGET for _, c in cells),
            }
        )
    fpr = results.get("fpr")
    if fpr:
        for head, d in fpr["rise_points"].items():
            out.append(
                {
                    "name": f"FPR cost of normalisation: {head}",
                    "target": "rise <= 0.5 point",
                    "figure": f"{d:+.2f} points ({_pct(_fpr(fpr, 'model', head), 2)} vs "
                    f"{_pct(_fpr(fpr, 'baseline', head), 2)} without)",
                    "met": None if math.isnan(d) else d <= FPR_RISE_TARGET,
                }
            )
    sc = results.get("scunthorpe")
    if sc:
        n = sc["items_flagged"]
        out.append(
            {
                "name": "Scunthorpe",
                "target": "no toxicity hold or reject",
                "figure": f"{n} of {sc['n_items']} items held or rejected "
                f"({', '.join(sc['toxicity_heads'])})",
                "met": n == 0,
            }
        )
    ib = results.get("identity")
    if ib and ib["identities"]:
        total = len(ib["identities"])
        for key, label, target, misses in (
            ("false_positive_rate", "identity FPR", "<= 2 % on every identity", ib["fpr_misses"]),
            ("recall", "identity recall", ">= 95 % on every identity", ib["recall_misses"]),
        ):
            pick = max if key == "false_positive_rate" else min
            worst = pick(ib["identities"], key=operator.itemgetter(key))
            out.append(
                {
                    "name": label,
                    "target": target,
                    "figure": f"{total - len(misses)} of {total} identities meet it; worst "
                    f"{worst['identity']} {_pct(worst[key])}",
                    "met": not misses,
                }
            )
    return out


def _fpr(fpr: Mapping[str, Any], which: str, head: str) -> float:
    return float(fpr[which][head]["fpr"]["all"]["fpr"])


def _evasion_table(ev: Mapping[str, Any]) -> list[str]:
    heads = list(ev["clean"])
    header = "| transform | " + " | ".join(f"{h} {k}" for h in heads for k in LANG_KEYS) + " |"
    lines = [header, "|---|" + "---|" * (len(heads) * len(LANG_KEYS))]
    clean_cells = [
        f"{_fmt(ev['clean'][h][k]['recall'])} ({ev['clean'][h][k]['positives']})"
        for h in heads
        for k in LANG_KEYS
    ]
    lines.append("| *clean recall (positives)* | " + " | ".join(clean_cells) + " |")
    for name, per_head in ev["transforms"].items():
        cells = [
            f"{_fmt(per_head[h][k]['recall'])} ({per_head[h][k]['n']})"
            for h in heads
            for k in LANG_KEYS
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def render_markdown(results: Mapping[str, Any]) -> str:
    """The results as markdown tables, ready to paste into the README."""
    meta = results["meta"]
    lines = [
        f"Model `{meta['model']}` version {meta['version']} (created {meta.get('created')}, "
        f"sha256 {str(meta.get('sha256'))[:12]}), measured {meta['date']} "
        f"({meta['seconds']:.0f} s). Held-out rows: test split of the training corpora "
        f"({meta['heldout_rows']:,} rows; corpora not found: "
        f"{', '.join(meta['missing']) or 'none'}).",
        "",
    ]
    if meta.get("changed"):
        lines += [
            f"**Warning**: the files of {', '.join(meta['changed'])} differ from the ones the "
            "model was trained on: the held-out split and the baseline are not exactly the "
            "model's.",
            "",
        ]
    if meta.get("recipe_gaps"):
        lines += [
            f"Note: the manifest does not record {', '.join(meta['recipe_gaps'])} (added to the "
            "recipe since); the baseline was trained with them empty (not applied) for tables, "
            "today's defaults otherwise.",
            "",
        ]
    ev = results.get("evasion", {})
    if ev:
        lines += [
            "### Evasion: recall relative to clean text",
            "",
            f"Held-out toxic and spam comments, at most {meta['cap']} per corpus "
            f"({ev['model']['n_rows']:,} comments), that the model catches on clean text at its "
            "hold threshold; share still caught after each transform, over the comments the "
            "transform changes (their number in brackets). Target: >= 0.95.",
            "",
            *_evasion_table(ev["model"]),
            "",
        ]
        if "baseline" in ev:
            lines += [
                "Same comments, model trained on the same data and recipe without normalisation "
                "(its own thresholds and its own clean catches):",
                "",
                *_evasion_table(ev["baseline"]),
                "",
            ]
    fpr = results.get("fpr")
    if fpr:
        lines += [
            "### False positives on clean held-out ham: cost of normalisation",
            "",
            "Each model at its own hold threshold (chosen on the calibration split by the same "
            "rule: a false-positive rate on its realistic innocent comments; the recall and "
            "ROC AUC show the rest of the trade).",
            "",
            "| head | model | hold | ham | FPR fr | FPR en | FPR | recall | ROC AUC |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for head in fpr["model"]:
            for which in ("model", "baseline"):
                d = fpr[which][head]
                f = d["fpr"]
                lines.append(
                    f"| {head} | {'normalised' if which == 'model' else 'casefold only'} "
                    f"| {d['hold']:.3f} | {f['all']['ham']:,} | {_pct(f['fr']['fpr'], 2)} "
                    f"| {_pct(f['en']['fpr'], 2)} | {_pct(f['all']['fpr'], 2)} "
                    f"| {_fmt(d['recall'])} | {_fmt(d['roc_auc'])} |"
                )
        rises = ", ".join(f"{h} {d:+.2f}" for h, d in fpr["rise_points"].items())
        lines += ["", f"FPR rise with normalisation, in points: {rises}. Target: <= 0.5.", ""]
    sc = results.get("scunthorpe")
    if sc:
        lines += [
            "### Scunthorpe list",
            "",
            f"{sc['n_items']} innocent items; items at or above each threshold the default policy "
            "acts on (hold counts include rejects). Target: none on the toxicity heads.",
            "",
            "| head | hold | reject | held fr | held en | held | rejected |",
            "|---|---|---|---|---|---|---|",
        ]
        for head, d in sc["heads"].items():
            c = d["counts"]
            lines.append(
                f"| {head} | {d['hold']:.3f} | {d['reject']:.3f} | {c['fr']['at_hold']} "
                f"| {c['en']['at_hold']} | {c['all']['at_hold']} | {c['all']['at_reject']} |"
            )
        lines += ["", f"Items held or rejected on a toxicity head: {sc['items_flagged']}.", ""]
        if sc["offenders"]:
            lines += [
                "| item | lang | contains | head | score | level |",
                "|---|---|---|---|---|---|",
            ]
            for o in sc["offenders"][:60]:
                text = o["text"].replace("|", "\\|")
                lines.append(
                    f"| {text} | {o.get('lang', '')} | {o.get('contains', '')} | {o['head']} "
                    f"| {o['score']:.3f} | {o['level']} |"
                )
            if len(sc["offenders"]) > 60:
                lines.append(f"| ... {len(sc['offenders']) - 60} more in the JSON | | | | | |")
            lines.append("")
    ib = results.get("identity")
    if ib:
        o = ib["overall"]
        lines += [
            "### Identity bias (toxicity head)",
            "",
            f"{ib['n_rows']:,} template sentences (fr {o['fr']['n']:,}, en {o['en']['n']:,}), "
            f"hold threshold {ib['hold']:.3f}. Overall FPR {_pct(o['all']['fpr'])} (fr "
            f"{_pct(o['fr']['fpr'])}, en {_pct(o['en']['fpr'])}), recall "
            f"{_pct(o['all']['recall'])} (fr {_pct(o['fr']['recall'])}, en "
            f"{_pct(o['en']['recall'])}); overall AUC "
            f"{_fmt(ib['overall_auc'])}, Jigsaw final bias metric {_fmt(ib['final_bias_metric'])}.",
            "",
            f"{ib['meet_both']} of {len(ib['identities'])} identities meet both targets "
            f"(FPR <= 2 %, recall >= 95 %). FPR above 2 %: "
            f"{', '.join(ib['fpr_misses']) or 'none'}. Recall below 95 %: "
            f"{', '.join(ib['recall_misses']) or 'none'}.",
            "",
        ]
        for key, title, rev in (
            ("false_positive_rate", "highest FPR", True),
            ("recall", "lowest recall", False),
            ("bpsn_auc", "lowest BPSN AUC", False),
            ("bnsp_auc", "lowest BNSP AUC", False),
        ):
            ranked = sorted(ib["identities"], key=operator.itemgetter(key), reverse=rev)[:5]
            fmt = _pct if key in ("false_positive_rate", "recall") else _fmt
            lines.append(
                f"- {title}: " + ", ".join(f"{e['identity']} {fmt(e[key])}" for e in ranked)
            )
        lines += [
            "",
            "| identity | category | FPR fr | FPR en | FPR | recall fr | recall en | recall "
            "| subgroup AUC | BPSN AUC | BNSP AUC |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for e in ib["identities"]:
            lines.append(
                f"| {e['identity']} | {e['category']} | {_pct(e['fpr_fr'])} | {_pct(e['fpr_en'])} "
                f"| {_pct(e['false_positive_rate'])} | {_pct(e['recall_fr'])} "
                f"| {_pct(e['recall_en'])} | {_pct(e['recall'])} | {_fmt(e['subgroup_auc'])} "
                f"| {_fmt(e['bpsn_auc'])} | {_fmt(e['bnsp_auc'])} |"
            )
        lines.append("")
    lines += ["### Targets", "", "| target | goal | figure | met |", "|---|---|---|---|"]
    for t in results.get("targets", []):
        met = "n/a" if t["met"] is None else "met" if t["met"] else "**not met**"
        lines.append(f"| {t['name']} | {t['target']} | {t['figure']} | {met} |")
    watch = results.get("watch", [])
    if watch:
        lines += ["", "Per-language cells below 0.95 (n >= 20): " + "; ".join(watch) + "."]
    return "\n".join(lines) + "\n"


def _watch(ev: Mapping[str, Any]) -> list[str]:
    out = []
    for name, per_head in ev["transforms"].items():
        for head, cells in per_head.items():
            for lang in ("fr", "en"):
                c = cells[lang]
                if c["n"] >= MIN_CELL and c["recall"] < EVASION_TARGET:
                    out.append(f"{name} {head} {lang} {c['recall']:.3f} (n={c['n']})")
    return out


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, Mapping):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, float | np.floating):
        return None if math.isnan(obj) or math.isinf(obj) else float(obj)
    if isinstance(obj, np.integer):
        return int(obj)
    return obj


# -- command line ------------------------------------------------------------------------------


def _shown(path: str) -> str:
    """`path` relative to the repository when inside it (tables do not show a home folder)."""
    resolved = Path(path).resolve()
    return resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else str(path)


def _load_baseline(
    args: argparse.Namespace,
    manifest: Mapping[str, Any],
    corpora: Sequence[Corpus],
    say: Progress,
) -> tuple[Any, str]:
    from modkit._model import Scorer

    if args.baseline:
        return Scorer.load(args.baseline), str(args.baseline)
    path = Path(args.cache) / f"baseline-{baseline_key(manifest)}"
    if not (path / "manifest.json").is_file():
        say(f"training the baseline (normalize=False) into {path}: this takes several minutes")
        train_baseline(manifest, corpora, path, say=lambda m: say(f"  baseline: {m}"))
    else:
        say(f"reusing the cached baseline {path}")
    return Scorer.load(path), str(path)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the four benchmarks; see the module docstring for the exit codes."""
    from modkit._errors import ModelError
    from modkit._model import Scorer

    ap = argparse.ArgumentParser(
        prog="bench/robustness.py", description=(__doc__ or "").split("\n\n")[0]
    )
    ap.add_argument("--model", default=str(ROOT / "models" / "default"), help="model folder")
    ap.add_argument(
        "--data",
        action="append",
        default=None,
        metavar="PATH",
        help="folder of shared corpora (repeatable; default ../shared/datasets)",
    )
    ap.add_argument("--project-data", default=str(ROOT / "datasets"), help="the project corpus")
    ap.add_argument(
        "--baseline",
        default=None,
        metavar="PATH",
        help="a model trained with normalize=False on the same data (else trained, cached)",
    )
    ap.add_argument("--cache", default=str(DEFAULT_CACHE), help="folder of cached baselines")
    ap.add_argument("--cap", type=int, default=DEFAULT_CAP, help="evasion sample cap per corpus")
    ap.add_argument("--json", default=None, metavar="PATH", help="write all results as JSON here")
    args = ap.parse_args(argv)
    start = time.perf_counter()

    def say(msg: str) -> None:
        print(f"[{time.perf_counter() - start:6.1f}s] {msg}", file=sys.stderr, flush=True)

    try:
        model = Scorer.load(args.model)
    except ModelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    manifest = model.manifest
    data = [Path(d) for d in (args.data or [str(ROOT.parent / "shared" / "datasets")])]
    try:
        corpora, missing, changed = load_corpora(
            manifest, project=Path(args.project_data), data=data
        )
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    gaps = recipe_gaps(manifest)
    if missing:
        say(f"warning: training corpora not found, left out: {', '.join(missing)}")
    if changed:
        say(
            f"warning: files differ from the manifest's (split and baseline are not the model's "
            f"data): {', '.join(changed)}"
        )
    if gaps:
        say(
            f"note: recipe fields the manifest does not record (baseline: empty tables, "
            f"today's defaults otherwise): {', '.join(gaps)}"
        )
    if not corpora:
        print("error: none of the model's training corpora was found", file=sys.stderr)
        return 2
    rows = heldout(corpora, manifest["config"])
    sample = evasion_sample(rows, cap=args.cap)
    say(f"{len(rows):,} held-out rows; evasion sample {len(sample):,} comments")
    transformed = transform_all([r.text for r in sample])
    say("transforms applied")

    results: dict[str, Any] = {}
    results["evasion"] = {"model": evasion_recall(model, sample, transformed)}
    say("evasion: model scored")
    model_rates = clean_rates(model, rows)
    say("clean held-out rates: model scored")
    try:
        baseline, baseline_path = _load_baseline(args, manifest, corpora, say)
    except (ModelError, ValueError) as exc:
        print(f"error: baseline: {exc}", file=sys.stderr)
        return 2
    results["evasion"]["baseline"] = evasion_recall(baseline, sample, transformed)
    base_rates = clean_rates(baseline, rows)
    say("baseline scored")
    results["fpr"] = {
        "model": model_rates,
        "baseline": base_rates,
        "rise_points": {
            h: 100 * (model_rates[h]["fpr"]["all"]["fpr"] - base_rates[h]["fpr"]["all"]["fpr"])
            for h in model_rates
            if h in base_rates
        },
    }
    results["scunthorpe"] = scunthorpe(model, load_scunthorpe())
    say("Scunthorpe list scored")
    results["identity"] = identity_bias(model)
    say("identity templates scored")
    results["targets"] = targets(results)
    results["watch"] = _watch(results["evasion"]["model"])
    results["meta"] = {
        "model": _shown(args.model),
        "name": manifest.get("name"),
        "version": getattr(model, "version", "unknown"),
        "created": manifest.get("created"),
        "sha256": (manifest.get("bundle") or {}).get("sha256"),
        "baseline": _shown(baseline_path),
        "baseline_version": getattr(baseline, "version", "unknown"),
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "corpora": [c.name for c in corpora],
        "missing": missing,
        "changed": changed,
        "recipe_gaps": gaps,
        "heldout_rows": len(rows),
        "cap": args.cap,
        "seed": SEED,
        "seconds": time.perf_counter() - start,
    }
    print(render_markdown(results))
    if args.json:
        Path(args.json).write_text(
            json.dumps(_jsonable(results), indent=1, ensure_ascii=False, allow_nan=False) + "\n",
            encoding="utf-8",
        )
        say(f"wrote {args.json}")
    return 0 if all(t["met"] is not False for t in results["targets"]) else 1


if __name__ == "__main__":
    sys.exit(main())
