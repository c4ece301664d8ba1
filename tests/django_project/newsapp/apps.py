"""Registers modkit's moderator for Article when the app is ready."""

from __future__ import annotations

from django.apps import AppConfig


class NewsappConfig(AppConfig):
    name = "django_project.newsapp"
    label = "newsapp"

    def ready(self) -> None:
        from django_comments.moderation import moderator

        from django_project.newsapp.models import Article
        from django_project.newsapp.moderation import ArticleModerator

        moderator.register(Article, ArticleModerator)
