"""Summary of a batch run: counts per action, top reasons, score histograms, and the confusion
table between the export's own status (approved, spam...) and modkit's action; as text for the
terminal and as a self-contained HTML page with inline SVG charts.

Built only from :class:`~modkit._batch.ResultRow` objects, which hold no email or IP, and every
string put in the HTML page is escaped.
"""

from __future__ import annotations

import html
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, Final

from modkit._batch import ACTIONS, SCORE_COLUMNS, ResultRow

__all__ = ["Summary"]

_STATUSES: Final = ("approved", "pending", "spam", "trash", "deleted")
_SPARK: Final = " ▁▂▃▄▅▆▇█"
_MAX_KEYS: Final = 64
_COLOURS: Final = {
    "accept": "#2e7d32",
    "hold": "#ef6c00",
    "reject": "#c62828",
    "invalid": "#6a1b9a",
    "error": "#424242",
}


class Summary:
    """Accumulates result rows; :meth:`format_text`, :meth:`to_dict` and :meth:`render_html`
    report them. ``bins`` is the number of histogram bins over [0, 1].

    ``rows_read`` and ``rows_written`` are set by the runner for the count check.
    """

    def __init__(self, *, bins: int = 20) -> None:
        if bins < 1:
            raise ValueError("bins must be at least 1")
        self.bins = bins
        self.rows = 0
        self.actions: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.invalid_fields: Counter[str] = Counter()
        self.types: Counter[str] = Counter()
        self.statuses: Counter[str] = Counter()
        self.confusion: Counter[tuple[str, str]] = Counter()
        self.histograms: dict[str, list[int]] = {}
        self.model_versions: Counter[str] = Counter()
        self.rows_read: int | None = None
        self.rows_written: int | None = None

    def add(self, row: ResultRow) -> None:
        """Count one result row."""
        self.rows += 1
        self.actions[row.action] += 1
        self.types[_bounded(self.types, row.type)] += 1
        for reason in row.reasons:
            self.reasons[_bounded(self.reasons, reason)] += 1
        if row.action == "invalid" and row.detail:
            self.invalid_fields.update(row.detail.split())
        elif row.error is not None:
            self.errors[row.error] += 1
        if row.model_version:
            self.model_versions[row.model_version] += 1
        if row.status is not None:
            self.statuses[row.status] += 1
            self.confusion[row.status, row.action] += 1
        bins = self.bins
        for label, value in row.scores.items():
            hist = self.histograms.get(label)
            if hist is None:
                hist = self.histograms[label] = [0] * bins
            if 0.0 <= value < 1.0:  # the common case (NaN fails every comparison)
                hist[min(int(value * bins), bins - 1)] += 1
            elif math.isfinite(value):
                hist[0 if value < 0.0 else bins - 1] += 1

    def add_all(self, rows: Iterable[ResultRow]) -> Summary:
        """Count every row; returns self."""
        for row in rows:
            self.add(row)
        return self

    @property
    def counts_match(self) -> bool:
        """True unless the runner recorded different numbers of rows read and written."""
        if self.rows_read is None or self.rows_written is None:
            return True
        return self.rows_read == self.rows_written

    def agreement(self) -> dict[str, tuple[int, int]]:
        """``{"spam_caught": (held or rejected, spam rows), "approved_kept": (accepted,
        approved rows)}`` for the statuses the export has."""
        out: dict[str, tuple[int, int]] = {}
        spam = self.statuses.get("spam", 0)
        if spam:
            caught = self.confusion["spam", "hold"] + self.confusion["spam", "reject"]
            out["spam_caught"] = (caught, spam)
        approved = self.statuses.get("approved", 0)
        if approved:
            out["approved_kept"] = (self.confusion["approved", "accept"], approved)
        return out

    def _score_labels(self) -> list[str]:
        known = [k for k in SCORE_COLUMNS if k in self.histograms]
        return known + sorted(k for k in self.histograms if k not in SCORE_COLUMNS)

    def _status_rows(self) -> list[str]:
        known = [s for s in _STATUSES if s in self.statuses]
        return known + sorted(s for s in self.statuses if s not in _STATUSES)

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable summary."""
        return {
            "rows": self.rows,
            "rows_read": self.rows_read,
            "rows_written": self.rows_written,
            "actions": {a: self.actions.get(a, 0) for a in ACTIONS},
            "types": dict(self.types),
            "reasons": dict(self.reasons.most_common()),
            "errors": dict(self.errors.most_common()),
            "invalid_fields": dict(self.invalid_fields.most_common()),
            "model_versions": dict(self.model_versions),
            "histograms": {k: list(v) for k, v in self.histograms.items()},
            "bins": self.bins,
            "confusion": {
                status: {a: self.confusion[status, a] for a in ACTIONS}
                for status in self._status_rows()
            },
            "agreement": {k: list(v) for k, v in self.agreement().items()},
        }

    # -- text -------------------------------------------------------------------------------------

    def format_text(self, *, top: int = 8) -> str:
        """A plain-text summary for a terminal (a few lines per section)."""
        lines = [f"modkit score: {self.rows:,} rows"]
        if self.rows_read is not None and self.rows_written is not None:
            check = "ok" if self.counts_match else "MISMATCH"
            lines.append(f"  read {self.rows_read:,}, written {self.rows_written:,}: {check}")
        for action in ACTIONS:
            n = self.actions.get(action, 0)
            if n or action in {"accept", "hold", "reject"}:
                lines.append(f"  {action:<8}{n:>10,}  {_pct(n, self.rows):>6}")
        if len(self.types) > 1:
            lines.append("types: " + _pairs(self.types.most_common()))
        if self.reasons:
            lines.append("top reasons: " + _pairs(self.reasons.most_common(top)))
        if self.errors:
            lines.append("errors: " + _pairs(self.errors.most_common(top)))
        if self.invalid_fields:
            lines.append("invalid fields: " + _pairs(self.invalid_fields.most_common(top)))
        if self.histograms:
            lines.append(f"score histograms ({self.bins} bins over 0-1):")
            for label in self._score_labels():
                hist = self.histograms[label]
                lines.append(f"  {label:<16} |{_sparkline(hist)}|  n={sum(hist):,}")
        if self.statuses:
            lines.extend(self._confusion_text())
        return "\n".join(lines)

    def _confusion_text(self) -> list[str]:
        head = f"  {'export status':<14}" + "".join(f"{a:>9}" for a in ACTIONS)
        out = ["export status vs modkit action:", head]
        for status in self._status_rows():
            cells = "".join(f"{self.confusion[status, a]:>9,}" for a in ACTIONS)
            out.append(f"  {status:<14}{cells}")
        labels = {"spam_caught": "spam held or rejected", "approved_kept": "approved accepted"}
        for key, (n, total) in self.agreement().items():
            out.append(f"  {labels[key]}: {n:,}/{total:,} ({_pct(n, total)})")
        return out

    # -- HTML -------------------------------------------------------------------------------------

    def render_html(self, *, title: str = "modkit score report", source: str | None = None) -> str:
        """A self-contained HTML page (inline CSS and SVG, no script, no external resource)."""
        esc = _esc
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        parts = [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(title)}</title>",
            f"<style>{_CSS}</style></head><body>",
            f"<h1>{esc(title)}</h1>",
            '<p class="meta">'
            + (f"Input: <code>{esc(source)}</code> · " if source else "")
            + f"{self.rows:,} rows · generated {esc(when)}"
            + (
                " · model " + ", ".join(f"<code>{esc(v)}</code>" for v in self.model_versions)
                if self.model_versions
                else ""
            )
            + "</p>",
        ]
        if self.rows_read is not None and self.rows_written is not None:
            ok = self.counts_match
            parts.append(
                f'<p class="{"ok" if ok else "bad"}">Rows read: {self.rows_read:,}; rows written: '
                f"{self.rows_written:,} ({'every row accounted for' if ok else 'MISMATCH'}).</p>"
            )
        parts.append("<h2>Actions</h2>")
        action_items = [(a, self.actions.get(a, 0)) for a in ACTIONS]
        parts.append(_bar_chart(action_items, total=self.rows, colours=_COLOURS))
        if self.reasons:
            parts.append("<h2>Top reasons</h2>")
            parts.append(_bar_chart(self.reasons.most_common(12), total=self.rows))
        if self.errors or self.invalid_fields:
            parts.append("<h2>Rows not scored</h2>")
            items = [(f"error: {k}", v) for k, v in self.errors.most_common(12)]
            items += [(f"invalid: {k}", v) for k, v in self.invalid_fields.most_common(12)]
            parts.append(_bar_chart(items, total=self.rows))
        if self.histograms:
            parts.append('<h2>Score histograms</h2><div class="hists">')
            parts.extend(
                _histogram_svg(label, self.histograms[label]) for label in self._score_labels()
            )
            parts.append("</div>")
        if self.statuses:
            parts.append("<h2>Export status vs modkit action</h2>")
            parts.append(self._confusion_html())
        if len(self.types) > 1:
            parts.append("<h2>Comment types</h2>")
            parts.append(_bar_chart(self.types.most_common(), total=self.rows))
        parts.append("</body></html>")
        return "\n".join(parts) + "\n"

    def _confusion_html(self) -> str:
        esc = _esc
        rows = ['<table class="confusion"><thead><tr><th>export status</th>']
        rows.extend(f"<th>{esc(a)}</th>" for a in ACTIONS)
        rows.append("<th>total</th></tr></thead><tbody>")
        for status in self._status_rows():
            total = self.statuses[status]
            rows.append(f"<tr><th>{esc(status)}</th>")
            for a in ACTIONS:
                n = self.confusion[status, a]
                share = n / total if total else 0.0
                rows.append(
                    f'<td style="background:rgba(21,101,192,{0.08 + 0.6 * share:.2f})">'
                    f"{n:,}<br><small>{_pct(n, total)}</small></td>"
                )
            rows.append(f"<td>{total:,}</td></tr>")
        rows.append("</tbody></table>")
        labels = {"spam_caught": "spam held or rejected", "approved_kept": "approved accepted"}
        for key, (n, total) in self.agreement().items():
            rows.append(f"<p>{esc(labels[key])}: {n:,} of {total:,} ({_pct(n, total)})</p>")
        return "".join(rows)


def _bounded(counter: Counter[str], key: str) -> str:
    """``key``, or ``"other"`` once ``counter`` holds :data:`_MAX_KEYS` keys (memory stays flat
    whatever an export puts in its type column)."""
    if key in counter or len(counter) < _MAX_KEYS:
        return key
    return "other"


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _pct(n: int, total: int) -> str:
    return f"{100.0 * n / total:.1f}%" if total else "-"


def _pairs(items: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{k} {v:,}" for k, v in items)


def _sparkline(counts: list[int]) -> str:
    peak = max(counts, default=0)
    if not peak:
        return " " * len(counts)
    top = len(_SPARK) - 1
    return "".join(_SPARK[math.ceil(top * c / peak)] for c in counts)


def _bar_chart(
    items: list[tuple[str, int]],
    *,
    total: int,
    colours: Mapping[str, str] | None = None,
    width: int = 640,
) -> str:
    """Horizontal bars, one per item, with the count and share as labels."""
    if not items:
        return ""
    bar_h, gap, label_w, value_w = 22, 6, 190, 120
    peak = max(n for _, n in items) or 1
    height = len(items) * (bar_h + gap)
    span = width - label_w - value_w
    out = [
        f'<svg class="bars" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="img" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, n) in enumerate(items):
        y = i * (bar_h + gap)
        w = span * n / peak
        colour = (colours or {}).get(label, "#1565c0")
        out.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{_esc(label[:40])}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}">'
            f"<title>{_esc(label)}: {n:,}</title></rect>"
            f'<text x="{label_w + w + 6:.1f}" y="{y + 16}">{n:,} ({_pct(n, total)})</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _histogram_svg(label: str, counts: list[int], *, width: int = 300, height: int = 150) -> str:
    """Vertical bars over [0, 1] for one score, with a 0 / 0.5 / 1 axis."""
    bins = len(counts)
    peak = max(counts, default=0) or 1
    plot_h = height - 36
    bar_w = (width - 20) / bins
    out = [
        f"<figure><figcaption>{_esc(label)} (n={sum(counts):,})</figcaption>"
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        'xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, n in enumerate(counts):
        h = plot_h * n / peak
        lo, hi = i / bins, (i + 1) / bins
        out.append(
            f'<rect x="{10 + i * bar_w:.1f}" y="{10 + plot_h - h:.1f}" width="{bar_w - 1:.1f}" '
            f'height="{h:.1f}" fill="#1565c0"><title>{lo:.2f}-{hi:.2f}: {n:,}</title></rect>'
        )
    base = 10 + plot_h
    out.append(
        f'<line x1="10" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#555"/>'
        f'<text x="10" y="{base + 16}">0</text>'
        f'<text x="{width / 2:.0f}" y="{base + 16}" text-anchor="middle">0.5</text>'
        f'<text x="{width - 10}" y="{base + 16}" text-anchor="end">1</text>'
        "</svg></figure>"
    )
    return "".join(out)


_CSS: Final = (
    "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;"
    "color:#222}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}"
    ".meta{color:#555}.ok{color:#2e7d32}.bad{color:#c62828;font-weight:bold}"
    "svg text{font-size:13px;fill:#222}.hists{display:flex;flex-wrap:wrap;gap:1rem}"
    "figure{margin:0}figcaption{font-weight:600}"
    "table.confusion{border-collapse:collapse}table.confusion td,table.confusion th"
    "{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}"
    "code{background:#f3f3f3;padding:0 .2rem}"
)
