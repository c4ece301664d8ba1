"""The trained scorer: a verified model bundle turned into spam and toxicity scores.

A bundle is a folder with ``model.joblib`` (plain arrays and strings: vocabulary, IDF, one weight
column per head, calibration) and ``manifest.json`` (versions, sha256 of the joblib file, heads,
thresholds, metrics, training corpora). The sha256 is checked before the joblib file is opened: a
joblib file is code.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import platform
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from modkit._errors import ModelError
from modkit._features import (
    MAX_CHARGRAM_CHARS,
    VIEWS,
    VOCAB_SEPARATOR,
    LazyVocabulary,
    NgramFeaturizer,
)
from modkit._heads import HEADS
from modkit._scorer_protocol import Thresholds, check_thresholds
from modkit._text_share import scoring_text

__all__ = ["BUNDLE_FORMAT", "HEADS", "Scorer", "Span", "default_model_path"]

#: Version of the bundle layout; a bundle of another format is refused.
BUNDLE_FORMAT = 1

_BUNDLE_FILE = "model.joblib"
_MANIFEST_FILE = "manifest.json"
_MAX_EXPLAIN = 8
_CHUNK = 256  # comments featurised at once by score_many
_WORD_RE = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Span:
    """A part of the input that raised a score: ``text[start:end]``, with its weight."""

    start: int
    end: int
    text: str
    weight: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form."""
        return {"start": self.start, "end": self.end, "text": self.text, "weight": self.weight}


