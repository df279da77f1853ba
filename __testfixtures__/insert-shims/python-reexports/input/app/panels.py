from dataclasses import dataclass


@dataclass
class Panel:
    name: str = ""


class PanelGroup(Panel):
    pass


class FieldPanel(Panel):
    pass
