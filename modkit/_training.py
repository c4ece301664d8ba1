"""Training: corpora in, a verified model bundle (joblib + manifest + report) out.

The recipe, in order:

1. corpora whose licence forbids redistribution are left out (unless the config allows them, for
   a site's own model); rows are deduplicated, presumed-ham rows holding an insult are screened
   out, and a row labelled not toxic is also no insult, threat, obscenity or identity attack;
2. every row goes to ``train``, ``calib`` or ``test`` by a hash of its thread, post, video or
   book when it has one, else of its text (stable whatever else is loaded); training rows are
   doubled with their address swapped (tu/vous, you/they) for a share of them;
3. the model is fitted on ``train``, calibrated (Platt) on ``calib``, and given hold/reject
   thresholds by the false-positive rate on the *realistic* innocent comments of ``calib`` (real
   conversation, reviews, the project's own comments; never benchmark ham), in each language,
   the stricter language deciding; then measured on ``test`` per corpus, head and language and,
   for the YouTube videos, leave-one-video-out;
4. that measured model is the one written (``refit=True`` instead refits on ``train`` + ``test``
   and calibrates the refit on ``calib``; its test figures are then those of the measured model).

Each head learns only from rows whose corpus informs it; corpora are weighted (a cap on rows per
corpus, a per-corpus and a per-kind multiplier) so that no corpus or language drowns the others.
The report lists, per head, the features that push hardest towards a positive, flagging any that
is a function word or punctuation (a shortcut).
"""

from __future__ import annotations

import dataclasses
import io
import json
import math
import os
import shutil
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from modkit._datasets import Corpus, Row, dedupe
from modkit._features import (
    FUNCTION_WORDS,
    SHAPE_PREFIX,
    WORD_PREFIX,
    NgramFeaturizer,
    default_stop_words,
    vocabulary_string,
)
from modkit._features_view import DISCOURSE_WORDS
from modkit._heads import HEADS, POLICY_HEADS
from modkit._model import BUNDLE_FORMAT, runtime_versions, sha256_file
from modkit._training_fragments import fragment_variants
from modkit._training_links import link_variants
from modkit._training_rows import (
    address_variants,
    imply_negatives,
    is_realistic_ham,
    screen_hit,
    split_of,
    swearing_variants,
    unit_hash,
)

__all__ = ["TrainConfig", "TrainResult", "split_of", "threshold_at_fpr", "train", "write_model"]

#: How many features per head the shortcut report lists.
SHORTCUT_TOP = 200

Progress = Callable[[str], None]

#: Per-corpus weight multipliers of the default recipe (1.0 when absent). The project corpus is
#: written for this task (news comments, both languages, hard negatives); corpora far from news
#: comments count less.
DEFAULT_CORPUS_WEIGHTS: dict[str, float] = {
    "project": 3.0,
    "ott_deceptive_opinion_spam": 0.15,
    "spamassassin_public_corpus": 0.3,
    "davidson_hate_offensive": 0.3,
    "mlma_hate_speech": 0.5,
    "feedback": 4.0,
}


_CONVERSATION_KINDS = """
    conv_other conv_question conv_reply conv_disagreement conv_greeting conv_joke forum_argument
    forum_joke forum_question forum_rant forum_anecdote forum_answer debate_anecdote
    debate_opinion debate_reply debate_short news_ham_short news_ham_topic news_ham_link
"""

#: Per-kind multipliers for rows of the project corpus: hard negatives are rare and matter most.
DEFAULT_KIND_WEIGHTS: dict[str, float] = {
    "hard_identity": 3.0,
    "hard_quote": 2.0,
    "hard_scunthorpe": 2.0,
    "hard_strong_language": 3.0,
    "identity_neutral": 3.0,
    "identity_positive": 2.0,
    "hate_counter": 2.0,
    "hate_negated": 2.0,
    "slur_quoted": 2.0,
    "counter_quote": 2.0,
    "negated_claim": 2.0,
    "identity_statement": 3.0,
    # Swearing aimed at nobody is innocent; benchmark corpora label most swearing toxic, so these
    # rows must weigh enough to teach the difference.
    "forum_swearing": 6.0,
    "conv_strong_language": 6.0,
    "casual_swearing": 3.0,
    "profanity_untargeted": 3.0,
    # Ordinary conversation (replies, questions, anecdotes, debate) weighs twice: benchmark ham is
    # formal, so this is the only ham of the register sites receive (measured: r/france, never
    # trained on, 8.0 % -> 7.5 % held with recall unchanged).
    **dict.fromkeys(_CONVERSATION_KINDS.split(), 2.0),
    # Non-hateful counterparts of hate by reference, and honest questions about identities.
    "ref_counterpart": 2.0,
    # Flattery followed by promotion weighs like the news-site comments that open the same way, so
    # the opener ("Bon article, merci !") is not what the spam head reads.
    "news_spam_flattery": 2.0,
    "identity_question": 2.0,
    # Wishes of harm and the same verbs used innocently ("je vous souhaite de crever" against
    # "crever de chaud"): the public corpora hold few threats in French, so both weigh double.
    "harm_wish": 2.0,
    "harm_lookalike": 2.0,
    # Short replies with a common word that alone reached a hold ("Gros délai mais bon.") and short
    # abuse with the same words: double, or the word's weight from the public corpora wins
    # (measured: common words held alone for toxicity 96 -> 86, for a threat 44 -> 41).
    "short_reply": 2.0,
    "short_abuse": 2.0,
}

