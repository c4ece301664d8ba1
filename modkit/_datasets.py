"""Dataset loaders: every shared corpus format and the project's JSONL corpus as one row type.

Each corpus maps its own labels to the heads it really informs (see ``docs/corpora.md``); a head
absent from :attr:`Row.labels` means "unknown", never 0. Files are streamed with :mod:`csv` (UTF-8,
UTF-8 with a BOM, or latin-1 with a warning) and hashed with sha256; a malformed row is skipped,
counted and logged on the ``modkit.datasets`` logger with its file and line, never its text.

Adding a corpus is one function decorated with ``@_register("folder_name")``.
"""

from __future__ import annotations

import codecs
import csv
import email
import email.header
import email.policy
import hashlib
import html
import json
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from email.message import Message
from os import PathLike
from pathlib import Path

__all__ = [
    "FEEDBACK_LABELS",
    "HEADS",
    "LOADERS",
    "Corpus",
    "Row",
    "dedupe",
    "dedupe_key",
    "guess_lang",
    "load_feedback",
    "load_path",
    "load_project",
]

_log = logging.getLogger("modkit.datasets")

#: Every head a row may inform, in the model's order.
HEADS: tuple[str, ...] = (
    "spam",
    "toxicity",
    "insult",
    "threat",
    "obscene",
    "identity_attack",
    "severe_toxicity",
)
_LANGS = ("fr", "en")
#: Longer texts are cut (comment forms limit length too); bounds the work per row.
MAX_TEXT_CHARS = 10_000
_EMAIL_BODY_CHARS = 2_000
_EMAIL_PARSE_CHARS = 60_000
_FIELD_LIMIT = 1 << 22  # 4 MiB per CSV field: far above any real field, still bounded
_MAX_JSONL_LINE = 1 << 20
_MAX_WARNINGS_PER_FILE = 20
_CHUNK = 1 << 20
_DATA_SUFFIXES = (".jsonl", ".csv")
_TEXT_COLUMNS = ("text", "comment", "content", "body", "message")
#: Corpora whose row ids share one namespace, so one id is one comment across them.
_ID_NAMESPACES: Mapping[str, str] = {
    "youtube_spam_collection": "youtube",
    "youtube_spam_casagrande_2014": "youtube",
}


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled text. ``labels`` holds only the heads its corpus informs (0/1).

    Raises:
        ValueError: empty text, a language other than ``fr``/``en``, an unknown head, a label
            other than 0/1.
    """

    text: str
    lang: str
    labels: Mapping[str, int]
    corpus: str
    group: str | None = None
    kind: str | None = None
    id: str | None = None

    def __post_init__(self) -> None:
        if not self.text:
            raise ValueError("row text is empty")
        if self.lang not in _LANGS:
            raise ValueError(f"row lang must be 'fr' or 'en', not {self.lang!r}")
        for head, value in self.labels.items():
            if head not in HEADS:
                raise ValueError(f"unknown head {head!r}")
            if type(value) is not int or value not in (0, 1):
                raise ValueError(f"label {head!r} must be 0 or 1, not {value!r}")


@dataclass(frozen=True, slots=True)
class Corpus:
    """A loaded corpus: rows, files read (relative path, sha256, rows taken from it), mapping."""

    name: str
    rows: list[Row]
    files: list[tuple[str, str, int]]
    heads: tuple[str, ...]
    description: str


# -- text cleaning ---------------------------------------------------------------------------------

_MOJIBAKE_HINT = re.compile("Ã[\x80-\xbf]|â\x80|Â[\xa0-\xbf]|ð\x9f")
_MOJIBAKE_SEQ = re.compile(
    "[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML_TAG = re.compile(
    r"<(/?)(a|b|i|u|s|em|strong|span|p|div|font|br)\b[^<>]{0,1000}>", re.IGNORECASE
)


def _unmojibake(match: re.Match[str]) -> str:
    seq = match.group(0)
    try:
        return seq.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return seq


def _fix_mojibake(text: str) -> str:
    """Repair UTF-8 text decoded as latin-1 (``dÃ©gager`` -> ``dégager``), sequence by sequence."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    return _MOJIBAKE_SEQ.sub(_unmojibake, text)


def _strip_quotes(text: str) -> str:
    """Drop quotes wrapping the whole text (an export artefact) when no other quote is inside."""
    for _ in range(3):
        if len(text) >= 2 and text[0] == text[-1] == '"' and '"' not in text[1:-1]:
            text = text[1:-1].strip()
        else:
            break
    return text


def _clean(text: str) -> str:
    """Return the text as a commenter wrote it: entities decoded, artefacts gone; may be empty."""
    text = text[: MAX_TEXT_CHARS * 2]
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    for _ in range(2):  # double-escaped sources (``&amp;gt;``)
        if "&" not in text:
            break
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    if not text.isascii():
        text = _fix_mojibake(text).replace("\ufeff", "").replace("\xa0", " ")
    text = _strip_quotes(text.strip())
    return text[:MAX_TEXT_CHARS].strip()


def _jigsaw_clean(text: str) -> str:
    """Jigsaw texts with quotes or newlines were exported wrapped in quotes, inner ones doubled."""
    text = text.strip()
    if text.startswith('"'):
        text = text[1:-1] if text.endswith('"') and len(text) > 1 else text[1:]
        text = text.replace('""', '"')
    return _clean(text)


def _olid_clean(text: str) -> str:
    """OLID tweets that held a quote end with a stray quote added by the export."""
    text = text.strip()
    return _clean(text[:-1] if text.endswith('"') else text)


def _youtube_html(text: str) -> str:
    """YouTube exports are rendered HTML: ``<br />`` becomes a newline, other known tags go."""
    return _HTML_TAG.sub(lambda m: "\n" if m.group(2).lower() == "br" else "", text)


