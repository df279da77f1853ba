from app.edit_handlers import FieldPanel, BaseCompositeEditHandler

PANELS = [FieldPanel("a"), BaseCompositeEditHandler("b")]