#: Inverse regularisation per head, over ``TrainConfig.c``. The toxicity heads are regularised
#: more (0.5 for 1.0 before): every innocent word of a corpus's register got a small weight of its
#: own (`pays`, `droit`, `sûrement` +0.3 to +1.0). Measured on r/france (never trained on), at 5 %
#: of it held: MLMA fr recall .76 -> .84, OLID .40 -> .49. Spam keeps 1.0: at 0.5 and 0.3 its
#: recall fell on three of five spam corpora and r/france spam holds rose from 1.9 % to 2.7-3.0 %.
DEFAULT_C_BY_HEAD: dict[str, float] = {"spam": 1.0}

#: Rows kept at most per corpus (a stable sample): bounds training time on huge corpora.
DEFAULT_ROW_LIMITS: dict[str, int] = {"en_tweeteval_informal": 40_000}

#: False-positive rate on realistic innocent comments at which a head holds, per head (others:
#: ``TrainConfig.hold_fpr``). Toxicity holds at 1.25 %: the French innocent scores are steep
#: there (2026.12.03.10: 0.51 at 1.2 %, 0.48 at 1.3 %), and at 1.2 % the French toxic corpus's
#: recall fell 2 points for 0.3 point fewer r/france comments held.
DEFAULT_HOLD_FPR: dict[str, float] = {
    "spam": 0.003,
    "toxicity": 0.0125,
    "identity_attack": 0.005,
    "threat": 0.005,
}
#: The same for rejecting, per head. A spam reject is silent (no moderator sees the comment) and
#: spam scores are bimodal, so it asks for a stricter rate (at 0.2 % the reject fell to 0.64 and
#: a sourced comment with three links was rejected).
DEFAULT_REJECT_FPR: dict[str, float] = {"spam": 0.001}


