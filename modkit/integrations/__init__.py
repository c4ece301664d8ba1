"""Thin adapters that plug modkit into web frameworks (each needs its extra).

====================================  ==========================  ==============================
module                                gives                       install
====================================  ==========================  ==============================
:mod:`modkit.integrations.django`     ``ModkitModerator`` for     ``modkit-moderation[django]``
                                      django-contrib-comments
:mod:`modkit.integrations.flask`      ``check_form``, ``Modkit``  ``modkit-moderation[flask]``
:mod:`modkit.integrations.fastapi`    ``CheckComment``            ``modkit-moderation[fastapi]``
                                      dependency
====================================  ==========================  ==============================

Importing this package imports no framework. Importing one adapter without its framework raises
:class:`MissingExtraError` (an :class:`ImportError`) naming the ``pip install`` line to run.
"""

from __future__ import annotations

from modkit.integrations._common import (
    WORDPRESS_FIELDS,
    MissingExtraError,
)

__all__ = ["WORDPRESS_FIELDS", "MissingExtraError"]
