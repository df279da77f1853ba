from tortoise import fields
from tortoise.models import Model


class OldEvent(Model):
    id = fields.IntField(pk=True)

    class Meta:
        table = "events"


class Venue(Model):
    id = fields.IntField(pk=True)