#: Heads a corpus must not train although its loader maps them. The French hate-speech superset
#: marks only hate as 1 and leaves its 0 rows unknown for toxicity, so its toxicity labels are
#: positives only, all about identity groups: they teach "identity word = toxic" (measured: "je
#: suis une femme noire" scored 0.95). It still trains identity_attack, where its 0 rows are real
#: negatives.
DEFAULT_IGNORED_HEADS: dict[str, tuple[str, ...]] = {
    "fr_hate_speech_superset": ("toxicity",),
    # Its "Spam" is mostly news-headline bots ("8 injured in train accident #news"), so it taught
    # that news, sports and politics are spam: "Bad news: the plant is closing." scored 0.87 and 10
    # of 30 ordinary news-site comments were held. Comment spam is promotion, not headlines.
    "utkml_twitter_spam": ("spam",),
}


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides the model; recorded in the manifest."""

    seed: int = 20261129
    calib_fraction: float = 0.15
    test_fraction: float = 0.15
    max_char_features: int = 200_000
    max_word_features: int = 60_000
    min_df: int = 2
    char_ngrams: tuple[int, int] = (3, 5)
    word_ngrams: tuple[int, int] = (1, 2)
    normalize: bool = True
    view: str = "scoped"
    discourse_stop: bool = True
    shape_kinds: tuple[str, ...] = ("caps", "url")
    c: float = 0.5
    c_by_head: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_C_BY_HEAD))
    corpus_cap: int = 30_000
    corpus_weights: Mapping[str, float] = field(
        default_factory=lambda: dict(DEFAULT_CORPUS_WEIGHTS)
    )
    kind_weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_KIND_WEIGHTS))
    ignored_heads: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: dict(DEFAULT_IGNORED_HEADS)
    )
    row_limits: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_ROW_LIMITS))
    redistributable_only: bool = True
    screen_weak: bool = True
    weak_weight: float = 1.0
    length_balance: float = 4.0
    address_share: float = 1.0
    swearing_share: float = 0.2
    link_share: float = 0.2
    fragment_share: float = 0.1
    reject_fpr: float = 0.002
    reject_fpr_by_head: Mapping[str, float] = field(
        default_factory=lambda: dict(DEFAULT_REJECT_FPR)
    )
    hold_fpr: float = 0.012
    hold_fpr_by_head: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_HOLD_FPR))
    policy_heads: tuple[str, ...] = POLICY_HEADS
    refit: bool = False
    logo: bool = True


@dataclass
class TrainResult:
    """A trained bundle with its manifest and report, ready for :func:`write_model`."""

    bundle: dict[str, Any]
    manifest: dict[str, Any]
    report: str


@dataclass
class _Fitted:
    featurizer: NgramFeaturizer
    heads: list[str]
    coef: np.ndarray  # (n_features, n_heads)
    intercept: np.ndarray  # (n_heads,)
    calibration: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))

    def margins(self, x: sparse.csr_matrix) -> np.ndarray:
        margins: np.ndarray = np.asarray(x @ self.coef, dtype=np.float64) + self.intercept
        return margins

    def probabilities(self, x: sparse.csr_matrix) -> np.ndarray:
        z = self.margins(x) * self.calibration[:, 0] + self.calibration[:, 1]
        probs: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))
        return probs


def _without_ignored(row: Row, config: TrainConfig) -> Row:
    ignored = config.ignored_heads.get(row.corpus, ())
    if not ignored or not any(h in row.labels for h in ignored):
        return row
    labels = {h: v for h, v in row.labels.items() if h not in ignored}
    return dataclasses.replace(row, labels=labels)


def _row_weights(rows: Sequence[Row], head: str, config: TrainConfig) -> np.ndarray:
    """Per-row weights for one head: corpus multiplier x kind multiplier x cap, positives and
    negatives of each corpus brought to one length distribution (toxicity heads, see
    :func:`_balance_lengths`), then classes balanced within each language.

    Balancing per language matters: French toxic rows come mostly from corpora that are mostly
    toxic, so with one global balance the model learnt "French" as a toxicity cue (plain French
    sentences such as "Une salade de tomates aux lardons." scored 0.93).
    """
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r.corpus] += 1
    w = np.array(
        [
            config.corpus_weights.get(r.corpus, 1.0)
            * config.kind_weights.get(r.kind or "", 1.0)
            * (config.weak_weight if r.weak else 1.0)
            * min(1.0, config.corpus_cap / counts[r.corpus])
            for r in rows
        ],
        dtype=np.float64,
    )
    y = np.array([r.labels[head] for r in rows])
    if config.length_balance > 1 and head != "spam":
        _balance_lengths(rows, y, w, config.length_balance)
    langs = np.array([r.lang for r in rows])
    for lang in sorted(set(langs.tolist())):
        is_pos = (langs == lang) & (y == 1)
        is_neg = (langs == lang) & (y == 0)
        pos, neg = w[is_pos].sum(), w[is_neg].sum()
        if pos > 0 and neg > 0:
            w[is_pos] *= (pos + neg) / (2 * pos)
            w[is_neg] *= (pos + neg) / (2 * neg)
    weights: np.ndarray = w * (len(rows) / w.sum())
    return weights


def _length_bins(rows: Sequence[Row]) -> np.ndarray:
    """Each row's length class: ``floor(log2(1 + words))``, at most 8 (256 words or more)."""
    words = np.array([len(r.text.split()) for r in rows], dtype=np.float64)
    bins: np.ndarray = np.minimum(np.floor(np.log2(1 + words)), 8).astype(np.int64)
    return bins


def _balance_lengths(rows: Sequence[Row], y: np.ndarray, w: np.ndarray, bound: float) -> None:
    """Reweight, in place, the positives and the negatives of each corpus so that both have the
    corpus's length distribution (the mean of the two), each factor within ``[1/bound, bound]``
    and each class keeping its total weight.

    Public toxic corpora pair long toxic texts with short clean ones (the French toxic corpus:
    122 characters against 53 on average), so any common word is likelier in a toxic row and
    the model learnt words such as ``comme``, ``ainsi``, ``également`` as toxicity cues
    ("Alors on devrait faire comme ça ainsi que les autres pays." scored 0.97).
    """
    bins = _length_bins(rows)
    corpora = np.array([r.corpus for r in rows])
    for corpus in sorted(set(corpora.tolist())):
        in_corpus = corpora == corpus
        pos, neg = in_corpus & (y == 1), in_corpus & (y == 0)
        if not pos.any() or not neg.any():
            continue
        p = np.bincount(bins[pos], weights=w[pos], minlength=9) / w[pos].sum()
        n = np.bincount(bins[neg], weights=w[neg], minlength=9) / w[neg].sum()
        target = (p + n) / 2
        for mask, share in ((pos, p), (neg, n)):
            factor = np.clip(target / np.maximum(share, 1e-12), 1 / bound, bound)
            before = w[mask].sum()
            w[mask] *= factor[bins[mask]]
            w[mask] *= before / w[mask].sum()


def _fit_head(
    x: sparse.csr_matrix, rows: Sequence[Row], head: str, config: TrainConfig
) -> tuple[np.ndarray, float] | None:
    from sklearn.linear_model import LogisticRegression

    y = np.array([r.labels[head] for r in rows])
    if len(set(y.tolist())) < 2:
        return None
    c = config.c_by_head.get(head, config.c)
    clf = LogisticRegression(C=c, solver="liblinear", max_iter=200, random_state=config.seed)
    clf.fit(x, y, sample_weight=_row_weights(rows, head, config))
    pos = list(clf.classes_).index(1)  # read by class, never by position
    sign = 1.0 if pos == 1 else -1.0
    return sign * clf.coef_[0].astype(np.float32), float(sign * clf.intercept_[0])


