"""One commented model: a news article."""

from __future__ import annotations

from django.db import models
from django.urls import reverse


class Article(models.Model):
    """A news article that readers comment on."""

    title = models.CharField(max_length=200)
    body = models.TextField()
    published = models.DateTimeField()
    enable_comments = models.BooleanField(default=True)

    class Meta:
        app_label = "newsapp"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("article", args=[self.pk])