_ANY_TAG = re.compile(r"<[^<>]{0,2000}>")
_BLOCK_START = re.compile(r"<(script|style)\b|<!--", re.IGNORECASE)
_BLOCK_END = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
    "": re.compile(r"-->"),
}
_LINE_TAGS = frozenset({"br", "p", "div", "tr", "li", "table", "h1", "h2", "h3", "h4", "hr"})


def _tag_text(match: re.Match[str]) -> str:
    inner = match.group(0)[1:-1].lstrip("/").split(maxsplit=1)
    return "\n" if inner and inner[0].rstrip("/").lower() in _LINE_TAGS else ""


def _html_to_text(markup: str) -> str:
    """Visible text of (email) HTML: comments, scripts and styles dropped, tags removed."""
    kept: list[str] = []
    pos = 0
    while (start := _BLOCK_START.search(markup, pos)) is not None:
        kept.append(markup[pos : start.start()])
        end = _BLOCK_END[(start.group(1) or "").lower()].search(markup, start.end())
        pos = end.end() if end else len(markup)
    kept.append(markup[pos:])
    return _ANY_TAG.sub(_tag_text, "".join(kept))


_SPACES = re.compile(r"[ \t\f\v]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def _part_text(part: Message) -> str:
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if encoding in ("base64", "quoted-printable"):
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            return ""
        charset = part.get_content_charset() or "utf-8"
        try:
            return payload.decode(charset, errors="replace")
        except LookupError:
            return payload.decode("latin-1")
    payload = part.get_payload()
    return payload if isinstance(payload, str) else ""


def _email_text(raw: str) -> str:
    """Subject and the first characters of the body of a raw email, headers and markup removed."""
    msg = email.message_from_string(raw[:_EMAIL_PARSE_CHARS], policy=email.policy.compat32)
    try:
        subject = str(email.header.make_header(email.header.decode_header(msg.get("Subject", ""))))
    except (LookupError, ValueError, UnicodeDecodeError):
        subject = str(msg.get("Subject", ""))
    plain: list[str] = []
    markup: list[str] = []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain":
            plain.append(_part_text(part))
        elif ctype == "text/html":
            markup.append(_part_text(part))
    if any(p.strip() for p in plain):
        body = "\n".join(plain)[: 4 * _EMAIL_BODY_CHARS]
    else:
        body = _html_to_text("\n".join(markup))
    body = _BLANK_LINES.sub("\n\n", "\n".join(line.strip() for line in body.split("\n")))
    text = f"{subject.strip()}\n\n{body.strip()}" if subject.strip() else body.strip()
    return _SPACES.sub(" ", text)[:_EMAIL_BODY_CHARS]


# -- language guess --------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_FR_WORDS_TEXT = """
    le la les des du une un et est je tu il elle nous vous ils elles pas que qui ne ce cette
    ces dans pour sur avec au aux mais ou où très ça sont suis être avoir fait comme plus
    mon ma mes ton ta tes sa ses leur leurs en de par tout tous toute bien rien aussi quand
    alors donc moi toi lui faut merci oui non avez ai était vraiment encore même peut cela
    ceci chez sans sous entre depuis jamais toujours quoi pourquoi comment parce mdr ptdr
    jsuis chui wesh ont nos vos votre notre trop cest jai nul putain merde con conne connard
    salope pute bonjour salut vidéo chaîne abonnez abonne gratuit argent gens aime ouais mec
    grave chanson meilleur ici voilà franchement bah bref vais va fais dit peux veux cet
"""
_EN_WORDS_TEXT = """
    the an and is are was were be been i you he she it we they not no that this these those
    with for of to in at by from but or my your his her our their have has had do does did
    what which who will would can could should just so if all about there here get got like
    because really very thanks thank please its im dont cant wont bitch ass shit fuck fucking
    stupid suck sucks u ur lol lmao love best ever good great nice song video check out
    subscribe channel follow plz free win money people hate dumb hoe yes yeah why how when
    where now one more only never talk edit
"""
_FR_WORDS = frozenset(_FR_WORDS_TEXT.split())
_EN_WORDS = frozenset(_EN_WORDS_TEXT.split())
_FR_ELISIONS = frozenset(
    {"l", "d", "j", "c", "qu", "n", "s", "m", "t", "jusqu", "lorsqu", "puisqu"}
)
_EN_SUFFIXES = frozenset({"t", "s", "re", "ll", "ve", "m", "d"})
_FR_LETTERS = frozenset("éèêëàâîïôûùçœæ")


def guess_lang(text: str, /, *, default: str = "fr") -> str:
    """Guess ``"fr"`` or ``"en"`` from function words, elisions and accents; ``default`` if tied."""
    sample = text[:2000].casefold()
    fr = en = 0
    for word in _WORD.findall(sample):
        head, sep, tail = word.replace("’", "'").partition("'")
        if sep:
            if head in _FR_ELISIONS:
                fr += 1
            elif tail in _EN_SUFFIXES:
                en += 1
            continue
        if word in _FR_WORDS:
            fr += 1
        elif word in _EN_WORDS:
            en += 1
    fr += min(3, sum(1 for ch in sample if ch in _FR_LETTERS))
    if fr == en:
        return default
    return "fr" if fr > en else "en"


# -- files -----------------------------------------------------------------------------------------


class _FormatError(ValueError):
    """A file is not in the format its loader expects."""


def _ensure_field_limit() -> None:
    # Process-wide, only ever raised, and bounded: the default 128 KiB is below real email fields.
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)


@dataclass
class _Source:
    """One file being read: where, its sha256 and encoding, and what became of its rows."""

    path: Path
    rel: str
    sha256: str
    encoding: str
    rows: int = 0
    skipped: int = 0
    dropped: Counter[str] = field(default_factory=Counter)

    def skip(self, line: int, reason: str) -> None:
        self.skipped += 1
        if self.skipped <= _MAX_WARNINGS_PER_FILE:
            _log.warning("%s:%d: skipped malformed row (%s)", self.path, line, reason)

    def done(self) -> None:
        if self.skipped > _MAX_WARNINGS_PER_FILE:
            _log.warning("%s: %d malformed rows skipped in all", self.path, self.skipped)
        if self.dropped:
            detail = ", ".join(f"{n} {why}" for why, n in sorted(self.dropped.items()))
            _log.info("%s: %d rows kept; not kept: %s", self.path, self.rows, detail)


def _probe(path: Path) -> tuple[str, str]:
    """Return the sha256 of a file and the encoding to read it with (streamed, bounded memory)."""
    digest = hashlib.sha256()
    decoder = None
    encoding = "utf-8"
    first = True
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            if first:
                first = False
                if chunk.startswith(b"\xef\xbb\xbf"):
                    encoding = "utf-8-sig"
                decoder = codecs.getincrementaldecoder("utf-8")()
            if decoder is not None:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    decoder = None
                    encoding = "latin-1"
    if decoder is not None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            encoding = "latin-1"
    if encoding == "latin-1":
        _log.warning("%s: not valid UTF-8, read as latin-1", path)
    return digest.hexdigest(), encoding


def _csv_records(src: _Source, *, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """Yield (first line number, fields) for each non-blank record; csv errors are skipped rows."""
    _ensure_field_limit()
    with src.path.open(encoding=src.encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        last = 0
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                src.skip(last + 1, str(exc))
                if reader.line_num == last:
                    return
                last = reader.line_num
                continue
            line, last = last + 1, reader.line_num
            if record:
                yield line, record


def _table(
    src: _Source,
    required: Sequence[str],
    *,
    delimiter: str = ",",
    fieldnames: Sequence[str] | None = None,
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line, {column: value}) for each record with the header's number of fields.

    Raises:
        _FormatError: the file is empty or lacks a required column.
    """
    records = _csv_records(src, delimiter=delimiter)
    if fieldnames is None:
        first = next(records, None)
        if first is None:
            raise _FormatError(f"{src.path}: empty file")
        header = [name.strip() for name in first[1]]
    else:
        header = list(fieldnames)
    missing = [name for name in required if name not in header]
    if missing:
        raise _FormatError(f"{src.path}: missing column(s) {', '.join(missing)}")
    for line, record in records:
        if len(record) != len(header):
            src.skip(line, f"{len(record)} fields, expected {len(header)}")
            continue
        yield line, dict(zip(header, record, strict=True))


def _flag(value: str) -> int | None:
    """Parse a 0/1 cell (``1``, ``0.0``, ``true``...); None when it is neither."""
    v = value.strip().lower()
    if v in ("1", "1.0", "true"):
        return 1
    if v in ("0", "0.0", "false"):
        return 0
    return None


class _Builder:
    """Collects the rows and files of one corpus."""

    def __init__(self, name: str, root: Path, heads: Sequence[str], description: str) -> None:
        self.name = name
        self.root = root
        self.heads = tuple(h for h in HEADS if h in heads)
        self.description = description
        self.rows: list[Row] = []
        self.sources: list[_Source] = []

    def open(self, path: Path) -> _Source:
        sha, encoding = _probe(path)
        rel = (
            path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else path.name
        )
        src = _Source(path, rel, sha, encoding)
        self.sources.append(src)
        return src

    def add(
        self,
        src: _Source,
        text: str,
        lang: str,
        labels: Mapping[str, int],
        *,
        group: str | None = None,
        kind: str | None = None,
        id: str | None = None,
        clean: Callable[[str], str] = _clean,
    ) -> None:
        if not labels:
            src.dropped["without a label for any head"] += 1
            return
        cleaned = clean(text)
        if not cleaned:
            src.dropped["with an empty text"] += 1
            return
        self.rows.append(
            Row(cleaned, lang, dict(labels), self.name, group or None, kind, id or None)
        )
        src.rows += 1

    def build(self) -> Corpus:
        for src in self.sources:
            src.done()
        files = [(s.rel, s.sha256, s.rows) for s in self.sources]
        return Corpus(self.name, self.rows, files, self.heads, self.description)


def _files(root: Path, pattern: str) -> list[Path]:
    """Files of a corpus folder matching ``pattern``, sorted.

    Raises:
        FileNotFoundError: none matches.
    """
    found = sorted(p for p in root.glob(pattern) if p.is_file())
    if not found:
        raise FileNotFoundError(f"{root}: no file matches {pattern!r}")
    return found


# -- registry --------------------------------------------------------------------------------------

_LOADERS: dict[str, Callable[[Path], Corpus]] = {}
#: Loader of each known corpus folder, by folder name, in the order :func:`load_path` returns them
#: (the corpora that inform more heads first, since :func:`dedupe` keeps first occurrences).
LOADERS: Mapping[str, Callable[[Path], Corpus]] = _LOADERS


def _register(name: str) -> Callable[[Callable[[Path], Corpus]], Callable[[Path], Corpus]]:
    def wrap(loader: Callable[[Path], Corpus]) -> Callable[[Path], Corpus]:
        _LOADERS[name] = loader
        return loader

    return wrap


# -- toxicity corpora ------------------------------------------------------------------------------

_JIGSAW_HEADS = {
    "toxic": "toxicity",
    "severe_toxic": "severe_toxicity",
    "obscene": "obscene",
    "threat": "threat",
    "insult": "insult",
    "identity_hate": "identity_attack",
}


@_register("jigsaw_toxic_subset")
def _jigsaw_subset(root: Path) -> Corpus:
    b = _Builder(
        "jigsaw_toxic_subset",
        root,
        list(_JIGSAW_HEADS.values()),
        "Wikipedia talk comments (Jigsaw sample, 2,000 clean + 3,000 with a label, not the natural "
        "ratio): toxic, severe_toxic, obscene, threat, insult, identity_hate -> toxicity, "
        "severe_toxicity, obscene, threat, insult, identity_attack",
    )
    for path in _files(root, "train.*.csv"):
        src = b.open(path)
        for line, rec in _table(src, ["id", "comment_text", *_JIGSAW_HEADS]):
            labels = {head: _flag(rec[col]) for col, head in _JIGSAW_HEADS.items()}
            if any(v is None for v in labels.values()):
                src.skip(line, "label not 0/1")
                continue
            b.add(src, rec["comment_text"], "en", _known(labels), id=rec["id"], clean=_jigsaw_clean)
    return b.build()


def _known(labels: Mapping[str, int | None]) -> dict[str, int]:
    return {head: value for head, value in labels.items() if value is not None}


@_register("jigsaw_toxic_first20k")
def _jigsaw_first20k(root: Path) -> Corpus:
    b = _Builder(
        "jigsaw_toxic_first20k",
        root,
        ["toxicity"],
        "Wikipedia talk comments (Jigsaw train.csv rows 1-20,000, natural ratio ~9% toxic): "
        "labels (= Kaggle toxic) -> toxicity only",
    )
    for path in _files(root, "text_comment_*.csv"):
        src = b.open(path)
        for line, rec in _table(src, ["comment_text", "labels"]):
            value = _flag(rec["labels"])
            if value is None:
                src.skip(line, "label not 0/1")
                continue
            b.add(src, rec["comment_text"], "en", {"toxicity": value}, clean=_jigsaw_clean)
    return b.build()


def _olid_labels(a: str, b: str, c: str) -> dict[str, int] | None:
    """OLID levels A/B/C -> heads; None when level A is neither OFF nor NOT."""
    if a == "NOT":
        return {"toxicity": 0, "insult": 0, "identity_attack": 0}
    if a != "OFF":
        return None
    labels = {"toxicity": 1}
    if b == "UNT":  # untargeted profanity: not an insult, no target to attack
        labels.update(insult=0, identity_attack=0)
    elif b == "TIN" and c in ("IND", "GRP"):
        labels["insult"] = 1
    return labels


@_register("olid_offenseval2019")
def _olid(root: Path) -> Corpus:
    bld = _Builder(
        "olid_offenseval2019",
        root,
        ["toxicity", "insult", "identity_attack"],
        "Tweets (OLID/OffensEval 2019): OFF/NOT -> toxicity 1/0; TIN with target IND or GRP -> "
        "insult 1, UNT (untargeted profanity) and NOT -> insult 0 and identity_attack 0; "
        "group = train/test",
    )
    src = bld.open(root / "olid-training-v1.0.tsv")
    for line, rec in _table(
        src, ["id", "tweet", "subtask_a", "subtask_b", "subtask_c"], delimiter="\t"
    ):
        labels = _olid_labels(rec["subtask_a"], rec["subtask_b"], rec["subtask_c"])
        if labels is None:
            src.skip(line, "subtask_a not OFF/NOT")
            continue
        bld.add(src, rec["tweet"], "en", labels, group="train", id=rec["id"], clean=_olid_clean)
    levels: list[dict[str, str]] = []
    for level in "abc":
        lab = bld.open(root / f"labels-level{level}.csv")
        found: dict[str, str] = {}
        for _line, rec in _table(lab, ["id", "label"], fieldnames=["id", "label"]):
            found[rec["id"].strip()] = rec["label"].strip()
        lab.rows = len(found)
        levels.append(found)
    src = bld.open(root / "testset-levela.tsv")
    for line, rec in _table(src, ["id", "tweet"], delimiter="\t"):
        tid = rec["id"].strip()
        labels = _olid_labels(*(lv.get(tid, "NULL") for lv in levels))
        if labels is None:
            src.skip(line, "no level A label for this id")
            continue
        bld.add(src, rec["tweet"], "en", labels, group="test", id=tid, clean=_olid_clean)
    return bld.build()


_DAVIDSON = {
    "0": {"toxicity": 1, "identity_attack": 1},
    "1": {"toxicity": 1},
    "2": {"toxicity": 0, "identity_attack": 0},
}


@_register("davidson_hate_offensive")
def _davidson(root: Path) -> Corpus:
    b = _Builder(
        "davidson_hate_offensive",
        root,
        ["toxicity", "identity_attack"],
        "Tweets (Davidson 2017): hate or offensive -> toxicity 1, neither -> 0; hate -> "
        "identity_attack 1, neither -> 0, offensive -> identity_attack unknown",
    )
    src = b.open(root / "labeled_data.csv")
    for line, rec in _table(src, ["", "class", "tweet"]):
        labels = _DAVIDSON.get(rec["class"].strip())
        if labels is None:
            src.skip(line, "class not 0/1/2")
            continue
        b.add(src, rec["tweet"], "en", labels, group="davidson", id=rec[""])
    return b.build()


_MLMA_TOXIC = frozenset({"hateful", "abusive", "offensive"})
_MLMA_IDENTITY_TARGETS = frozenset(
    {"origin", "gender", "sexual_orientation", "religion", "disability"}
)


def _mlma_labels(sentiment: str, target: str) -> dict[str, int]:
    """MLMA hostility aspects -> heads (empty when the row informs none)."""
    aspects = set(sentiment.strip().split("_"))
    if aspects == {"normal"}:
        return {"toxicity": 0, "insult": 0, "identity_attack": 0}
    if "normal" in aspects or not aspects & _MLMA_TOXIC:
        return {}  # annotators disagreed, or fearful/disrespectful only: not clearly toxic or not
    labels = {"toxicity": 1}
    if "hateful" in aspects and target.strip() in _MLMA_IDENTITY_TARGETS:
        labels["identity_attack"] = 1
    return labels


@_register("mlma_hate_speech")
def _mlma(root: Path) -> Corpus:
    b = _Builder(
        "mlma_hate_speech",
        root,
        ["toxicity", "insult", "identity_attack"],
        "MLMA tweets fr/en (en is stopword-stripped): sentiment normal -> toxicity, insult, "
        "identity_attack 0; hateful/abusive/offensive without normal -> toxicity 1; hateful "
        "with an identity target -> identity_attack 1; mixed with normal, fearful/disrespectful "
        "only -> unknown; group = mlma_fr/mlma_en",
    )
    for lang in _LANGS:
        path = root / f"{lang}_dataset.csv"
        if not path.is_file():
            raise FileNotFoundError(f"{path}: missing")
        src = b.open(path)
        for line, rec in _table(src, ["HITId", "tweet", "sentiment", "target"]):
            aspects = set(rec["sentiment"].strip().split("_"))
            if not aspects <= {"normal", "disrespectful", "fearful", *_MLMA_TOXIC}:
                src.skip(line, "unknown sentiment")
                continue
            labels = _mlma_labels(rec["sentiment"], rec["target"])
            b.add(
                src, rec["tweet"], lang, labels, group=f"mlma_{lang}", id=f"{lang}-{rec['HITId']}"
            )
    return b.build()


@_register("toxifrench_agreement_sample")
def _toxifrench(root: Path) -> Corpus:
    b = _Builder(
        "toxifrench_agreement_sample",
        root,
        ["toxicity"],
        "Native French forum comments (ToxiFrench agreement sample): the first human annotator's "
        "conclusion -> toxicity; rows where the second human leans the other way are dropped",
    )
    first, second = "annotator's conclusion", "2nd annotation score"
    src = b.open(root / "agreement_checking.csv")
    for line, rec in _table(src, ["msg_id", "content", first, second]):
        value = _flag(rec[first])
        try:
            check = float(rec[second])
        except ValueError:
            check = float("nan")
        if value is None or not 0.0 <= check <= 1.0:
            src.skip(line, "label not 0/1 or second score not in [0, 1]")
            continue
        if (check >= 0.5) != (value == 1):
            src.dropped["where the second annotator disagrees"] += 1
            continue
        b.add(src, rec["content"], "fr", {"toxicity": value}, id=rec["msg_id"])
    return b.build()


@_register("fr_hate_speech_superset")
def _fr_superset(root: Path) -> Corpus:
    b = _Builder(
        "fr_hate_speech_superset",
        root,
        ["toxicity", "identity_attack"],
        "French hate speech superset (sexism, cyberado, FTR, CONAN; its MLMA rows dropped): 1 -> "
        "identity_attack 1 and toxicity 1; 0 -> identity_attack 0 only (0 includes mere insults); "
        "group = source dataset",
    )
    src = b.open(root / "fr_hf.csv")
    for line, rec in _table(src, ["text", "labels", "dataset", "tweet_id"]):
        value = _flag(rec["labels"])
        if value is None:
            src.skip(line, "label not 0/1")
            continue
        dataset = rec["dataset"].strip()
        if dataset == "MLMA":
            src.dropped["MLMA rows (loaded from mlma_hate_speech)"] += 1
            continue
        labels = {"toxicity": 1, "identity_attack": 1} if value else {"identity_attack": 0}
        b.add(src, rec["text"], "fr", labels, group=dataset, id=rec["tweet_id"].strip())
    return b.build()


@_register("fr_toxicity_eistakovskii")
def _eistakovskii(root: Path) -> Corpus:
    b = _Builder(
        "fr_toxicity_eistakovskii",
        root,
        ["toxicity"],
        "French sentences (Stakovskii; mostly machine-translated Jigsaw/ParaDetox, some label "
        "noise): label 1/0 -> toxicity",
    )
    for path in _files(root, "*.csv"):
        src = b.open(path)
        for line, rec in _table(src, ["label", "text"], fieldnames=["label", "text"]):
            value = _flag(rec["label"])
            if value is None:
                src.skip(line, "label not 0/1")
                continue
            b.add(src, rec["text"], "fr", {"toxicity": value})
    return b.build()


# -- spam corpora ----------------------------------------------------------------------------------

_VIDEO_NAME = re.compile(r"(?:Youtube\d+-)?([A-Za-z0-9]+)")


def _youtube(root: Path, name: str, pattern: str, label: str, description: str) -> Corpus:
    b = _Builder(name, root, ["spam"], description)
    for path in _files(root, pattern):
        match = _VIDEO_NAME.match(path.name)
        video = match.group(1) if match else path.stem
        src = b.open(path)
        for line, rec in _table(src, ["COMMENT_ID", "CONTENT", label]):
            value = _flag(rec[label])
            if value is None:
                src.skip(line, f"{label} not 0/1")
                continue
            b.add(
                src,
                rec["CONTENT"],
                "en",
                {"spam": value},
                group=video,
                id=rec["COMMENT_ID"].strip(),
                clean=lambda t: _clean(_youtube_html(t)),
            )
    return b.build()


@_register("youtube_spam_collection")
def _youtube_uci(root: Path) -> Corpus:
    return _youtube(
        root,
        "youtube_spam_collection",
        "Youtube*.csv",
        "CLASS",
        "YouTube comments (UCI YouTube Spam Collection, videos 01-04): CLASS 1/0 -> spam; "
        "group = video (Psy, KatyPerry, LMFAO, Eminem)",
    )


@_register("youtube_spam_casagrande_2014")
def _youtube_casagrande(root: Path) -> Corpus:
    return _youtube(
        root,
        "youtube_spam_casagrande_2014",
        "*.csv",
        "TAG",
        "YouTube comments (Alberto/Casagrande 2014 sets, 5 videos; Psy and KatyPerry are the same "
        "videos as in the UCI set): TAG 1/0 -> spam; group = video",
    )


@_register("datacamp_blog_comment_spam")
def _datacamp(root: Path) -> Corpus:
    b = _Builder(
        "datacamp_blog_comment_spam",
        root,
        ["spam"],
        "DataCamp tutorial comments, labelled rows only: label 1/0 -> spam (its labellers also "
        "counted bare salutations, one-word and non-English comments as spam); group = article",
    )
    for path in _files(root, "*.csv"):
        src = b.open(path)
        for line, rec in _table(src, ["comment", "label", "articleName"]):
            if not rec["label"].strip():
                src.dropped["unlabelled"] += 1
                continue
            value = _flag(rec["label"])
            if value is None:
                src.skip(line, "label not 0/1/empty")
                continue
            b.add(src, rec["comment"], "en", {"spam": value}, group=rec["articleName"].strip())
    return b.build()


@_register("instagram_comment_scam_scamspot")
def _instagram(root: Path) -> Corpus:
    b = _Builder(
        "instagram_comment_scam_scamspot",
        root,
        ["spam"],
        "Instagram comments (ScamSpot; mostly lowercased, many emoji-only): scam 1/0 -> spam",
    )
    for path in _files(root, "comments-rating*.csv"):
        src = b.open(path)
        for line, rec in _table(src, ["number", "scam", "msg"]):
            value = _flag(rec["scam"])
            if value is None:
                src.skip(line, "scam not 0/1")
                continue
            b.add(src, rec["msg"], "en", {"spam": value})
    return b.build()


@_register("utkml_twitter_spam")
def _utkml(root: Path) -> Corpus:
    b = _Builder(
        "utkml_twitter_spam",
        root,
        ["spam"],
        "Tweets (UtkML Kaggle): Type Spam -> spam 1, Quality -> 0 (its Spam class includes "
        "clickbait and hyperpartisan news tweets)",
    )
    types = {"spam": 1, "quality": 0}
    for path in _files(root, "train*.csv"):
        src = b.open(path)
        for line, rec in _table(src, ["Id", "Tweet", "Type"]):
            value = types.get(rec["Type"].strip().lower())
            if value is None:
                src.skip(line, "Type not Spam/Quality")
                continue
            b.add(src, rec["Tweet"], "en", {"spam": value}, id=rec["Id"].strip())
    return b.build()


@_register("ott_deceptive_opinion_spam")
def _ott(root: Path) -> Corpus:
    b = _Builder(
        "ott_deceptive_opinion_spam",
        root,
        ["spam"],
        "Hotel reviews (Ott et al.): deceptive -> spam 1, truthful -> 0; fabricated opinion spam "
        "written by paid workers, not link spam (weight low); group = hotel",
    )
    kinds = {"deceptive": 1, "truthful": 0}
    src = b.open(root / "deceptive-opinion.csv")
    for line, rec in _table(src, ["deceptive", "hotel", "text"]):
        value = kinds.get(rec["deceptive"].strip().lower())
        if value is None:
            src.skip(line, "deceptive not deceptive/truthful")
            continue
        b.add(src, rec["text"], "en", {"spam": value}, group=rec["hotel"].strip())
    return b.build()


@_register("spamassassin_public_corpus")
def _spamassassin(root: Path) -> Corpus:
    b = _Builder(
        "spamassassin_public_corpus",
        root,
        ["spam"],
        "Emails (SpamAssassin spam, spam_2, easy_ham_2): label 1/0 -> spam; headers dropped, "
        "subject + body (MIME decoded, HTML stripped) cut to 2,000 chars; email, not comments",
    )
    for path in _files(root, "*.csv"):
        src = b.open(path)
        for line, rec in _table(src, ["group", "id", "label", "text"]):
            value = _flag(rec["label"])
            if value is None:
                src.skip(line, "label not 0/1")
                continue
            text = _email_text(rec["text"])
            b.add(
                src, text, "en", {"spam": value}, id=f"{rec['group'].strip()}/{rec['id'].strip()}"
            )
    return b.build()


# -- the project / generic format ------------------------------------------------------------------


def _generic_labels(values: Mapping[str, object]) -> dict[str, int] | None:
    """Head values of a generic row (missing, null or empty = unknown); None if one is not 0/1."""
    labels: dict[str, int] = {}
    for head in HEADS:
        value = values.get(head)
        if value is None or value == "":
            continue
        if isinstance(value, bool | int | float) and value in (0, 1):
            labels[head] = int(value)
        elif isinstance(value, str) and (flag := _flag(value)) is not None:
            labels[head] = flag
        else:
            return None
    return labels


def _generic_row(
    b: _Builder, src: _Source, line: int, values: Mapping[str, object], text: object
) -> None:
    if not isinstance(text, str):
        src.skip(line, "no text")
        return
    labels = _generic_labels(values)
    if labels is None:
        src.skip(line, "a label is not 0/1")
        return
    lang = values.get("lang")
    if lang is None or lang == "":
        lang = guess_lang(text)
    elif not isinstance(lang, str) or lang.strip().lower() not in _LANGS:
        src.skip(line, "lang not fr/en")
        return
    extra = {k: values.get(k) for k in ("group", "kind", "id")}
    if any(v is not None and not isinstance(v, str | int) for v in extra.values()):
        src.skip(line, "group/kind/id not a string")
        return
    group, kind, rid = (None if v is None or v == "" else str(v) for v in extra.values())
    b.add(src, text, lang.strip().lower(), labels, group=group, kind=kind, id=rid)


def _read_jsonl(b: _Builder, src: _Source) -> None:
    with src.path.open(encoding=src.encoding, newline="") as fh:
        for line, raw in enumerate(fh, start=1):
            if len(raw) > _MAX_JSONL_LINE:
                src.skip(line, "line too long")
                continue
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except ValueError:
                src.skip(line, "invalid JSON")
                continue
            if not isinstance(obj, dict):
                src.skip(line, "not a JSON object")
                continue
            text = next((obj[k] for k in _TEXT_COLUMNS if k in obj), None)
            _generic_row(b, src, line, obj, text)


def _read_generic_csv(b: _Builder, src: _Source) -> None:
    records = _csv_records(src)
    first = next(records, None)
    if first is None:
        raise _FormatError(f"{src.path}: empty file")
    header = [name.strip().lower() for name in first[1]]
    text_col = next((c for c in _TEXT_COLUMNS if c in header), None)
    if text_col is None:
        raise _FormatError(f"{src.path}: no text column ({'/'.join(_TEXT_COLUMNS)})")
    if not any(h in header for h in HEADS):
        raise _FormatError(f"{src.path}: no label column ({', '.join(HEADS)})")
    for line, record in records:
        if len(record) != len(header):
            src.skip(line, f"{len(record)} fields, expected {len(header)}")
            continue
        values = dict(zip(header, record, strict=True))
        _generic_row(b, src, line, values, values[text_col])


def _load_generic(root: Path, paths: Sequence[Path], name: str, *, lenient: bool) -> Corpus:
    """One corpus from JSONL/CSV files in the project format; heads = those found in the rows.

    Raises:
        _FormatError: a file is not in the format (only when not ``lenient``; else it is skipped).
    """
    b = _Builder(name, root, HEADS, "")
    for path in paths:
        src = b.open(path)
        try:
            if path.suffix == ".jsonl":
                _read_jsonl(b, src)
            else:
                _read_generic_csv(b, src)
        except _FormatError as exc:
            if not lenient:
                raise
            b.sources.remove(src)
            _log.warning("%s: skipped (%s)", path, str(exc).removeprefix(f"{path}: "))
    found = {head for row in b.rows for head in row.labels}
    b.heads = tuple(h for h in HEADS if h in found)
    b.description = f"{name}: project/generic format, heads as labelled in the files"
    return b.build()


def load_project(path: str | PathLike[str] = "datasets") -> Corpus:
    """Load the project's own corpus: every ``*.jsonl`` file in the folder, as corpus ``project``.

    Raises:
        FileNotFoundError: the folder does not exist.
        ValueError: it holds no ``*.jsonl`` file.
    """
    root = Path(path)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder")
    files = sorted(p for p in root.glob("*.jsonl") if p.is_file())
    if not files:
        raise ValueError(f"{root}: no *.jsonl file")
    corpus = _load_generic(root, files, "project", lenient=False)
    description = "the project's own corpus (news-style comments, fr/en): heads as labelled"
    return Corpus(corpus.name, corpus.rows, corpus.files, corpus.heads, description)


#: How a moderator's verdict maps onto the heads (absent heads are not informed by the verdict).
FEEDBACK_LABELS: Mapping[str, Mapping[str, int]] = {
    "ham": {"spam": 0, "toxicity": 0},
    "spam": {"spam": 1},
    "toxic": {"spam": 0, "toxicity": 1},
}


def load_feedback(path: str | PathLike[str]) -> Corpus:
    """Load moderators' verdicts from a modkit SQLite store as corpus ``feedback``.

    Only the public text, the language and the verdict are read (never an author key). The last
    verdict on a text wins.

    Raises:
        FileNotFoundError: the file does not exist.
        ValueError: it is not a modkit store (no ``feedback`` table).
    """
    from modkit._errors import StoreError
    from modkit._model import sha256_file
    from modkit._store import SQLiteStore

    db = Path(path)
    if not db.is_file():
        raise FileNotFoundError(f"{db}: no such file")
    digest = sha256_file(db)
    try:
        store = SQLiteStore(db)
        try:
            records = store.feedback()  # oldest first
        finally:
            store.close()
    except StoreError as exc:
        raise ValueError(f"{db}: not a modkit store ({exc})") from exc
    latest: dict[str, tuple[str, str]] = {}
    for record in records:
        text, verdict = record.text, record.verdict
        if text.strip() and verdict in FEEDBACK_LABELS:
            lang = record.lang if record.lang in ("fr", "en") else guess_lang(text)
            latest[text] = (lang, verdict)
    rows = [
        Row(
            text=t,
            lang=lang,
            labels=dict(FEEDBACK_LABELS[v]),
            corpus="feedback",
            kind=f"feedback_{v}",
        )
        for t, (lang, v) in latest.items()
    ]
    return Corpus(
        "feedback",
        rows,
        [(db.name, digest, len(rows))],
        ("spam", "toxicity"),
        "moderators' verdicts: ham -> spam 0 + toxicity 0, spam -> spam 1, toxic -> toxicity 1",
    )


def _data_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in _DATA_SUFFIXES)


