"""Source links on presumed ham: readers cite their sources, so a link alone must not read as spam.

Spam corpora carry links in nearly every positive and the public ham corpora (reviews, tweets with
their links stripped) almost none, so a spam head learns "a link is spam" and holds the reader who
cites INSEE or Wikipedia. :func:`link_variants` copies a share of the clean presumed ham with a link
to an ordinary site (news, encyclopaedias, public bodies, science, code hosting) added where
readers put one; the spam head then has to tell spam by what the comment says and where it points.
Platforms where anyone publishes (video channels, blogging platforms) are left out: spammers link
to them too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from modkit._datasets import Row
from modkit._text import fold
from modkit._training_rows import clean_presumed_ham_share

__all__ = ["link_variant", "link_variants"]

_FR_DOMAINS_TEXT = """
        www.lemonde.fr www.lefigaro.fr www.liberation.fr www.francetvinfo.fr fr.wikipedia.org
        www.insee.fr www.legifrance.gouv.fr www.service-public.fr www.ameli.fr www.lesechos.fr
        www.numerama.com www.nextinpact.com www.01net.com www.radiofrance.fr www.ouest-france.fr
        www.20minutes.fr www.mediapart.fr www.lexpress.fr www.courrierinternational.com
        www.arte.tv www.lequipe.fr www.marmiton.org www.allocine.fr
        www.babelio.com www.senscritique.com www.cnrs.fr www.inserm.fr meteofrance.com
        www.data.gouv.fr www.vie-publique.fr www.education.gouv.fr www.assemblee-nationale.fr
        www.senat.fr europa.eu www.larousse.fr www.cnrtl.fr linuxfr.org framablog.org
        www.developpez.com www.zdnet.fr www.lesnumeriques.com www.frandroid.com www.quechoisir.org
        www.economie.gouv.fr www.impots.gouv.fr hal.science www.persee.fr www.cairn.info
        journals.openedition.org gallica.bnf.fr www.ina.fr www.letudiant.fr www.sudouest.fr
        www.ledauphine.com www.lavoixdunord.fr www.la-croix.com www.humanite.fr www.latribune.fr
        www.futura-sciences.com www.sciencesetavenir.fr www.lemondeinformatique.fr
        www.ecologie.gouv.fr
"""
_EN_DOMAINS_TEXT = """
        en.wikipedia.org www.bbc.co.uk www.bbc.com www.theguardian.com www.nytimes.com
        www.reuters.com apnews.com www.washingtonpost.com www.npr.org arstechnica.com
        www.theverge.com www.wired.com github.com stackoverflow.com
        www.nature.com www.sciencedirect.com arxiv.org pubmed.ncbi.nlm.nih.gov
        www.who.int www.cdc.gov www.nasa.gov www.gov.uk www.ons.gov.uk www.census.gov
        www.bls.gov www.imdb.com www.goodreads.com www.economist.com www.ft.com
        www.bloomberg.com edition.cnn.com www.pewresearch.org ourworldindata.org
        docs.python.org developer.mozilla.org lwn.net techcrunch.com www.espn.com
        www.allrecipes.com www.nationalgeographic.com www.smithsonianmag.com archive.org
        www.jstor.org www.theatlantic.com www.newscientist.com www.scientificamerican.com
        www.nhs.uk www.congress.gov www.latimes.com www.cbc.ca www.abc.net.au
"""
_DOMAINS = {"fr": _FR_DOMAINS_TEXT.split(), "en": _EN_DOMAINS_TEXT.split()}

_FORMS = {
    "fr": (
        " Source : {url}",
        " (source : {url})",
        " Voir {url}",
        " L'article en question : {url}",
        " Plus de détails ici : {url}",
        "\n\n{url}",
        " Lien : {url}",
        " Cf. {url}",
        " C'est expliqué là : {url}",
        " {url}",
    ),
    "en": (
        " Source: {url}",
        " (source: {url})",
        " See {url}",
        " The article: {url}",
        " More details here: {url}",
        "\n\n{url}",
        " Link: {url}",
        " Via {url}",
        " It's explained here: {url}",
        " {url}",
    ),
}


def _slug_words(text: str) -> list[str]:
    words = ["".join(c for c in w if c.isalnum()) for w in fold(text).split()]
    return [w for w in words if len(w) > 3 and w.isalpha()][:6] or ["article"]


def _url(text: str, lang: str, u: float) -> str:
    domains = _DOMAINS[lang]
    domain = domains[int(u * 7919) % len(domains)]
    slug = "-".join(_slug_words(text))
    number = int(u * 10**9) % 10**7
    style = int(u * 104729) % 6
    if domain.endswith("wikipedia.org"):
        path = "/wiki/" + "_".join(w.capitalize() for w in slug.split("-")[:2])
    elif domain == "github.com":
        path = f"/{slug.split('-')[0]}/{slug.split('-')[-1]}/issues/{number % 5000}"
    elif style == 0:
        path = f"/{slug}"
    elif style == 1:
        path = f"/{2015 + number % 11}/{1 + number % 12:02d}/{slug}/"
    elif style == 2:
        path = f"/article/{slug}_{number}.html"
    elif style == 3:
        path = f"/{slug.split('-')[0]}/{slug}-{number}"
    elif style == 4:
        path = f"/news/{number}"
    else:
        path = f"/{slug}.html"
    scheme = "http://" if number % 9 == 0 else "https://"
    return scheme + domain + path


def link_variant(row: Row, u: float) -> Row:
    """``row`` with a link to an ordinary site added (``u`` in [0, 1) picks site, path and form),
    same labels."""
    forms = _FORMS[row.lang]
    form = forms[int(u * 15485863) % len(forms)]
    text = row.text.rstrip() + form.format(url=_url(row.text, row.lang, u))
    return dataclasses.replace(row, text=text, id=f"{row.id or ''}~link", kind="link_variant")


def link_variants(rows: Iterable[Row], seed: int, share: float) -> list[Row]:
    """Link variants of about ``share`` of the clean presumed ham (innocent, not spam; chosen by a
    stable hash of the text)."""
    return [link_variant(row, u) for row, u in clean_presumed_ham_share(rows, seed + 3, share)]
