"""How the featuriser reads a comment: the views of a normalised text, its words and shape measures.

A view (:data:`VIEWS`) says which text the character n-grams are taken from and which words the
word n-grams are made of; the stop words are the words that are never a unigram (and, in the
``content`` view, no character n-grams). Shape tokens measure the original: capitals,
exclamation marks, length, links; :func:`shape_buckets` computes them for a batch with arrays.
The helpers at the end turn a batch of strings into one array of code points.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from itertools import compress, filterfalse, repeat

import numpy as np

__all__ = [
    "DISCOURSE_WORDS",
    "FUNCTION_WORDS",
    "MAX_CHARGRAM_CHARS",
    "SHAPE_EDGES",
    "SHAPE_PREFIX",
    "STOP_WORDS",
    "VIEWS",
    "WORD_PREFIX",
    "bucket",
    "code_points",
    "content_tokens",
    "default_stop_words",
    "owners",
    "scoped_tokens",
    "scoped_tokens_reference",
    "segment_sums",
    "shape_buckets",
    "shape_values",
    "view_text",
]

WORD_PREFIX = "\x01"  # namespace prefix of word n-grams (never produced by normalisation)
SHAPE_PREFIX = "\x02"  # namespace prefix of shape tokens

#: Character n-grams are taken from the first this many normalised characters only (bounded work);
#: word n-grams and shape tokens still see the whole text.
MAX_CHARGRAM_CHARS = 3000

#: Function words that are never word unigrams (they stay in character n-grams and word bigrams).
#: As unigrams they pick up their corpora's quirks: "de" and "une" had learnt a toxicity weight
#: strong enough to flag "Une salade de tomates aux lardons." Second-person words are kept: they
#: mark who a comment addresses.
_STOP_WORDS_TEXT = """
    a au aux avec ce ces cet cette c d dans de des du elle elles en et il ils j je l la le les
    leur leurs lui m ma mais me mes mon n ne nous on ou par pas pour qu que qui s sa se ses son
    sur un une y est sont ete etre
    an and are as at be by for from has have he her his i in is it its of on or our she that
    the their they this to was we were with my me
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

#: How the featuriser reads a normalised text. ``plain``: character n-grams of the whole text,
#: words split on spaces. ``content``: words split at apostrophes and stripped of edge
#: punctuation; the :data:`FUNCTION_WORDS` (pronouns, determiners, greetings, auxiliaries,
#: prepositions, conjunctions) are left out of the character n-grams and are never a word unigram,
#: and no word bigram is made of two of them. Who a comment addresses and how it greets are then
#: no features at all, so they cannot become a shortcut for toxicity (the ``plain`` recipe had
#: learnt "t'as", "ton" and "Bonjour" as toxic cues from its corpora's registers).
#: ``scoped``: the ``content`` view whose content words inside a negation (the next three after
#: ``pas``, ``jamais``, ``not``, ``n't``... within the clause) are prefixed with ``~`` and those
#: inside a quotation of three words or more with ``"``: "les migrants ne sont pas des
#: criminels" and "« les X sont des voleurs » c'est raciste" no longer share the words of the
#: claim they reject.
#: Character n-grams are the ``content`` view's.
VIEWS = ("plain", "content", "scoped")