def default_model_path() -> Path:
    """Folder of the shipped default model (inside the installed package, else the source tree)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_model_data" / "default", here.parent / "models" / "default"):
        if (candidate / _MANIFEST_FILE).is_file():
            return candidate
    raise ModelError(
        "the default model is not installed (no modkit/_model_data/default or models/default); "
        "train one with `python train.py` or pass rules_only=True to run without a model"
    )


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, streamed."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / _MANIFEST_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ModelError(
            f"no manifest.json in {folder}: refusing to load an unverified model"
        ) from exc
    except OSError as exc:
        raise ModelError(f"cannot read {path}: {exc.strerror}") from exc
    try:
        manifest = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path} is not valid JSON") from exc
    if not isinstance(manifest, dict):
        raise ModelError(f"{path} is not a JSON object")
    return manifest


def _installed_version(dist: str, package: str) -> str:
    """The installed version of the distribution ``dist`` that holds ``package``: read from its
    one ``.dist-info`` beside the package (``importlib.metadata`` takes 60 ms to import), else
    from ``importlib.metadata``."""
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.origin:
        infos = list(Path(spec.origin).parent.parent.glob(f"{dist.replace('-', '_')}-*.dist-info"))
        if len(infos) == 1:
            try:
                with (infos[0] / "METADATA").open(encoding="utf-8") as fh:
                    for line in fh:
                        if line.startswith("Version:"):
                            return line.partition(":")[2].strip()
                        if not line.strip():  # the end of the headers
                            break
            except OSError:
                pass
    from importlib.metadata import version

    return version(dist)


def _check_versions(manifest: Mapping[str, Any], path: Path) -> None:
    installed = _installed_version("scikit-learn", "sklearn")
    fmt = manifest.get("format")
    if fmt != BUNDLE_FORMAT:
        raise ModelError(f"{path}: bundle format {fmt!r}, this modkit reads format {BUNDLE_FORMAT}")
    versions = manifest.get("versions")
    trained = versions.get("sklearn") if isinstance(versions, Mapping) else None
    if not isinstance(trained, str):
        raise ModelError(f"{path}: manifest does not record the scikit-learn version")
    if trained.split(".")[0] != installed.split(".")[0]:
        raise ModelError(
            f"{path}: model trained with scikit-learn {trained}, incompatible with the installed "
            f"{installed}; retrain with `python train.py`"
        )


class Scorer:
    """Spam and toxicity scores for French and English comments.

    Use :meth:`load`; ``score`` returns ``{head: probability}`` for every head of the bundle.
    Thread-safe: scoring only reads the fitted arrays.
    """

    _default: Scorer | None = None
    _default_lock = threading.Lock()

    def __init__(self, bundle: Mapping[str, Any], manifest: Mapping[str, Any]) -> None:
        try:
            feat = bundle["featurizer"]
            stop_words = feat.get("stop_words")
            self._featurizer = NgramFeaturizer(
                char_ngrams=tuple(feat["char_ngrams"]),
                word_ngrams=tuple(feat["word_ngrams"]),
                normalize=bool(feat.get("normalize", True)),
                stop_words=None if stop_words is None else frozenset(map(str, stop_words)),
                shape_tokens=bool(feat.get("shape_tokens", True)),
                view=str(feat.get("view", "plain")),
                shape_kinds=_shape_kinds(feat.get("shape_kinds")),
            )
            if self._featurizer.view not in VIEWS:
                raise ValueError(f"unknown featuriser view {self._featurizer.view!r}")
            packed = feat["vocabulary"]
            if not isinstance(packed, str):
                raise TypeError("the vocabulary is not a string")
            names = packed.split(VOCAB_SEPARATOR) if packed else []
            self._featurizer.vocabulary_ = LazyVocabulary(names, packed or None)
            self._featurizer.idf_ = np.asarray(feat["idf"], dtype=np.float32)
            self._featurizer.index()  # fails loudly on a key collision
            self._featurizer.vocabulary_.packed = None  # only the index needed it
            self.heads: tuple[str, ...] = tuple(bundle["heads"])
            self._coef = np.ascontiguousarray(bundle["coef"], dtype=np.float32)
            self._coef64 = self._coef.astype(np.float64)  # margins summed in float64
            self._intercept = np.asarray(bundle["intercept"], dtype=np.float64)
            calib = np.asarray(bundle["calibration"], dtype=np.float64)
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"model bundle is malformed: {exc}") from exc
        n_features = len(self._featurizer.vocabulary_)
        n_heads = len(self.heads)
        if self._coef.shape != (n_features, n_heads) or calib.shape != (n_heads, 2):
            raise ModelError("model bundle is malformed: array shapes do not match")
        self._calib_a = calib[:, 0]
        self._calib_b = calib[:, 1]
        self.manifest: Mapping[str, Any] = manifest
        self.version: str = str(manifest.get("version", "unknown"))
        self.thresholds: Thresholds = check_thresholds(
            manifest.get("thresholds", {}), where="manifest thresholds", error=ModelError
        )

    # -- loading ---------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> Scorer:
        """Load a bundle folder (default: the shipped model, cached) after verifying its sha256.

        Raises:
            ModelError: missing or invalid manifest, sha256 mismatch, incompatible versions, or a
                malformed bundle. Nothing is unpickled before the checksum matches.
        """
        if path is None:
            with cls._default_lock:
                if cls._default is None:
                    cls._default = cls._load(default_model_path())
                return cls._default
        return cls._load(Path(path))

    @classmethod
    def _load(cls, folder: Path) -> Scorer:
        if folder.is_file():
            folder = folder.parent
        manifest = _read_manifest(folder)
        bundle_info = manifest.get("bundle")
        if not isinstance(bundle_info, Mapping) or not isinstance(bundle_info.get("sha256"), str):
            raise ModelError(f"{folder}: manifest has no bundle sha256")
        name = bundle_info.get("file", _BUNDLE_FILE)
        if not isinstance(name, str) or Path(name).name != name:
            raise ModelError(f"{folder}: manifest names an invalid bundle file")
        bundle_path = folder / name
        try:
            actual = sha256_file(bundle_path)
        except FileNotFoundError as exc:
            raise ModelError(f"model file {bundle_path} is missing") from exc
        except OSError as exc:
            raise ModelError(f"cannot read {bundle_path}: {exc.strerror}") from exc
        if actual != bundle_info["sha256"]:
            raise ModelError(
                f"{bundle_path}: sha256 {actual[:12]}... does not match the manifest "
                f"({str(bundle_info['sha256'])[:12]}...); refusing to load a modified model"
            )
        _check_versions(manifest, bundle_path)
        import joblib

        try:
            bundle = joblib.load(bundle_path)
        except Exception as exc:  # a verified file that still fails to load is a broken bundle
            raise ModelError(
                f"{bundle_path}: cannot load the model bundle ({type(exc).__name__})"
            ) from exc
        if not isinstance(bundle, Mapping):
            raise ModelError(f"{bundle_path}: model bundle is not a mapping")
        return cls(bundle, manifest)

    # -- scoring ---------------------------------------------------------------------------------

    def _probabilities(self, margins: np.ndarray) -> np.ndarray:
        # 1 / (1 + exp(-clip(z, -35, 35))) by ufuncs in place: the same floats, fewer calls.
        z = margins * self._calib_a
        z += self._calib_b
        np.maximum(z, -35.0, out=z)
        np.minimum(z, 35.0, out=z)
        np.negative(z, out=z)
        np.exp(z, out=z)
        z += 1.0
        return np.divide(1.0, z, out=z)

    def _texts(self, texts: Sequence[str]) -> list[str]:
        """The texts as the featuriser reads them (shared with the rules within one check)."""
        if self._featurizer.normalize:
            return [scoring_text(t) for t in texts]
        return self._featurizer.normalized(texts)

    def _margins(self, texts: Sequence[str]) -> np.ndarray:
        """Linear margins ``(len(texts), heads)`` in float64, before calibration."""
        if len(texts) > _CHUNK:  # chunks whose arrays stay in cache; bounded memory
            parts = [self._margins(texts[i : i + _CHUNK]) for i in range(0, len(texts), _CHUNK)]
            return np.concatenate(parts)
        n_docs = len(texts)
        if n_docs == 1:  # one row: a dot product, and scipy is not imported (fast load)
            cols, vals = self._featurizer.weights_one(texts[0], self._texts(texts)[0])
            row = vals.astype(np.float64) @ self._coef64.take(cols, axis=0)
            row += self._intercept
            return row.reshape(1, -1)
        margins = np.zeros((n_docs, len(self.heads)), dtype=np.float64)
        blocks = self._featurizer.weights(texts, self._texts(texts))
        for block in blocks:
            indptr = np.zeros(n_docs + 1, dtype=np.int64)
            np.cumsum(np.bincount(block.docs, minlength=n_docs), out=indptr[1:])
            vals = block.vals.astype(np.float64)
            _add_products(indptr, block.cols, vals, self._coef64, margins)
        margins += self._intercept
        return margins

    def score(self, text: str, /) -> dict[str, float]:
        """Scores of one comment: ``{head: probability in [0, 1]}``.

        Raises:
            TypeError: ``text`` is not a str.
        """
        if not isinstance(text, str):
            raise TypeError(f"expected str, got {type(text).__name__}")
        probs = self._probabilities(self._margins([text])[0])
        return dict(zip(self.heads, probs.tolist(), strict=True))

    def score_many(self, texts: Sequence[str], /) -> list[dict[str, float]]:
        """Scores of many comments, in order (vectorised over the batch).

        Raises:
            TypeError: ``texts`` is a bare str, or an item is not a str.
        """
        if isinstance(texts, str):
            raise TypeError("score_many() takes a sequence of texts, not a single str")
        docs = list(texts)
        for doc in docs:
            if not isinstance(doc, str):
                raise TypeError(f"expected str items, got {type(doc).__name__}")
        probs = self._probabilities(self._margins(docs))
        heads = self.heads
        return [dict(zip(heads, row, strict=True)) for row in probs.tolist()]

    def explain(self, text: str, /, *, top: int = _MAX_EXPLAIN) -> dict[str, list[Span]]:
        """The words of ``text`` that raised each head's score most, strongest first.

        A word's weight is the sum of what its own n-grams add to the head's margin. Offsets index
        ``text`` as given (before normalisation), so ``text[span.start:span.end] == span.text``.

        Raises:
            TypeError: ``text`` is not a str.
        """
        from modkit._text import normalize

        if not isinstance(text, str):
            raise TypeError(f"expected str, got {type(text).__name__}")
        norm = normalize(text)
        vocab = self._featurizer.vocabulary_
        idx, val = self._featurizer.transform_one(text, normalized=norm.text)
        weight_of = dict(zip(idx.tolist(), val.tolist(), strict=True))
        words: list[tuple[int, int, np.ndarray, np.ndarray]] = []
        for match in _WORD_RE.finditer(norm.text[:MAX_CHARGRAM_CHARS]):
            grams = self._featurizer.word_grams(match.group())
            cols = [vocab[g] for g in grams if g in vocab and vocab[g] in weight_of]
            if cols:
                weights = np.array([weight_of[c] for c in cols], dtype=np.float32)
                words.append((match.start(), match.end(), np.array(cols), weights))
        result: dict[str, list[Span]] = {}
        for h, head in enumerate(self.heads):
            scored = []
            for a, b, word_cols, weights in words:
                contribution = float(weights @ self._coef[word_cols, h])
                if contribution > 0:
                    start, end = norm.original_span(a, b)
                    scored.append(Span(start, end, text[start:end], round(contribution, 4)))
            scored.sort(key=lambda span: -span.weight)
            result[head] = scored[:top]
        return result


def _shape_kinds(value: Any) -> tuple[str, ...] | None:
    """The bundle's shape kinds (None: every kind, as bundles written before they were chosen)."""
    if value is None:
        return None
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise TypeError("shape_kinds is not a list of str")
    return tuple(value)


def _add_products(
    indptr: np.ndarray, cols: np.ndarray, vals: np.ndarray, coef: np.ndarray, out: np.ndarray
) -> None:
    """``out += X @ coef`` for the CSR matrix ``X = (vals, cols, indptr)`` (``int64`` indices,
    ``float64`` values), in one compiled loop: no sparse matrix object is built."""
    try:
        from scipy.sparse._sparsetools import csr_matvecs
    except ImportError:  # a scipy without this private kernel: the public, slower way
        from scipy import sparse

        matrix = sparse.csr_matrix((vals, cols, indptr), shape=(len(out), len(coef)))
        out += matrix @ coef
        return
    n_rows, n_heads = out.shape
    csr_matvecs(n_rows, len(coef), n_heads, indptr, cols, vals, coef.ravel(), out.ravel())


def runtime_versions() -> dict[str, str]:
    """Versions recorded in a manifest."""
    import joblib
    import sklearn

    return {
        "python": platform.python_version(),
        "sklearn": sklearn.__version__,
        "joblib": joblib.__version__,
        "numpy": np.__version__,
    }
