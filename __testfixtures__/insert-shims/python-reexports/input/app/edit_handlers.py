from dataclasses import dataclass
from .forms import FORM_FIELD_OVERRIDES  # NOQA


@dataclass
class EditHandler:
    name: str = ""


class BaseCompositeEditHandler(EditHandler):
    pass


class FieldPanel(EditHandler):
    pass
