"""Identity-bias benchmark: template rows and the Jigsaw Unintended Bias metrics.

`expand` renders the templates of ``data/identity_templates.json`` with the identity forms of
``data/identities.json`` into labelled rows. The metrics follow the Jigsaw Unintended Bias in
Toxicity Classification challenge (Borkan et al., 2019):

- subgroup AUC: ROC AUC on the examples that mention the identity;
- BPSN AUC (background positive, subgroup negative): the toxic examples that do not mention
  the identity together with the non-toxic ones that do; low when the model scores innocent
  mentions of the identity above real toxicity elsewhere;
- BNSP AUC (background negative, subgroup positive): the non-toxic examples that do not
  mention the identity together with the toxic ones that do; low when toxicity about the
  identity scores below innocent text elsewhere;
- the final score: a weighted sum of the overall AUC and the power means (p = -5) of the three
  per-identity AUCs, each weight 0.25.

A prediction is positive when ``score >= threshold``. An AUC that is undefined (only one class
among the selected examples) is NaN. Pure functions: no model and no I/O besides reading the
two JSON files. Measurement data only: never used for training.
"""

from __future__ import annotations

import json
import math
import string
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final, TypedDict

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.metrics import roc_auc_score

__all__ = [
    "IDENTITIES_PATH",
    "KINDS",
    "LANGS",
    "TEMPLATES_PATH",
    "BiasRow",
    "IdentityReport",
    "bnsp_auc",
    "bpsn_auc",
    "expand",
    "false_positive_rate",
    "final_bias_metric",
    "identity_report",
    "load_identities",
    "load_templates",
    "power_mean",
    "recall",
    "render",
    "subgroup_auc",
    "template_slots",
]

DATA_DIR: Final = Path(__file__).resolve().parent / "data"
IDENTITIES_PATH: Final = DATA_DIR / "identities.json"
TEMPLATES_PATH: Final = DATA_DIR / "identity_templates.json"
LANGS: Final = ("en", "fr")
KINDS: Final = ("neutral", "positive", "toxic")


class BiasRow(TypedDict):
    """One rendered sentence: label 1 for toxic templates, 0 for neutral and positive ones."""

    text: str
    lang: str
    identity: str
    category: str
    label: int
    template_kind: str


class IdentityReport(TypedDict):
    """Per-identity figures computed by `identity_report`."""

    identity: str
    category: str
    n_negative: int
    n_toxic: int
    false_positive_rate: float
    recall: float
    subgroup_auc: float
    bpsn_auc: float
    bnsp_auc: float


def load_identities(path: Path = IDENTITIES_PATH) -> list[dict[str, Any]]:
    """Read the identity list.

    Raises:
        OSError: the file cannot be read.
        ValueError: the file is not valid JSON or not a list.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path.name}: expected a JSON list of identities")
    return data


def load_templates(path: Path = TEMPLATES_PATH) -> dict[str, dict[str, list[str]]]:
    """Read the templates: ``{lang: {kind: [template, ...]}}``.

    Raises:
        OSError: the file cannot be read.
        ValueError: the file is not valid JSON or not an object.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: expected a JSON object of templates")
    return data


def template_slots(template: str) -> list[str]:
    """Names of the ``{slot}`` fields of a template, in order.

    Raises:
        ValueError: the template has a malformed field (unbalanced brace, conversion or format
            spec).
    """
    slots: list[str] = []
    for _literal, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"bad slot {name!r} in template {template!r}")
        slots.append(name)
    return slots


def render(template: str, forms: Mapping[str, str | None]) -> str | None:
    """Fill a template with an identity's forms and capitalise the first letter, or return None
    when a form the template needs is null (a gendered identity and a template of the other
    gender).

    Raises:
        KeyError: the template uses a slot the identity does not define.
        ValueError: the template is malformed.
    """
    values: dict[str, str] = {}
    for name in template_slots(template):
        value = forms[name]
        if value is None:
            return None
        values[name] = value
    text = template.format_map(values)
    return text[:1].upper() + text[1:]