def load_path(path: str | PathLike[str]) -> list[Corpus]:
    """Load a folder of corpora, one known corpus folder, or one JSONL/CSV file (project format).

    In a folder of corpora, each known subfolder goes to its loader (in :data:`LOADERS` order), an
    unknown subfolder holding ``*.jsonl``/``*.csv`` files is read in the generic format, and
    anything skipped is logged. Data files directly in the folder make one generic corpus named
    after it.

    Raises:
        FileNotFoundError: the path does not exist, or a known corpus misses a file.
        ValueError: a file is not in its expected format, or nothing loadable was found.
    """
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such file or folder")
    if p.is_file():
        if p.suffix not in _DATA_SUFFIXES:
            raise ValueError(f"{p}: not a .jsonl or .csv file")
        return [_load_generic(p.parent, [p], p.stem, lenient=False)]
    if p.name in _LOADERS:
        return [_LOADERS[p.name](p)]
    corpora = [loader(p / name) for name, loader in _LOADERS.items() if (p / name).is_dir()]
    for sub in sorted(d for d in p.iterdir() if d.is_dir() and d.name not in _LOADERS):
        if sub.name.startswith((".", "_")):
            continue
        files = _data_files(sub)
        corpus = _load_generic(sub, files, sub.name, lenient=True) if files else None
        if corpus is None or not corpus.rows:
            _log.warning("%s: skipped (not a known corpus, no row in the generic format)", sub)
            continue
        corpora.append(corpus)
    files = _data_files(p)
    if files:
        corpus = _load_generic(p, files, p.name, lenient=True)
        if corpus.rows:
            corpora.append(corpus)
        else:
            _log.warning("%s: skipped its own data files (no row in the generic format)", p)
    if not corpora:
        raise ValueError(f"{p}: no known corpus and no file in the generic format")
    return corpora


