"""Speed of the scoring-text normaliser (modkit._text): typical comments and worst cases.

Usage: python bench/text_speed.py [--repeat N] [--quick]

Prints, for typical comments (50-500 characters, French and English), the mean time per comment
of ``normalize_text`` (fast path), ``normalize`` (with offsets), ``find_links``, ``analyse`` (the
text and its links in one pass, what one check uses) and of a baseline measured in the same run
(``unicodedata.normalize("NFKC", t).casefold()``); then, for each worst case, the time per KB at
1 KB, 10 KB and 64 KB (65,525 characters, the cap): linear work keeps the three alike.
Every figure is the best of ``--repeat`` runs in CPU time of this process, so that other
processes on a shared machine add little.
"""

from __future__ import annotations

import argparse
import itertools
import string
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from modkit._text import MAX_CHARS, analyse, find_links, normalize, normalize_text

ORDINARY = 14  # the first ORDINARY comments are ordinary ones, the rest spam and abuse
TYPICAL = [
    # French, ordinary
    "Merci pour cet article très clair. J'habite à côté et je confirme : les travaux ont "
    "duré plus longtemps que prévu, mais le résultat est plutôt réussi.",
    "Franchement, je ne comprends pas pourquoi la mairie a décidé de fermer la piscine en plein "
    "été. Les enfants n'ont nulle part où aller, et le prix des activités a encore augmenté de "
    "12,99 € !",
    "Rdv samedi 29/11/2026 à 14h30 devant la mairie, on sera 1er sur la liste. Il y a 3 ans "
    "c'était pareil... Bravo à tous !!! 😀",
    "Je ne suis pas d'accord avec l'auteur. Les chiffres de l'INSEE montrent une baisse de 2,5 % "
    "du chômage sur un an, ce qui n'est pas rien. Il faudrait aussi parler des régions, où la "
    "situation est très différente d'un département à l'autre.",
    "Super recette, testée ce soir avec des pommes du jardin. J'ai mis un peu moins de sucre "
    "(80 g au lieu de 100 g) et c'était parfait.",
    "C'est une honte. Ça fait trois semaines que j'attends une réponse du service client et "
    "personne ne répond au téléphone. Je déconseille fortement.",
    "Quel plaisir de lire enfin un article nuancé sur ce sujet ! Une petite coquille dans le "
    "deuxième paragraphe : « ils ont été » et non « ils ont étés ».",
    "Bonjour, est-ce que quelqu'un sait si le marché de Noël ouvre le 1er ou le 5 décembre ? "
    "Le site de la ville n'est pas à jour.",
    # English, ordinary
    "I really enjoyed this article, thanks for sharing. The part about the 2026 budget was "
    "especially clear, although I'd love to see more sources.",
    "This is the third time the bus has been late this week. Does anyone know if the new "
    "timetable starts on Monday or next month?",
    "Great write-up! I tried the same approach on a 4x4 grid and it took about 10:45 minutes, "
    "so your numbers look right to me.",
    "Honestly I think the referee got it wrong in the 89th minute, but that's football. We "
    "still deserved the draw after that second half.",
    "Can we please stop pretending this policy is new? It was tried in 2014 and again in 2019, "
    "and both times it cost more than expected ($5 million over budget). Read the report.",
    "Lovely photos. Which lens did you use for the one by the lake? The colours are amazing.",
    # Spam and abuse, as people write them
    "Gagnez 500 € par jour depuis chez vous !!! Infos sur www . gains-faciles . com ou "
    "écrivez à contact [at] gains-faciles [dot] com",
    "Best prices on v.i.a.g.r.a and c1alis, no prescription needed: https://www.best-pharma.ru/"
    "shop?ref=1234 — call +1 (555) 123-4567 now",
    "t'es vraiment qu'un c0nnard, ferme ta g*eule et dégage",
    "You are such a f*cking 1d10t, nobody cares about your opinion. Get lost, l o s e r.",
    "Contactez-moi sur WhatsApp au +234 801 234 5678 ou au 06 12 34 56 78 pour un prêt rapide.",
    "connaaaaard de m3rd3, va te faire voir espèce de sal0pe",
]


def _fill(unit: str, size: int = MAX_CHARS) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _distinct(template: str, count: int) -> str:
    names = ("".join(p) for p in itertools.product(string.ascii_lowercase, repeat=2))
    return "".join(template.format(n) for n, _ in zip(itertools.cycle(names), range(count)))