# Forms as the normaliser writes them: case-folded, accents removed, apostrophes ASCII. Negations
# (pas, jamais, not, never, don) are kept: they carry meaning ("je ne déteste pas").
_FUNCTION_WORDS_TEXT = """
    je j tu t il elle on nous vous ils elles me m te toi moi lui leur leurs eux se s y en soi
    le la les l un une des du de d ce c cet cette ces ceci cela ca mon ma mes ton ta tes son sa
    ses notre nos votre vos qui que qu quoi dont ou et mais donc car ni or a au aux avec dans
    entre par pour sans sous sur vers chez est es suis sommes etes sont ai as avons avez ont ete
    etre avoir etait sera serait fait faire va vas vais allez vont tous tout toute toutes
    peux peut pouvez veux veut voulez sais sait savez dis dit dites fais faites
    bonjour bonsoir salut coucou hello hi hey yo cc slt bjr re cordialement bisous gars
    guys folks
    i my mine myself you your yours yourself yourselves u ur ya he him his himself she her hers
    herself it its itself we us our ours ourselves they them their theirs themselves the an this
    that these those is are am was were be been being have has had do does did to of in at for
    with from by about as into than then so and but if dear cheers thanks all everyone everybody
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())

# Frequent adverbs, connectives and modal verbs, innocent in any context. The public toxic
# corpora hold them more often on toxic rows (French Wikipedia talk translated into an
# argumentative register, hate statements such as "on devrait les ..."), so as features they
# taught "argues like an essay" as toxicity ("Alors on devrait faire comme ça ainsi que les autres
# pays." scored 0.96). Interjections and politeness markers are the same register cue ("Eh
# ouais, tu vas faire quoi" was held on "ouais" and "eh"; "Please" alone scored 0.95 spam).
# Training leaves them out as it leaves out the function words. Negations stay features: they
# carry meaning, and the scoped view reads them.
_DISCOURSE_WORDS_TEXT = """
    comme alors ainsi aussi egalement plus moins tres trop bien encore deja toujours
    souvent parfois meme memes autre autres quand si parce puisque pourquoi comment ici voila
    oui non bon bah ben enfin vraiment juste peu beaucoup assez faut faudrait fallait falloir
    devrait devraient doit doivent dois devrais devez devons pourrait pourraient pourrais
    certes pourtant cependant puis ensuite apres avant depuis pendant lors selon chaque
    plusieurs quelques quelque donc surtout plutot presque seulement exemple surement
    evidemment apparemment franchement clairement simplement completement totalement
    absolument carrement justement forcement visiblement honnetement serieusement
    effectivement
    ouais ouai eh hein mdr lol ptdr genre bref ok okay yeah yep yup nope oh ah haha hahaha ahah
    hihi wow euh bof nan nah zut mince oups lmao omg xd hmm hum pff svp stp please pls plz
    just like really very also more less other others another when because why how what
    which who whom where here there would should could can will must may might shall yes well
    still even only some any such much many each every again too quite already always often
    sometimes maybe perhaps though although however yet since while after before during
    whether instead actually probably example obviously clearly simply totally completely
    absolutely honestly seriously apparently definitely literally basically
