import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.archive.settings")
OTHER = "app.legacy_other"