def _stop_words(config: TrainConfig) -> frozenset[str] | None:
    """The featuriser's stop words: the view's, plus the discourse words when asked (never for
    the ``plain`` view, whose stop words are its own)."""
    if not config.discourse_stop or config.view == "plain":
        return None
    return default_stop_words(config.view) | DISCOURSE_WORDS


def _fit(
    rows: Sequence[Row], config: TrainConfig, progress: Progress, label: str
) -> tuple[_Fitted, sparse.csr_matrix]:
    t0 = time.perf_counter()
    featurizer = NgramFeaturizer(
        char_ngrams=config.char_ngrams,
        word_ngrams=config.word_ngrams,
        max_char_features=config.max_char_features,
        max_word_features=config.max_word_features,
        min_df=config.min_df,
        normalize=config.normalize,
        view=config.view,
        stop_words=_stop_words(config),
        shape_kinds=config.shape_kinds,
    )
    texts = [r.text for r in rows]
    featurizer.fit(texts)
    x = featurizer.transform(texts)
    progress(
        f"{label}: {len(rows):,} rows, {x.shape[1]:,} features ({time.perf_counter() - t0:.0f} s)"
    )
    heads: list[str] = []
    coefs: list[np.ndarray] = []
    intercepts: list[float] = []
    for head in HEADS:
        idx = [i for i, r in enumerate(rows) if head in r.labels]
        if not idx:
            continue
        t1 = time.perf_counter()
        fitted = _fit_head(x[idx], [rows[i] for i in idx], head, config)
        if fitted is None:
            continue
        heads.append(head)
        coefs.append(fitted[0])
        intercepts.append(fitted[1])
        progress(f"{label}: head {head} on {len(idx):,} rows ({time.perf_counter() - t1:.0f} s)")
    coef = np.ascontiguousarray(np.stack(coefs, axis=1).astype(np.float32))
    return _Fitted(featurizer, heads, coef, np.array(intercepts)), x


def _platt(margins: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    if len(set(y.tolist())) < 2:
        return 1.0, 0.0
    lr = LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000)
    lr.fit(margins.reshape(-1, 1), y)
    pos = list(lr.classes_).index(1)
    sign = 1.0 if pos == 1 else -1.0
    return float(sign * lr.coef_[0][0]), float(sign * lr.intercept_[0])


def _calibrate(model: _Fitted, x: sparse.csr_matrix, rows: Sequence[Row]) -> None:
    margins = model.margins(x)
    calib = np.zeros((len(model.heads), 2))
    for h, head in enumerate(model.heads):
        idx = [i for i, r in enumerate(rows) if head in r.labels]
        y = np.array([rows[i].labels[head] for i in idx])
        calib[h] = _platt(margins[idx, h], y) if idx else (1.0, 0.0)
    model.calibration = calib


def threshold_at_fpr(ham_scores: np.ndarray, fpr: float) -> float:
    """The score above which at most a fraction ``fpr`` of ham scores lie."""
    ham = np.sort(ham_scores)[::-1]
    return float(ham[min(int(fpr * len(ham)), len(ham) - 1)])


def _thresholds(
    model: _Fitted, x: sparse.csr_matrix, rows: Sequence[Row], config: TrainConfig
) -> tuple[dict[str, dict[str, float]], dict[str, Any]]:
    """Hold and reject thresholds per head, and how they were chosen.

    Set by the false-positive rate on the realistic innocent comments of the calibration split
    (:func:`is_realistic_ham`), in each language; the stricter language decides, so the hold rate
    published holds for both. Unlike precision, a false-positive rate does not depend on how many
    positives the corpora happen to hold (real comment sections hold far fewer). A head with too
    few realistic innocent rows falls back to all of its calibration negatives.
    """
    probs = model.probabilities(x)
    out: dict[str, dict[str, float]] = {}
    how: dict[str, Any] = {}
    for h, head in enumerate(model.heads):
        idx = [i for i, r in enumerate(rows) if head in r.labels]
        y = np.array([rows[i].labels[head] for i in idx])
        if len(idx) < 20 or y.sum() < 5 or y.sum() == len(y):
            continue
        hold_fpr = config.hold_fpr_by_head.get(head, config.hold_fpr)
        reject_fpr = config.reject_fpr_by_head.get(head, config.reject_fpr)
        holds: dict[str, float] = {}
        rejects: dict[str, float] = {}
        sizes: dict[str, int] = {}
        for lang in ("fr", "en"):
            ham = np.array(
                [
                    probs[i, h]
                    for i in idx
                    if rows[i].lang == lang and is_realistic_ham(rows[i], head)
                ]
            )
            if len(ham) < 200:
                continue
            holds[lang] = threshold_at_fpr(ham, hold_fpr)
            rejects[lang] = threshold_at_fpr(ham, reject_fpr)
            sizes[lang] = len(ham)
        if holds:
            source = "realistic"
            hold, reject = max(holds.values()), max(rejects.values())
        else:
            source = "all negatives"
            p = probs[idx, h]
            hold = threshold_at_fpr(p[y == 0], hold_fpr)
            reject = threshold_at_fpr(p[y == 0], reject_fpr)
        reject = min(max(reject, 0.5), 0.999)
        hold = min(max(hold, 0.2), reject)
        out[head] = {"hold": round(hold, 4), "reject": round(reject, 4)}
        how[head] = {
            "source": source,
            "hold_fpr": hold_fpr,
            "reject_fpr": reject_fpr,
            "ham_rows": sizes,
            "hold_by_lang": {k: round(v, 4) for k, v in holds.items()},
        }
    return out, how


