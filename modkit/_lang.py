"""Language guess: French or English, from function words, elisions and accents."""

from __future__ import annotations

import re

__all__ = ["guess_lang"]

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
