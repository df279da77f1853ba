from app.panels import FieldPanel, PanelGroup

PANELS = [FieldPanel("a"), PanelGroup("b")]
