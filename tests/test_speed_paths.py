"""The fast paths of scoring give what the plain ones give (speed itself is measured in bench/)."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from modkit import _model


def _csr(rng: np.random.Generator, rows: int, width: int) -> tuple[np.ndarray, ...]:
    sizes = rng.integers(0, 6, rows)
    indptr = np.zeros(rows + 1, dtype=np.int64)
    np.cumsum(sizes, out=indptr[1:])
    cols = rng.integers(0, width, int(indptr[-1])).astype(np.int64)
    vals = rng.random(int(indptr[-1]))
    return indptr, cols, vals


def test_the_csr_product_without_the_compiled_kernel_is_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = np.random.default_rng(11)
    indptr, cols, vals = _csr(rng, 40, 300)
    coef = rng.standard_normal((300, 7))
    expected = np.zeros((40, 7))
    for row in range(40):
        span = slice(indptr[row], indptr[row + 1])
        expected[row] = vals[span] @ coef[cols[span]]
    fast = np.zeros((40, 7))
    _model._add_products(indptr, cols, vals, coef, fast)
    monkeypatch.setitem(sys.modules, "scipy.sparse._sparsetools", None)  # import fails
    plain = np.zeros((40, 7))
    _model._add_products(indptr, cols, vals, coef, plain)
    assert fast == pytest.approx(expected, abs=1e-12)
    assert plain == pytest.approx(expected, abs=1e-12)