def _shortcuts(model: _Fitted, top: int = SHORTCUT_TOP) -> dict[str, list[dict[str, Any]]]:
    """Per head, the ``top`` features that push hardest towards a positive (weight x idf), each
    flagged when it is a function or discourse word, a bigram of them or bare punctuation: a
    shortcut."""
    names = model.featurizer.names()
    idf = np.asarray(model.featurizer.idf_, dtype=np.float64)
    out: dict[str, list[dict[str, Any]]] = {}
    for h, head in enumerate(model.heads):
        push = model.coef[:, h].astype(np.float64) * idf
        order = np.argsort(-push)[:top]
        out[head] = [
            {
                "feature": _display(names[i]),
                "push": round(float(push[i]), 3),
                "shortcut": _is_shortcut(names[i]),
            }
            for i in order
            if push[i] > 0
        ]
    return out


def _display(gram: str) -> str:
    if gram.startswith(WORD_PREFIX):
        return f"word `{gram[1:]}`"
    if gram.startswith(SHAPE_PREFIX):
        return f"shape `{gram[1:]}`"
    return f"chars `{gram.replace(' ', '␣')}`"


def _is_shortcut(gram: str) -> bool:
    if gram.startswith(SHAPE_PREFIX):
        return False
    body = gram[1:] if gram.startswith(WORD_PREFIX) else gram
    words = body.split()
    if not words:
        return True
    if all(w in FUNCTION_WORDS or w in DISCOURSE_WORDS for w in words):
        return True
    # Bare punctuation ("!!!", "?!"); an emoji is content, not punctuation.
    return all(unicodedata.category(ch)[0] in "PZ" for ch in body)


# -- metrics ---------------------------------------------------------------------------------------


def _binary_metrics(y: np.ndarray, p: np.ndarray, threshold: float) -> dict[str, float]:
    from sklearn.metrics import f1_score, matthews_corrcoef, roc_auc_score

    pred = (p >= threshold).astype(int)
    out = {
        "n": float(len(y)),
        "positives": float(y.sum()),
        "accuracy": float((pred == y).mean()),
        "f1": float(f1_score(y, pred, zero_division=0)),
        "mcc": float(matthews_corrcoef(y, pred)) if len(set(y.tolist())) > 1 else 0.0,
        "recall": float(pred[y == 1].mean()) if y.sum() else float("nan"),
        "fpr": float(pred[y == 0].mean()) if (y == 0).any() else float("nan"),
    }
    out["roc_auc"] = float(roc_auc_score(y, p)) if len(set(y.tolist())) > 1 else float("nan")
    return out


