"""URLs of the test project: django-contrib-comments' views and one article page."""

from __future__ import annotations

from django.urls import include, path

from django_project.newsapp import views

urlpatterns = [
    path("comments/", include("django_comments.urls")),
    path("articles/<int:pk>/", views.article, name="article"),
]
