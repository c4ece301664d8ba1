"""The site's moderator: modkit plus django-contrib-comments' own ``enable_field`` option."""

from __future__ import annotations

from modkit.integrations.django import ModkitModerator


class ArticleModerator(ModkitModerator):
    enable_field = "enable_comments"
    published_field = "published"
