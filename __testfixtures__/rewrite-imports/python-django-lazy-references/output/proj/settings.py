SECRET_KEY = "not-a-secret"
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "legacy",
    "core.apps.CoreConfig",
    "billing",
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
