from django.db import models


class LegacyOrder(models.Model):
    """Read-only view of the shop's orders for the old reporting code."""

    customer_id = models.IntegerField()
    product_id = models.IntegerField()
    quantity = models.IntegerField()

    class Meta:
        managed = False
        db_table = "shop_order"


class Profile(models.Model):
    user_id = models.IntegerField()

    class Meta:
        managed = False
