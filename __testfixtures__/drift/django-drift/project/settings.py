import os

SECRET_KEY = "not-a-secret"
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "accounts", "shop"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ.get("DATABASE_NAME", "db.sqlite3")}}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
AUTH_USER_MODEL = "accounts.User"
USE_TZ = True