def expand(
    lang: str,
    *,
    identities: Sequence[Mapping[str, Any]] | None = None,
    templates: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
) -> list[BiasRow]:
    """Render every template of `lang` with every identity, dropping duplicate texts (the first
    row wins) and pairs where a needed form is null.

    Raises:
        ValueError: `lang` is not one of `LANGS`, or a template is malformed.
        KeyError: a template uses a slot an identity does not define.
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")
    idents = load_identities() if identities is None else identities
    temps = load_templates() if templates is None else templates
    rows: list[BiasRow] = []
    seen: set[str] = set()
    for kind in KINDS:
        for template in temps[lang][kind]:
            for ident in idents:
                text = render(template, ident[lang])
                if text is None or text in seen:
                    continue
                seen.add(text)
                rows.append(
                    BiasRow(
                        text=text,
                        lang=lang,
                        identity=str(ident["id"]),
                        category=str(ident["category"]),
                        label=1 if kind == "toxic" else 0,
                        template_kind=kind,
                    )
                )
    return rows


def _arrays(
    scores: ArrayLike, labels: ArrayLike, in_subgroup: ArrayLike | None = None
) -> tuple[NDArray[np.float64], NDArray[np.bool_], NDArray[np.bool_]]:
    s = np.asarray(scores, dtype=np.float64)
    raw = np.asarray(labels)
    if s.ndim != 1 or raw.shape != s.shape:
        raise ValueError("scores and labels must be 1-D and of the same length")
    if not np.isin(raw, (0, 1)).all():
        raise ValueError("labels must be 0 or 1")
    if np.isnan(s).any():
        raise ValueError("scores must not contain NaN")
    y = raw.astype(bool)
    if in_subgroup is None:
        return s, y, np.zeros_like(y)
    g = np.asarray(in_subgroup)
    if g.shape != s.shape or not np.isin(g, (0, 1)).all():
        raise ValueError("in_subgroup must be booleans of the same length as scores")
    return s, y, g.astype(bool)


def _auc(scores: NDArray[np.float64], positive: NDArray[np.bool_]) -> float:
    if positive.all() or not positive.any():
        return math.nan
    return float(roc_auc_score(positive, scores))


def subgroup_auc(scores: ArrayLike, labels: ArrayLike, in_subgroup: ArrayLike) -> float:
    """ROC AUC restricted to the examples in the subgroup (NaN if one class is missing).

    Raises:
        ValueError: inputs of different lengths, labels not 0/1, or NaN scores.
    """
    s, y, g = _arrays(scores, labels, in_subgroup)
    return _auc(s[g], y[g])


def bpsn_auc(scores: ArrayLike, labels: ArrayLike, in_subgroup: ArrayLike) -> float:
    """ROC AUC on background positives and subgroup negatives (NaN if either is empty).

    Raises:
        ValueError: inputs of different lengths, labels not 0/1, or NaN scores.
    """
    s, y, g = _arrays(scores, labels, in_subgroup)
    keep = (g & ~y) | (~g & y)
    return _auc(s[keep], y[keep])


def bnsp_auc(scores: ArrayLike, labels: ArrayLike, in_subgroup: ArrayLike) -> float:
    """ROC AUC on background negatives and subgroup positives (NaN if either is empty).

    Raises:
        ValueError: inputs of different lengths, labels not 0/1, or NaN scores.
    """
    s, y, g = _arrays(scores, labels, in_subgroup)
    keep = (g & y) | (~g & ~y)
    return _auc(s[keep], y[keep])


def false_positive_rate(scores: ArrayLike, labels: ArrayLike, threshold: float) -> float:
    """Share of the label-0 examples scored at or above `threshold` (NaN if there are none).

    Raises:
        ValueError: inputs of different lengths, labels not 0/1, or NaN scores.
    """
    s, y, _ = _arrays(scores, labels)
    negatives = s[~y]
    if negatives.size == 0:
        return math.nan
    return float(np.count_nonzero(negatives >= threshold) / negatives.size)


def recall(scores: ArrayLike, labels: ArrayLike, threshold: float) -> float:
    """Share of the label-1 examples scored at or above `threshold` (NaN if there are none).

    Raises:
        ValueError: inputs of different lengths, labels not 0/1, or NaN scores.
    """
    s, y, _ = _arrays(scores, labels)
    positives = s[y]
    if positives.size == 0:
        return math.nan
    return float(np.count_nonzero(positives >= threshold) / positives.size)


def power_mean(values: ArrayLike, p: float = -5.0) -> float:
    """Generalised mean ``(mean(v ** p)) ** (1 / p)``; the Jigsaw metric uses p = -5, which
    pulls the mean towards the worst identity. NaN values are ignored.

    Raises:
        ValueError: `p` is 0, no value is left, or a value is not positive.
    """
    if p == 0:
        raise ValueError("p must not be 0")
    v = np.asarray(values, dtype=np.float64)
    v = v[~np.isnan(v)]
    if v.size == 0:
        raise ValueError("no value to average")
    if (v <= 0).any():
        raise ValueError("values must be positive")
    return float(np.mean(v**p) ** (1.0 / p))


def final_bias_metric(
    overall_auc: float,
    subgroup_aucs: ArrayLike,
    bpsn_aucs: ArrayLike,
    bnsp_aucs: ArrayLike,
    *,
    p: float = -5.0,
    weight: float = 0.25,
) -> float:
    """Jigsaw final score: ``weight * overall_auc`` plus ``weight`` times the power mean of each
    of the three per-identity AUC lists.

    Raises:
        ValueError: as `power_mean`.
    """
    return weight * overall_auc + weight * sum(
        power_mean(aucs, p) for aucs in (subgroup_aucs, bpsn_aucs, bnsp_aucs)
    )


def identity_report(
    rows: Sequence[Mapping[str, Any]], scores: ArrayLike, *, threshold: float
) -> list[IdentityReport]:
    """Figures per identity, in order of first appearance: false-positive rate on its label-0
    rows, recall on its toxic rows, and its subgroup, BPSN and BNSP AUCs against all the
    other rows (the background).

    Raises:
        ValueError: `scores` does not have one value per row, or a label is not 0/1.
    """
    labels = [int(row["label"]) for row in rows]
    s, y, _ = _arrays(scores, labels)
    ids = np.asarray([str(row["identity"]) for row in rows], dtype=object)
    categories: dict[str, str] = {}
    for row in rows:
        categories.setdefault(str(row["identity"]), str(row["category"]))
    out: list[IdentityReport] = []
    for ident, category in categories.items():
        g = ids == ident
        out.append(
            IdentityReport(
                identity=ident,
                category=category,
                n_negative=int(np.count_nonzero(g & ~y)),
                n_toxic=int(np.count_nonzero(g & y)),
                false_positive_rate=false_positive_rate(s[g], y[g], threshold),
                recall=recall(s[g], y[g], threshold),
                subgroup_auc=subgroup_auc(s, y, g),
                bpsn_auc=bpsn_auc(s, y, g),
                bnsp_auc=bnsp_auc(s, y, g),
            )
        )
    return out