WORST: dict[str, str] = {
    "10,000 URLs": _fill(_distinct("{}.io ", 10_000) + "x.io "),
    "URLs with scheme and path": _fill(_distinct("http://{}.io/p ", 5000)),
    "one repeated char": "a" * MAX_CHARS,
    "one repeated digit": "1" * MAX_CHARS,
    "alternating letters, spaces": _fill("a b "),
    "alternating consonants, spaces": _fill("c d "),
    "thousands of emails": _fill(_distinct("{}@b.co ", 10_000)),
    "obfuscated emails": _fill(_distinct("{} [at] x [dot] com ", 4000)),
    "combining-mark storm": _fill("e" + "\u0301" * 40),
    "zalgo words": _fill("z\u0337\u0322a\u0334l\u0336g\u0338o\u0335 "),
    "zero-width chars": _fill("\u200b"),
    "l33t words": _fill("c0nn4rd "),
    "masked words": _fill("f**k "),
    "spaced dots": _fill("a . "),
    "long dotted run": _fill("a."),
    "Cyrillic mixed in Latin": _fill("cоnnard "),
    "Russian text": _fill("привет как дела "),
    "phone numbers": _fill("06 12 34 56 78 "),
    "emoji": _fill("😀"),
    "triples in one word": _fill("aaab"),
}

SIZES = (1024, 10 * 1024, MAX_CHARS)


def _best(func: Callable[[], object], repeat: int, number: int = 1) -> float:
    """Best time of ``repeat`` runs of ``number`` calls, in seconds per call."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for _ in range(number):
            func()
        best = min(best, (time.process_time() - start) / number)
    return best


def _baseline(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (best kept)")
    parser.add_argument("--quick", action="store_true", help="64 KB worst cases only")
    args = parser.parse_args(argv)

    for text in TYPICAL:  # fill the character and word caches, as a running server has them
        normalize(text)
    lengths = [len(t) for t in TYPICAL]
    print(
        f"typical comments: {len(TYPICAL)}, {min(lengths)}-{max(lengths)} chars, "
        f"mean {sum(lengths) / len(lengths):.0f}"
    )
    print(f"{'':38}{'us/comment':>12}{'us/200 chars':>14}")
    for label, texts in (("all", TYPICAL), ("ordinary only", TYPICAL[:ORDINARY])):
        total = sum(len(t) for t in texts)
        for name, func in (
            ("baseline NFKC+casefold", _baseline),
            ("normalize_text", normalize_text),
            ("normalize", normalize),
            ("find_links", find_links),
            ("analyse (text and links)", analyse),
        ):

            def run(func: Callable[[str], object] = func, texts: list[str] = texts) -> None:
                for text in texts:
                    func(text)

            per_text = _best(run, args.repeat, number=20) / len(texts)
            per_200 = per_text * len(texts) / total * 200
            print(f"{name + ', ' + label:38}{per_text * 1e6:12.1f}{per_200 * 1e6:14.1f}")

    sizes = SIZES[-1:] if args.quick else SIZES
    print()
    print(
        "worst cases, ms per KB at "
        + ", ".join(f"{round(s / 1024)} KB" for s in sizes)
        + "; then ms for 64 KB"
    )
    header = "".join(f"{round(s / 1024):>6} KB" for s in sizes)
    print(
        f"{'':32}{'normalize_text':>{9 * len(sizes)}}  {'normalize':>{9 * len(sizes)}}"
        f"{'64 KB text':>12}{'64 KB full':>12}"
    )
    print(f"{'':32}{header}  {header}")
    worst_fast = worst_full = 0.0
    for name, text in WORST.items():
        fast: list[float] = []
        full: list[float] = []
        for size in sizes:
            part = text[:size]
            fast.append(_best(lambda part=part: normalize_text(part), args.repeat))
            full.append(_best(lambda part=part: normalize(part), args.repeat))
        per_kb = [f"{t * 1e3 / (s / 1024):9.3f}" for t, s in zip(fast, sizes, strict=True)]
        per_kb_full = [f"{t * 1e3 / (s / 1024):9.3f}" for t, s in zip(full, sizes, strict=True)]
        worst_fast = max(worst_fast, fast[-1])
        worst_full = max(worst_full, full[-1])
        print(
            f"{name:32}{''.join(per_kb)}  {''.join(per_kb_full)}"
            f"{fast[-1] * 1e3:12.1f}{full[-1] * 1e3:12.1f}"
        )
    print(
        f"slowest 64 KB case: normalize_text {worst_fast * 1e3:.1f} ms, "
        f"normalize {worst_full * 1e3:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