# -- deduplication ---------------------------------------------------------------------------------

_URL = re.compile(r"(?:https?://|www\.)\S+|\bpic\.twitter\.com/\S+", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\b(?:URL|LINK)\b")
_MENTION = re.compile(r"@\w+:?")
_RT = re.compile(r"\brt\b:?")


def dedupe_key(text: str) -> str:
    """The key texts are duplicates by: NFKC, casefold, no urls, @mentions, RT or extra spaces."""
    key = text[: MAX_TEXT_CHARS * 2]
    if not key.isascii():
        key = unicodedata.normalize("NFKC", key)
    if "http" in key or "www." in key or "pic.twitter" in key:
        key = _URL.sub(" ", key)
    if "URL" in key or "LINK" in key:
        key = _PLACEHOLDER.sub(" ", key)
    key = key.casefold()
    if "@" in key:
        key = _MENTION.sub(" ", key)
    if "rt" in key:
        key = _RT.sub(" ", key)
    return " ".join(key.split()) or " ".join(text.casefold().split())


def _merge(rows: Sequence[Row]) -> tuple[Row, bool]:
    """One row for duplicates within a corpus: per head the majority label, a tie going to 1."""
    first = rows[0]
    if len(rows) == 1:
        return first, False
    votes: dict[str, list[int]] = {}
    for row in rows:
        for head, value in row.labels.items():
            votes.setdefault(head, []).append(value)
    labels = {h: int(2 * sum(v) >= len(v)) for h, v in votes.items()}
    conflict = any(0 < sum(v) < len(v) for v in votes.values())
    return Row(
        first.text, first.lang, labels, first.corpus, first.group, first.kind, first.id
    ), conflict


def dedupe(corpora: Sequence[Corpus]) -> list[Corpus]:
    """Deduplicate rows within and across corpora by :func:`dedupe_key` (and shared YouTube ids).

    Within a corpus, duplicates become one row (the first one's text, group and id) whose label per
    head is the majority vote, a tie giving 1. Across corpora, each (text, head) is labelled once:
    by the first corpus in the order given that informs that head; a later row keeps only the heads
    no earlier duplicate informs, and goes if none is left.
    """
    seen: dict[str, set[str]] = {}
    id_keys: dict[tuple[str, str], str] = {}
    out: list[Corpus] = []
    for corpus in corpora:
        namespace = _ID_NAMESPACES.get(corpus.name)
        groups: dict[str, list[Row]] = {}
        for row in corpus.rows:
            key = dedupe_key(row.text)
            if namespace and row.id:
                key = id_keys.setdefault((namespace, row.id), key)
            groups.setdefault(key, []).append(row)
        rows: list[Row] = []
        conflicts = dropped = trimmed = 0
        for key, dups in groups.items():
            row, conflict = _merge(dups)
            conflicts += conflict
            earlier = seen.get(key, set())
            if earlier & row.labels.keys():
                labels = {h: v for h, v in row.labels.items() if h not in earlier}
                if not labels:
                    dropped += 1
                    continue
                trimmed += 1
                row = Row(row.text, row.lang, labels, row.corpus, row.group, row.kind, row.id)
            rows.append(row)
        for key, dups in groups.items():
            seen.setdefault(key, set()).update(h for r in dups for h in r.labels)
        merged = len(corpus.rows) - len(groups)
        if merged or dropped or trimmed:
            _log.info(
                "%s: %d duplicates merged (%d texts with conflicting labels); %d rows dropped and "
                "%d trimmed as labelled by an earlier corpus",
                corpus.name,
                merged,
                conflicts,
                dropped,
                trimmed,
            )
        out.append(Corpus(corpus.name, rows, list(corpus.files), corpus.heads, corpus.description))
    return out


def _summary(corpora: Iterable[Corpus]) -> str:
    """A plain-text table: rows, languages and positives/known per head, per corpus."""
    lines = [f"{'corpus':34} {'rows':>7}  {'lang':12} heads (positive/known)"]
    for c in corpora:
        langs = Counter(r.lang for r in c.rows)
        lang = " ".join(f"{k}:{v}" for k, v in sorted(langs.items()))
        heads = []
        for head in c.heads:
            known = [r.labels[head] for r in c.rows if head in r.labels]
            heads.append(f"{head} {sum(known)}/{len(known)}")
        lines.append(f"{c.name:34} {len(c.rows):>7}  {lang:12} {'; '.join(heads)}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - a manual check: python -m modkit._datasets PATH
    import sys
    import time

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    t0 = time.perf_counter()
    loaded = [c for arg in sys.argv[1:] for c in load_path(arg)]
    t1 = time.perf_counter()
    print(_summary(loaded))
    print(f"loaded in {t1 - t0:.2f}s")
    print(_summary(dedupe(loaded)))
    print(f"deduplicated in {time.perf_counter() - t1:.2f}s")