"""
DISCOURSE_WORDS = frozenset(_DISCOURSE_WORDS_TEXT.split())
_PUNCTUATION_RUN = re.compile(r"[!?.,;:…]{2,}")
_EDGE_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”„‘’…–—·•¡¿§°"


def content_tokens(norm: str) -> list[str]:
    """The words of a normalised text as the ``content`` view reads them: split at apostrophes
    (``t'as`` -> ``t``, ``as``) and at runs of punctuation (``quoi!!!non``), edge punctuation
    stripped, empty pieces dropped."""
    pieces = _PUNCTUATION_RUN.sub(" ", norm).replace("'", " ").split()
    return [token for token in map(str.strip, pieces, repeat(_EDGE_PUNCTUATION)) if token]


NEGATED = "~"  # prefix of a content word inside a negation (``scoped`` view)
QUOTED = '"'  # prefix of a content word inside a quotation (``scoped`` view)
_MARKS = NEGATED + QUOTED
_NEGATIONS_TEXT = """
    not never no nothing nobody none neither nor without pas jamais aucun aucune rien ni sans guere
"""
_NEGATIONS = frozenset(_NEGATIONS_TEXT.split())
# English stems before ``'t`` (``don't`` -> ``don``, ``t``).
_NT_STEMS_TEXT = "don doesn didn isn aren wasn weren won can couldn shouldn wouldn haven hasn hadn"
_NT_STEMS = frozenset((*_NT_STEMS_TEXT.split(), "ain", "mustn", "needn"))
# Right after a negation these make it restrictive, not negative ("nothing but", "rien que").
_NOT_NEGATION = frozenset(("but", "que", "qu", "only", "seulement", "than"))
_CLAUSE_BREAK = frozenset(("but", "mais", "however", "cependant", "pourtant"))
_NEGATION_SPAN = 3
_QUOTE_MIN_WORDS = 3
_PIECE = re.compile(r"[^\s']+")
_CLAUSE_END = re.compile(r"[.,;:!?…]$|[!?.,;:…]{2,}")
_QUOTED_SPAN = re.compile(r"[\"«“]([^\"«»“”]{1,400})[\"»”]")
_QUOTE_MARKS = frozenset('"«“')  # a quotation starts with one of these
_CLAUSE_END_CHARS = frozenset(".,;:!?…")  # a piece ending with one ends a clause
_CUE_WORDS = _NEGATIONS | {"t"}  # the words that may open a negation's scope


def scoped_tokens(norm: str, stop_words: Collection[str]) -> list[str]:
    """The ``content`` view's words of a normalised text, content words prefixed by their scope:
    :data:`NEGATED` for the next three content words after a negation within its clause,
    :data:`QUOTED` inside a quotation of at least three words.

    Gives what :func:`scoped_tokens_reference` gives, faster: the words are split with string
    methods, and only the words that follow a negation are read one by one (every word, in a
    text with a quotation).
    """
    return _scoped(norm, stop_words)[0]


def _scoped(norm: str, stop_words: Collection[str]) -> tuple[list[str], list[str]]:
    """:func:`scoped_tokens` of ``norm`` and the same words unmarked."""
    if '"' in norm or "«" in norm or "“" in norm:
        quoted = [
            m.span(1)
            for m in _QUOTED_SPAN.finditer(norm)
            if len(m.group(1).split()) >= _QUOTE_MIN_WORDS
        ]
        if quoted:
            return _scoped_quoted(norm, quoted, stop_words)
    if _PUNCTUATION_RUN.search(norm) is None:
        pieces = norm.replace("'", " ").split()
        words = list(map(str.strip, pieces, repeat(_EDGE_PUNCTUATION)))
        if _CUE_WORDS.isdisjoint(words):
            words = [word for word in words if word] if "" in words else words
            return words, words
        if "" not in words:  # a piece per word: its end read only where a scope asks
            unmarked = list(words)
            _mark_negated(words, _PieceEnds(pieces), _cue_indices(words), stop_words)
            return words, unmarked
        ends = [piece[-1] in _CLAUSE_END_CHARS for piece in pieces]
    else:
        tokens = content_tokens(norm)
        if _CUE_WORDS.isdisjoint(tokens):
            return tokens, tokens
        words, ends = _words_and_ends(norm)
    words, ends = _compact(words, ends)
    unmarked = list(words)
    _mark_negated(words, ends, _cue_indices(words), stop_words)
    return words, unmarked


class _PieceEnds:
    """``ends`` (of :func:`_mark_negated`) of words that are the pieces of a text, each read
    when asked (a scope reads a few)."""

    __slots__ = ("_pieces",)

    def __init__(self, pieces: Sequence[str]) -> None:
        self._pieces = pieces

    def __getitem__(self, i: int, /) -> bool:
        return self._pieces[i][-1] in _CLAUSE_END_CHARS


def _cue_indices(words: list[str]) -> list[int]:
    """The indices of the words of :data:`_CUE_WORDS`, ascending: each found by ``list.index``
    (a long text holds few)."""
    found: list[int] = []
    for cue in _CUE_WORDS.intersection(words):
        at = words.index(cue)
        while True:
            found.append(at)
            try:
                at = words.index(cue, at + 1)
            except ValueError:
                break
    found.sort()
    return found


def _words_and_ends(text: str) -> tuple[list[str], list[bool]]:
    """The words of ``text`` (some empty) and whether a clause ends after each."""
    words: list[str] = []
    ends: list[bool] = []
    pieces = text.replace("'", " ").split()
    if _PUNCTUATION_RUN.search(text) is None:
        words = list(map(str.strip, pieces, repeat(_EDGE_PUNCTUATION)))
        return words, [piece[-1] in _CLAUSE_END_CHARS for piece in pieces]
    for piece in pieces:
        if _PUNCTUATION_RUN.search(piece) is None:
            words.append(piece.strip(_EDGE_PUNCTUATION))
            ends.append(piece[-1] in _CLAUSE_END_CHARS)
        else:  # split at its runs; the clause ends after its last part
            parts = _PUNCTUATION_RUN.split(piece)
            words.extend(map(str.strip, parts, repeat(_EDGE_PUNCTUATION)))
            ends.extend([False] * (len(parts) - 1))
            ends.append(True)
    return words, ends


def _quote_regions(norm: str, quoted: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``norm`` covering exactly the pieces (:data:`_PIECE`) that overlap a quotation
    of ``quoted`` (sorted, disjoint), merged where they share a piece."""
    size = len(norm)
    backwards = norm[::-1]
    regions: list[tuple[int, int]] = []
    for first, stop in quoted:
        start, end = first, stop
        back = size - 1 - first  # ``norm[first]`` in ``backwards``
        piece = _PIECE.match(backwards, back)  # the piece holding ``first``, read backwards
        if piece is not None:
            start = first + 1 - (piece.end() - back)
        piece = _PIECE.match(norm, stop - 1)  # the piece holding ``stop - 1``
        if piece is not None:
            end = piece.end()
        if regions and start < regions[-1][1]:  # they share a piece
            last_start, last_end = regions.pop()
            start, end = last_start, max(end, last_end)
        regions.append((start, end))
    return regions


def _scoped_quoted(
    norm: str, quoted: Sequence[tuple[int, int]], stop_words: Collection[str]
) -> tuple[list[str], list[str]]:
    """:func:`_scoped` of a text with quotations (spans of their insides in ``quoted``): what
    :func:`_scoped_pieces` gives, the text split with string methods between the quotations, and
    only the quoted words and those after a negation read one by one."""
    words: list[str] = []
    ends: list[bool] = []
    inside: list[bool] = []  # the word is in a piece that overlaps a quotation
    runs = _PUNCTUATION_RUN.search(norm) is not None  # else each piece is one word
    spaced = norm.replace("'", " ")
    done = 0
    for start, end in [*_quote_regions(norm, quoted), (len(norm), len(norm))]:
        for flag, a, b in ((False, done, start), (True, start, end)):
            if a < b:
                if runs:
                    part_words, part_ends = _words_and_ends(norm[a:b])
                    ends += part_ends
                else:
                    part_words = spaced[a:b].split()
                words += part_words
                inside += [flag] * len(part_words)
        done = end
    read_ends: Sequence[bool] | _PieceEnds = ends
    if not runs:  # the pieces, as words
        pieces = words
        words = list(map(str.strip, pieces, repeat(_EDGE_PUNCTUATION)))
        read_ends = _PieceEnds(pieces)
        if "" in words:
            ends = [piece[-1] in _CLAUSE_END_CHARS for piece in pieces]
    if "" in words:
        kept = [i for i, word in enumerate(words) if word]
        inside = [inside[i] for i in kept]
        words, ends = _compact(words, ends)
        read_ends = ends
    unmarked = list(words)
    _mark_negated(words, read_ends, _cue_indices(unmarked), stop_words, inside)
    # the quoted form of each quoted word, but ``t`` (it depends on the word before)
    forms = {
        word: QUOTED + word
        for word in set(compress(unmarked, inside))
        if not (word in stop_words or word in _NEGATIONS or word == "t")
    }
    t_quoted = not ("t" in stop_words or "t" in _NEGATIONS)
    for i in compress(range(len(words)), inside):
        form = forms.get(unmarked[i])
        if form is not None:
            words[i] = form
        elif t_quoted and unmarked[i] == "t" and not (i and unmarked[i - 1] in _NT_STEMS):
            words[i] = QUOTED + "t"
    return words, unmarked


def _compact(words: list[str], ends: list[bool]) -> tuple[list[str], list[bool]]:
    """``words`` without the empty ones; the end of a clause after one moves to the word
    before."""
    if "" not in words:
        return words, ends
    kept_words: list[str] = []
    kept_ends: list[bool] = []
    for word, end in zip(words, ends, strict=True):
        if word:
            kept_words.append(word)
            kept_ends.append(end)
        elif end and kept_ends:
            kept_ends[-1] = True
    return kept_words, kept_ends


def _mark_negated(
    words: list[str],
    ends: Sequence[bool] | _PieceEnds,
    cues: Sequence[int],
    stop_words: Collection[str],
    inside: Sequence[bool] = (),
) -> None:
    """Prefix with :data:`NEGATED`, in place, the words in the scope of a negation.

    ``ends[i]``: a clause ends after word ``i``; ``cues``: the indices of the words that may open
    a scope (:data:`_CUE_WORDS`), ascending. Out of every scope the state is reset, so the words
    between scopes need not be read. ``inside[i]`` (when given): word ``i`` is quoted, so it is
    neither marked nor counted in the scope.
    """
    size = len(words)
    done = 0  # words before this index are settled
    for start in cues:
        if start < done:
            continue
        previous = words[start - 1].lstrip(NEGATED) if start else ""  # no word starts with it
        negation_left = 0
        i = start
        while i < size:
            word = words[i]
            cue = word in _NEGATIONS or (word == "t" and previous in _NT_STEMS)
            if word in _CLAUSE_BREAK or (
                negation_left and word in _NOT_NEGATION and previous in _NEGATIONS
            ):
                negation_left = 0
            if negation_left and not cue and word not in stop_words and not (inside and inside[i]):
                words[i] = NEGATED + word
                negation_left -= 1
            if cue:
                negation_left = _NEGATION_SPAN
            previous = word
            if ends[i]:
                negation_left = 0
            i += 1
            if not negation_left:
                break
        done = i


def scoped_tokens_reference(norm: str, stop_words: Collection[str]) -> list[str]:
    """:func:`scoped_tokens` as specified, one piece of text at a time (the readable version that
    tests compare the fast one with, and the one texts with a quotation take)."""
    quoted = [
        m.span(1)
        for m in _QUOTED_SPAN.finditer(norm)
        if len(m.group(1).split()) >= _QUOTE_MIN_WORDS
    ]
    return _scoped_pieces(norm, quoted, stop_words)


def _scoped_pieces(
    norm: str, quoted: Sequence[tuple[int, int]], stop_words: Collection[str]
) -> list[str]:
    """:func:`scoped_tokens_reference` given the spans of the quotations of ``norm``."""
    out: list[str] = []
    negation_left = 0
    previous = ""
    span = 0  # the first quotation that does not end before the current piece
    for m in _PIECE.finditer(norm):
        raw = m.group()
        while span < len(quoted) and quoted[span][1] <= m.start():
            span += 1
        in_quote = span < len(quoted) and quoted[span][0] < m.end()
        for part in _PUNCTUATION_RUN.split(raw):
            word = part.strip(_EDGE_PUNCTUATION)
            if word:
                cue = word in _NEGATIONS or (word == "t" and previous in _NT_STEMS)
                if word in _CLAUSE_BREAK or (
                    negation_left and word in _NOT_NEGATION and previous in _NEGATIONS
                ):
                    negation_left = 0
                if word in stop_words or cue:
                    out.append(word)
                elif in_quote:
                    out.append(QUOTED + word)
                elif negation_left:
                    out.append(NEGATED + word)
                    negation_left -= 1
                else:
                    out.append(word)
                if cue:
                    negation_left = _NEGATION_SPAN
                previous = word
        if _CLAUSE_END.search(raw):
            negation_left = 0
    return out


def view_text(norm: str, view: str, stop_words: Collection[str]) -> tuple[str, list[str]]:
    """``(text of the character n-grams, words)`` of a normalised text under ``view``."""
    if view == "scoped":
        words, unmarked = _scoped(norm, stop_words)
        head = (  # the same words unmarked (a word never starts with a mark: edges are stripped)
            unmarked
            if len(norm) <= MAX_CHARGRAM_CHARS
            else content_tokens(norm[:MAX_CHARGRAM_CHARS])
        )
        return " ".join(filterfalse(stop_words.__contains__, head)), words
    if view == "content":
        words = content_tokens(norm)
        head = (
            words if len(norm) <= MAX_CHARGRAM_CHARS else content_tokens(norm[:MAX_CHARGRAM_CHARS])
        )
        return " ".join(t for t in head if t not in stop_words), words
    return norm[:MAX_CHARGRAM_CHARS], norm.split()


def default_stop_words(view: str) -> frozenset[str]:
    """The words that are no unigram (and, in the ``content`` view, no character n-grams)."""
    return STOP_WORDS if view == "plain" else FUNCTION_WORDS


def bucket(value: float, edges: Sequence[float]) -> int:
    """The bucket of ``value``: the index of the first edge above it (``len(edges)`` if none)."""
    for i, edge in enumerate(edges):
        if value < edge:
            return i
    return len(edges)


#: Bucket edges of the shape tokens (a value falls in the first bucket whose edge exceeds it).
SHAPE_EDGES: dict[str, tuple[float, ...]] = {
    "caps": (0.3, 0.6, 0.85),
    "bang": (1, 3, 8),
    "len": (20, 60, 200, 800),
    "url": (1, 2, 4),
}
_MIN_LETTERS_FOR_CAPS = 8


_NOT_ASCII_LETTERS = bytes(c for c in range(256) if not chr(c).isalpha() or c > 127)
_NOT_ASCII_UPPER = bytes(c for c in range(256) if not chr(c).isupper() or c > 127)


def shape_values(raw: str, norm: str) -> dict[str, float]:
    """What the shape tokens measure: capitals, exclamation marks, length, links."""
    head = raw[:MAX_CHARGRAM_CHARS]
    if head.isascii():  # letters are A-Z and a-z: counted by deleting the rest, in C
        data = head.encode("ascii")
        letters = len(data.translate(None, _NOT_ASCII_LETTERS))
        upper = len(data.translate(None, _NOT_ASCII_UPPER))
    else:
        letters = sum(map(str.isalpha, head))
        upper = sum(map(str.isupper, head))
    caps = upper / letters if letters >= _MIN_LETTERS_FOR_CAPS else 0.0
    return {"caps": caps, "bang": raw.count("!"), "len": len(norm), "url": norm.count("xxurl")}


_SEPARATOR = "\x00"  # between the texts of a batch; its id is forced to 0 (never in a gram)


def code_points(strings: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The strings joined by one separator, as code points; the start and length of each."""
    joined = _SEPARATOR.join(strings)
    cps = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    lengths = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
    starts = np.zeros(len(strings), dtype=np.int64)
    np.cumsum(lengths[:-1] + 1, out=starts[1:])
    return cps, starts, lengths


def owners(starts: np.ndarray, lengths: np.ndarray, size: int) -> np.ndarray:
    """Index of the text each position of a joined sequence belongs to (separators: the text
    before them)."""
    return np.repeat(np.arange(len(starts)), lengths + 1)[:size]


def segment_sums(values: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Sum of ``values[start:start + length]`` for each segment."""
    total = np.concatenate(([0], np.cumsum(values, dtype=np.int64)))
    sums: np.ndarray = total[starts + lengths] - total[starts]
    return sums


class _CharClasses:
    """``str.isalpha`` (bit 1) and ``str.isupper`` (bit 2) of code points, filled as met."""

    def __init__(self) -> None:
        self._flags: np.ndarray | None = None

    def __call__(self, cps: np.ndarray) -> np.ndarray:
        if self._flags is None:
            self._flags = np.full(0x110000, -1, dtype=np.int8)
        flags = self._flags[cps]
        unknown = flags < 0
        if unknown.any():
            for cp in np.unique(cps[unknown]).tolist():
                ch = chr(cp)
                self._flags[cp] = ch.isalpha() | ch.isupper() << 1
            flags = self._flags[cps]
        result: np.ndarray = flags
        return result


_char_classes = _CharClasses()


def shape_buckets(texts: Sequence[str], norms: Sequence[str]) -> dict[str, np.ndarray]:
    """The bucket of each shape token of each text (:func:`shape_values`, bucketed)."""
    heads = [t[:MAX_CHARGRAM_CHARS] for t in texts]
    cps, starts, lengths = code_points(heads)
    flags = _char_classes(cps)
    letters = segment_sums(flags & 1, starts, lengths)
    upper = segment_sums(flags >> 1, starts, lengths)
    caps = np.zeros(len(texts), dtype=np.float64)
    np.divide(upper, letters, out=caps, where=letters >= _MIN_LETTERS_FOR_CAPS)
    values = {
        "caps": caps,
        "bang": np.fromiter((t.count("!") for t in texts), dtype=np.int64, count=len(texts)),
        "len": np.fromiter(map(len, norms), dtype=np.int64, count=len(norms)),
        "url": np.fromiter((n.count("xxurl") for n in norms), dtype=np.int64, count=len(norms)),
    }
    return {
        kind: np.searchsorted(np.asarray(edges, dtype=np.float64), values[kind], side="right")
        for kind, edges in SHAPE_EDGES.items()
    }
