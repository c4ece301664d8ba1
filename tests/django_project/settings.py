"""Settings of the Django project used by tests/test_integrations_django.py (not for production).

The SQLite database lives in ``$MODKIT_DJANGO_TEST_DIR`` (a temporary directory the tests make).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_DIR = Path(os.environ.get("MODKIT_DJANGO_TEST_DIR") or tempfile.mkdtemp(prefix="modkit-dj-"))

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
USE_TZ = True
TIME_ZONE = "Europe/Paris"
LANGUAGE_CODE = "fr"
SITE_ID = 1
ROOT_URLCONF = "django_project.urls"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.sites",
    "django_comments",
    "django_project.newsapp",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(_DIR / "django.sqlite3")}
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only
# The moderator built from settings when ArticleModerator.moderator is not set.
MODKIT = {"RULES_ONLY": True, "SECRET": "django-test-project-secret-0123456789"}
LOGGING_CONFIG = None