def expected_calibration_error(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """ECE with equal-width bins: the weighted mean gap between confidence and accuracy."""
    if len(y) == 0:
        return float("nan")
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.sum() * abs(p[mask].mean() - y[mask].mean())
    return float(total / len(y))


def _evaluate(
    model: _Fitted,
    x: sparse.csr_matrix,
    rows: Sequence[Row],
    thresholds: Mapping[str, Mapping[str, float]],
) -> dict[str, Any]:
    probs = model.probabilities(x)
    per_corpus: dict[str, dict[str, Any]] = defaultdict(dict)
    per_lang: dict[str, dict[str, Any]] = defaultdict(dict)
    ece: dict[str, float] = {}
    for h, head in enumerate(model.heads):
        hold = thresholds.get(head, {}).get("hold", 0.5)
        idx_all = [i for i, r in enumerate(rows) if head in r.labels]
        if not idx_all:
            continue
        y_all = np.array([rows[i].labels[head] for i in idx_all])
        ece[head] = expected_calibration_error(y_all, probs[idx_all, h])
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i in idx_all:
            groups[("corpus", rows[i].corpus)].append(i)
            groups[("lang", rows[i].lang)].append(i)
        for (kind, name), idx in sorted(groups.items()):
            y = np.array([rows[i].labels[head] for i in idx])
            m = _binary_metrics(y, probs[idx, h], hold)
            (per_corpus if kind == "corpus" else per_lang)[name][head] = m
    return {"per_corpus": dict(per_corpus), "per_lang": dict(per_lang), "ece": ece}


def _leave_one_group_out(
    rows: Sequence[Row],
    x: sparse.csr_matrix,
    train_mask: np.ndarray,
    config: TrainConfig,
    progress: Progress,
) -> list[dict[str, Any]]:
    """Spam head retrained without each YouTube video in turn, measured on that video."""
    from sklearn.metrics import roc_auc_score

    results: list[dict[str, Any]] = []
    # The two YouTube corpora share videos (same group names): a video is held out from both.
    groups = sorted(
        {r.group for r in rows if r.group and "youtube" in r.corpus and "spam" in r.labels}
    )
    is_spam_row = np.array(["spam" in r.labels for r in rows])
    for group in groups:
        in_group = np.array(["youtube" in r.corpus and r.group == group for r in rows])
        fit_idx = np.nonzero(train_mask & ~in_group & is_spam_row)[0].tolist()
        fitted = _fit_head(x[fit_idx], [rows[i] for i in fit_idx], "spam", config)
        eval_idx = np.nonzero(in_group)[0].tolist()
        y = np.array([rows[i].labels["spam"] for i in eval_idx])
        if fitted is None or len(set(y.tolist())) < 2:
            continue
        margins = np.asarray(x[eval_idx] @ fitted[0]).ravel() + fitted[1]
        pred = margins >= 0
        results.append(
            {
                "corpus": "youtube",
                "group": group,
                "n": len(eval_idx),
                "roc_auc": float(roc_auc_score(y, margins)),
                "accuracy": float((pred == y).mean()),
            }
        )
        progress(f"leave-one-group-out: video {group} AUC {results[-1]['roc_auc']:.3f}")
    return results


# -- the recipe ------------------------------------------------------------------------------------


def _limited(corpus: Corpus, config: TrainConfig) -> Corpus:
    """The corpus cut to its row limit by a stable hash of each text (all rows when none)."""
    limit = config.row_limits.get(corpus.name)
    if limit is None or len(corpus.rows) <= limit:
        return corpus
    # Salted apart from the split's hash: the same hash would keep the rows that go to test.
    ranked = sorted(corpus.rows, key=lambda r: unit_hash(config.seed, f"limit\x00{r.text}"))
    return dataclasses.replace(corpus, rows=ranked[:limit])


def _prepared(corpora: Sequence[Corpus], config: TrainConfig) -> tuple[list[Row], dict[str, int]]:
    """Rows ready to split: ignored heads dropped, presumed ham screened, negatives implied."""
    rows: list[Row] = []
    screened: dict[str, int] = defaultdict(int)
    for corpus in corpora:
        for raw in corpus.rows:
            row = _without_ignored(raw, config)
            if not row.labels:
                continue
            if config.screen_weak and row.weak and screen_hit(row.text) is not None:
                screened[row.corpus] += 1
                continue
            rows.append(imply_negatives(row))
    return rows, dict(screened)


def train(
    corpora: Sequence[Corpus],
    config: TrainConfig | None = None,
    *,
    progress: Progress | None = None,
    version: str | None = None,
) -> TrainResult:
    """Train, evaluate and calibrate a bundle from corpora (see the module docstring).

    Raises:
        ValueError: no corpus informs the ``spam`` or ``toxicity`` head.
    """
    config = config or TrainConfig()
    say = progress or (lambda _msg: None)
    excluded = [c for c in corpora if config.redistributable_only and not c.redistributable]
    for c in excluded:
        say(f"left out {c.name}: its licence forbids redistribution ({c.licence})")
    corpora = dedupe([_limited(c, config) for c in corpora if c not in excluded])
    rows, screened = _prepared(corpora, config)
    if screened:
        say(f"screened out {sum(screened.values()):,} presumed-ham rows holding an insult")
    for head in ("spam", "toxicity"):
        if not any(head in r.labels for r in rows):
            raise ValueError(f"no training row informs the {head!r} head")
    split = [split_of(r, config.seed, config.calib_fraction, config.test_fraction) for r in rows]
    by_split = {
        s: [r for r, t in zip(rows, split, strict=True) if t == s]
        for s in ("train", "calib", "test")
    }
    variants = address_variants(
        [r for r in by_split["train"] if "toxicity" in r.labels], config.seed, config.address_share
    )
    swearing = swearing_variants(by_split["train"], config.seed, config.swearing_share)
    linked = link_variants(by_split["train"], config.seed, config.link_share)
    fragments = fragment_variants(by_split["train"], config.seed, config.fragment_share)
    by_split["train"] += variants + swearing + linked + fragments
    say(
        ", ".join(f"{k}: {len(v):,} rows" for k, v in by_split.items())
        + f" (train holds {len(variants):,} address, {len(swearing):,} swearing,"
        f" {len(linked):,} link and {len(fragments):,} fragment variants)"
    )

    model_a, x_train = _fit(by_split["train"], config, say, "model A (train split)")
    x_cal_a = model_a.featurizer.transform([r.text for r in by_split["calib"]])
    _calibrate(model_a, x_cal_a, by_split["calib"])
    thresholds_a, sources_a = _thresholds(model_a, x_cal_a, by_split["calib"], config)
    x_test = model_a.featurizer.transform([r.text for r in by_split["test"]])
    evaluation = _evaluate(model_a, x_test, by_split["test"], thresholds_a)
    logo: list[dict[str, Any]] = []
    if config.logo:
        train_test = by_split["train"] + by_split["test"]
        x_tt = sparse.vstack([x_train, x_test]).tocsr()
        mask = np.array([True] * len(by_split["train"]) + [False] * len(by_split["test"]))
        logo = _leave_one_group_out(train_test, x_tt, mask, config, say)

    if config.refit and by_split["test"]:
        model, _ = _fit(by_split["train"] + by_split["test"], config, say, "model B (train+test)")
        x_cal = model.featurizer.transform([r.text for r in by_split["calib"]])
        _calibrate(model, x_cal, by_split["calib"])
        thresholds, threshold_sources = _thresholds(model, x_cal, by_split["calib"], config)
    else:  # the measured model ships: calibrated and thresholded above already
        model, x_cal = model_a, x_cal_a
        thresholds, threshold_sources = thresholds_a, sources_a
    calib_eval = _evaluate(model, x_cal, by_split["calib"], thresholds)

    bundle = {
        "format": BUNDLE_FORMAT,
        "featurizer": {
            "char_ngrams": list(model.featurizer.char_ngrams),
            "word_ngrams": list(model.featurizer.word_ngrams),
            "normalize": model.featurizer.normalize,
            "view": model.featurizer.view,
            "shape_kinds": list(model.featurizer.shape_kinds_),
            **(
                {"stop_words": sorted(model.featurizer.stop_words)}
                if model.featurizer.stop_words is not None
                else {}
            ),
            "vocabulary": vocabulary_string(model.featurizer.vocabulary_),
            "idf": model.featurizer.idf_,
        },
        "heads": model.heads,
        "coef": model.coef,
        "intercept": model.intercept,
        "calibration": model.calibration,
    }
    version = version or datetime.now(UTC).strftime("%Y.%m.%d")
    manifest: dict[str, Any] = {
        "name": "modkit-default",
        "version": version,
        "format": BUNDLE_FORMAT,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "versions": runtime_versions(),
        "heads": model.heads,
        # The default policy acts on the policy heads; the other heads' thresholds are recorded for
        # sites that choose to act on them (Policy thresholds), not applied by default.
        "thresholds": {h: t for h, t in thresholds.items() if h in config.policy_heads},
        "sub_thresholds": {h: t for h, t in thresholds.items() if h not in config.policy_heads},
        "threshold_sources": threshold_sources,
        "features": len(model.featurizer.vocabulary_),
        "config": _jsonable(asdict(config)),
        "corpora": [
            {
                "name": c.name,
                "description": c.description,
                "heads": list(c.heads),
                "licence": c.licence,
                "redistributable": c.redistributable,
                "rows": len(c.rows),
                "screened_out": screened.get(c.name, 0),
                "weight": config.corpus_weights.get(c.name, 1.0),
                "files": [{"path": p, "sha256": h, "rows": n} for p, h, n in c.files],
            }
            for c in corpora
        ],
        # False when a corpus of the model forbids redistribution (a site's own model).
        "redistributable": all(c.redistributable for c in corpora),
        "excluded_corpora": [
            {"name": c.name, "licence": c.licence, "reason": "licence forbids redistribution"}
            for c in excluded
        ],
        "splits": {k: len(v) for k, v in by_split.items()},
        "metrics": {
            "test": evaluation,
            "leave_one_group_out": logo,
            "test_thresholds": thresholds_a,
            "calibration_split_ece": calib_eval["ece"],
        },
        "shortcuts": _shortcuts(model),
    }
    return TrainResult(bundle, _jsonable(manifest), render_report(manifest))


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, Mapping):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, float):
        return None if math.isnan(obj) else round(obj, 5)  # NaN -> null
    if isinstance(obj, np.generic):
        return _jsonable(obj.item())
    return obj


