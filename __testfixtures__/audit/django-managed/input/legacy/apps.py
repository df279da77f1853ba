from django.apps import AppConfig


class LegacyConfig(AppConfig):
    name = "legacy"

    def ready(self):
        from . import stays  # noqa: F401
