import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.legacy.settings")
OTHER = "app.legacy_other"
