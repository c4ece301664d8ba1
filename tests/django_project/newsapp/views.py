"""The article page: the article, its public comments and django-contrib-comments' form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from django_project.newsapp.models import Article


def article(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "newsapp/article.html", {"article": get_object_or_404(Article, pk=pk)})
