"""French and English messages for field errors and decision reasons.

Codes are stable; the sentences may be reworded. Each entry holds ``str.format`` templates keyed by
language; parameters are numbers or words chosen by modkit or by the site's policy, never the values
a commenter typed into the email or IP fields.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "field_message",
    "format_number",
    "reason_message",
    "resolve_lang",
    "score_label",
]

LANGS: tuple[str, ...] = ("fr", "en")
DEFAULT_LANG = "fr"

_FIELD_LABELS: Mapping[str, Mapping[str, str]] = {
    "name": {"fr": "nom", "en": "name"},
    "email": {"fr": "adresse e-mail", "en": "email address"},
    "url": {"fr": "site web", "en": "website"},
    "text": {"fr": "commentaire", "en": "comment"},
    "ip": {"fr": "adresse IP", "en": "IP address"},
    "user_agent": {"fr": "navigateur", "en": "user agent"},
    "referrer": {"fr": "page d'origine", "en": "referrer"},
    "permalink": {"fr": "lien de l'article", "en": "permalink"},
    "post_id": {"fr": "identifiant de l'article", "en": "post id"},
    "parent_id": {"fr": "identifiant du commentaire parent", "en": "parent comment id"},
    "submitted_at": {"fr": "date d'envoi", "en": "submission time"},
    "form_rendered_at": {"fr": "date d'affichage du formulaire", "en": "form display time"},
    "post_published_at": {"fr": "date de publication de l'article", "en": "post publication time"},
    "honeypot": {"fr": "champ piège", "en": "honeypot field"},
    "lang": {"fr": "langue", "en": "language"},
}

# (code, field) -> templates; (code, "") is the fallback for any field. Parameters: {field}, {max}.
_FIELD_MESSAGES: Mapping[tuple[str, str], Mapping[str, str]] = {
    ("required", ""): {
        "fr": "Le champ « {field} » est obligatoire.",
        "en": "The {field} is required.",
    },
    ("required", "text"): {
        "fr": "Veuillez écrire votre commentaire.",
        "en": "Please type your comment.",
    },
    ("invalid", ""): {
        "fr": "Le champ « {field} » n'est pas valide.",
        "en": "The {field} is not valid.",
    },
    ("invalid", "email"): {
        "fr": "Veuillez saisir une adresse e-mail valide.",
        "en": "Please enter a valid email address.",
    },
    ("invalid", "url"): {
        "fr": "Le site web doit être une adresse commençant par http:// ou https://.",
        "en": "The website must be an address starting with http:// or https://.",
    },
    ("too_long", ""): {
        "fr": "Le champ « {field} » est trop long ({max} caractères au maximum).",
        "en": "The {field} is too long (at most {max} characters).",
    },
    ("too_long", "text"): {
        "fr": "Votre commentaire est trop long ({max} caractères au maximum).",
        "en": "Your comment is too long (at most {max} characters).",
    },
}

_SCORE_LABELS: Mapping[str, Mapping[str, str]] = {
    "spam": {"fr": "spam", "en": "spam"},
    "toxicity": {"fr": "toxicité", "en": "toxicity"},
    "severe_toxicity": {"fr": "toxicité grave", "en": "severe toxicity"},
    "insult": {"fr": "insulte", "en": "insult"},
    "threat": {"fr": "menace", "en": "threat"},
    "obscene": {"fr": "obscénité", "en": "obscenity"},
    "identity_attack": {"fr": "attaque identitaire", "en": "identity attack"},
}

# Reason code -> templates. Score reasons use "score" with {label}, {score}, {threshold}.
_REASON_MESSAGES: Mapping[str, Mapping[str, str]] = {
    "passed": {
        "fr": "Aucune règle ni aucun score ne retient ce commentaire.",
        "en": "No rule or score holds this comment back.",
    },
    "trusted": {
        "fr": "Auteur déjà approuvé : les vérifications mineures sont levées.",
        "en": "Previously approved author: minor checks are waived.",
    },
    "too_many_links": {
        "fr": "Le commentaire contient {count} liens (au plus {max_links} sans modération).",
        "en": "The comment contains {count} links (at most {max_links} without moderation).",
    },
    "gibberish": {
        "fr": "Le commentaire n'est fait que de chiffres et de lettres sans aucun mot.",
        "en": "The comment is only digits and letter strings, without a single word.",
    },
    "moderation_word": {
        "fr": "Un mot soumis à modération figure dans le champ « {field} ».",
        "en": "A word on the moderation list appears in the {field}.",
    },
    "blocked_word": {
        "fr": "Un mot interdit figure dans le champ « {field} ».",
        "en": "A blocked word appears in the {field}.",
    },
    "honeypot": {
        "fr": "Le champ piège, invisible pour les humains, a été rempli.",
        "en": "The honeypot field, invisible to people, was filled in.",
    },
    "too_fast": {
        "fr": "Formulaire envoyé {seconds} s après son affichage (minimum {min_seconds} s).",
        "en": "Form sent {seconds} s after it was displayed (minimum {min_seconds} s).",
    },
    "duplicate": {
        "fr": "Commentaire identique déjà envoyé récemment par le même auteur sur cet article.",
        "en": "The same author recently sent the same comment on this post.",
    },
    "flood": {
        "fr": "Commentaires trop rapprochés : {seconds} s depuis le précédent "
        "(minimum {flood_seconds} s).",
        "en": "Comments too close together: {seconds} s since the previous one "
        "(minimum {flood_seconds} s).",
    },
    "closed": {
        "fr": "Les commentaires sont fermés sur cet article (publié il y a plus de {days} jours).",
        "en": "Comments are closed on this post (published more than {days} days ago).",
    },
    "first_comment": {
        "fr": "Premier commentaire de cet auteur : il attend une approbation.",
        "en": "First comment from this author: it awaits approval.",
    },
    "unscored": {
        "fr": "Pas de score disponible ({labels}) : le commentaire attend un contrôle humain.",
        "en": "No score available ({labels}): the comment awaits a human check.",
    },
    "score": {
        "fr": "Score « {label} » : {score} (seuil {threshold}).",
        "en": "{label_cap} score {score} (threshold {threshold}).",
    },
}


def resolve_lang(value: object, default: str = DEFAULT_LANG) -> str:
    """Return ``"fr"`` or ``"en"`` from a tag such as ``"fr-CA"`` or ``"en_GB"``, else default."""
    if isinstance(value, str) and value:
        primary = value[:16].strip().replace("_", "-").split("-", 1)[0].lower()
        if primary in LANGS:
            return primary
    return default if default in LANGS else DEFAULT_LANG


def field_label(field: str, lang: str) -> str:
    """Return the field's name for people, in ``lang`` (the key itself when unknown)."""
    labels = _FIELD_LABELS.get(field)
    return labels[lang] if labels else field