def _fmt(v: Any) -> str:
    return "–" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def render_report(manifest: Mapping[str, Any]) -> str:
    """REPORT.md: the metrics tables of a manifest."""
    out = io.StringIO()
    m = manifest["metrics"]
    out.write(f"# Model report: {manifest['name']} {manifest['version']}\n\n")
    refit = manifest.get("config", {}).get("refit", False)
    out.write(
        "The model is fitted on the train split; its Platt calibration and its thresholds are "
        "chosen on the calibration split; every figure below is measured on the test split, which "
        "it never saw. "
        + (
            "The shipped bundle was then refitted on train + test and calibrated on the same "
            "calibration split.\n\n"
            if refit
            else "The shipped bundle is that measured model.\n\n"
        )
    )
    out.write(f"Splits: {manifest['splits']}; features: {manifest['features']:,}.\n\n")
    out.write(
        "## Thresholds\n\nApplied by the default policy: those marked yes; the others are "
        "recorded for sites that act on them.\n\n"
        "| head | hold | reject | applied by default |\n|---|---|---|---|\n"
    )
    sources = manifest.get("threshold_sources", {})
    for key, applied in (("thresholds", "yes"), ("sub_thresholds", "no")):
        for head, t in manifest.get(key, {}).items():
            out.write(f"| {head} | {t['hold']:.3f} | {t['reject']:.3f} | {applied} |\n")
    if sources:
        out.write(
            "\nHow they were set (false-positive rate on the innocent comments of the calibration "
            "split; `realistic` = real conversation, reviews and the project's own comments, per "
            "language, the stricter language deciding; a hold below 0.2 or a reject below 0.5 is "
            "raised to that floor, so a rare head is not held on noise):\n\n"
            "| head | on | hold FPR | reject FPR | innocent rows | hold per language |\n"
            "|---|---|---|---|---|---|\n"
        )
        for head, src in sources.items():
            out.write(
                f"| {head} | {src['source']} | {src['hold_fpr']} | {src['reject_fpr']} "
                f"| {src['ham_rows']} | {src['hold_by_lang']} |\n"
            )
    out.write(
        "\n## Expected calibration error (test split, 10 bins)\n\n| head | ECE |\n|---|---|\n"
    )
    for head, e in m["test"]["ece"].items():
        out.write(f"| {head} | {_fmt(e)} |\n")
    for title, key in (("per language", "per_lang"), ("per corpus", "per_corpus")):
        out.write(
            f"\n## Test split, {title} (decision at the hold threshold)\n\n"
            "| set | head | n | pos | ROC AUC | accuracy | F1 | MCC | recall | FPR |\n"
            "|---|---|---|---|---|---|---|---|---|---|\n"
        )
        for name, heads in m["test"][key].items():
            for head, r in heads.items():
                out.write(
                    f"| {name} | {head} | {int(r['n'])} | {int(r['positives'])} "
                    f"| {_fmt(r['roc_auc'])} "
                    f"| {_fmt(r['accuracy'])} | {_fmt(r['f1'])} | {_fmt(r['mcc'])} "
                    f"| {_fmt(r['recall'])} | {_fmt(r['fpr'])} |\n"
                )
    if m["leave_one_group_out"]:
        out.write(
            "\n## Leave one YouTube video out (spam head retrained without the video)\n\n"
            "| corpus | video | n | ROC AUC | accuracy |\n|---|---|---|---|---|\n"
        )
        for r in m["leave_one_group_out"]:
            out.write(
                f"| {r['corpus']} | {r['group']} | {r['n']} | {_fmt(r['roc_auc'])} "
                f"| {_fmt(r['accuracy'])} |\n"
            )
    out.write(
        "\n## Training corpora\n\n| corpus | licence (as its source states it) | rows | "
        "screened out | heads | weight | files (sha256) |\n|---|---|---|---|---|---|---|\n"
    )
    for c in manifest["corpora"]:
        files = "<br>".join(f"{f['path']} `{f['sha256'][:12]}`" for f in c["files"])
        out.write(
            f"| {c['name']} | {c.get('licence', 'unknown')} | {c['rows']} "
            f"| {c.get('screened_out', 0)} | {', '.join(c['heads'])} | {c['weight']} | {files} |\n"
        )
    excluded = manifest.get("excluded_corpora", [])
    if excluded:
        out.write("\nLeft out of this model (the model is redistributed):\n\n")
        for c in excluded:
            out.write(f"- {c['name']}: {c['licence']} ({c['reason']})\n")
    shortcuts = manifest.get("shortcuts", {})
    if shortcuts:
        out.write(
            f"\n## What pushes each head (top {SHORTCUT_TOP} features by weight x idf)\n\n"
            "A function word, discourse word (frequent adverb, connective, modal verb), greeting "
            "or bare punctuation here would be a shortcut (marked **SHORTCUT**); the featuriser "
            "leaves them out, so none should appear.\n"
        )
        for head, feats in shortcuts.items():
            flagged = [f for f in feats if f["shortcut"]]
            out.write(f"\n### {head} ({len(flagged)} shortcuts)\n\n")
            out.write(
                ", ".join(
                    f"{f['feature']}{' **SHORTCUT**' if f['shortcut'] else ''} {f['push']:.2f}"
                    for f in feats
                )
                + "\n"
            )
    return out.getvalue()


def write_model(result: TrainResult, out_dir: str | os.PathLike[str]) -> Path:
    """Write ``model.joblib``, ``manifest.json`` and ``REPORT.md`` atomically into ``out_dir``."""
    import joblib

    target = Path(out_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        bundle_path = staging / "model.joblib"
        joblib.dump(result.bundle, bundle_path, compress=("zlib", 1))
        manifest = dict(result.manifest)
        manifest["bundle"] = {
            "file": bundle_path.name,
            "sha256": sha256_file(bundle_path),
            "bytes": bundle_path.stat().st_size,
        }
        (staging / "manifest.json").write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        (staging / "REPORT.md").write_text(result.report, encoding="utf-8")
        old = target.with_name(f".{target.name}.old")
        if old.exists():
            shutil.rmtree(old)
        if target.exists():
            target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target
