import os

SECRET_KEY = "not-a-secret"
INSTALLED_APPS = ["django.contrib.contenttypes", "legacy.apps.LegacyConfig", "core", "billing"]
DATABASES = {
    "default": {
        "ENGINE": os.environ.get("DATABASE_ENGINE", "django.db.backends.sqlite3"),
        "NAME": os.environ.get("DATABASE_NAME", "db.sqlite3"),
        "USER": os.environ.get("DATABASE_USER", ""),
        "PASSWORD": os.environ.get("DATABASE_PASSWORD", ""),
        "HOST": os.environ.get("DATABASE_HOST", ""),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