def field_message(field: str, code: str, lang: str, **params: object) -> str:
    """Return the sentence for error ``code`` on ``field`` in ``lang``."""
    templates = _FIELD_MESSAGES.get((code, field)) or _FIELD_MESSAGES.get((code, ""))
    if templates is None:  # an unknown code still gets a readable message
        templates = _FIELD_MESSAGES[("invalid", "")]
    return templates[lang].format(field=field_label(field, lang), **params)


def score_label(label: str, lang: str) -> str:
    """Return a score label for people (``"toxicité"``), the key itself when unknown."""
    labels = _SCORE_LABELS.get(label)
    return labels[lang] if labels else label.replace("_", " ")


def format_number(value: float, lang: str, digits: int = 2) -> str:
    """Format ``value`` with ``digits`` decimals, a decimal comma in French: ``0,93``."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "fr" else text


def reason_message(code: str, lang: str, **params: object) -> str:
    """Return the sentence for decision reason ``code`` in ``lang``.

    ``field`` and ``label`` parameters are translated; numbers are formatted for the language.
    """
    templates = _REASON_MESSAGES.get(code)
    if templates is None:
        return code.replace("_", " ")
    values: dict[str, object] = {}
    for key, value in params.items():
        if key == "field" and isinstance(value, str):
            values[key] = field_label(value, lang)
        elif key == "label" and isinstance(value, str):
            values[key] = score_label(value, lang)
        elif key == "labels" and isinstance(value, list | tuple):
            values[key] = ", ".join(score_label(str(v), lang) for v in value)
        elif isinstance(value, float):
            digits = 2 if key in {"score", "threshold"} else 1
            text = format_number(value, lang, digits)
            if key not in {"score", "threshold"} and text.endswith(("0", ",0", ".0")):
                text = text[:-2] if text[-2] in ",." else text
            values[key] = text
        else:
            values[key] = value
    label = values.get("label")
    if isinstance(label, str):
        values["label_cap"] = label[:1].upper() + label[1:]
    return templates[lang].format_map(_Default(values))


class _Default(dict[str, object]):
    """Mapping for ``format_map`` that leaves a missing parameter visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
