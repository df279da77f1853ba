from django.conf import settings
from django.db import models

from core.models import TimeStampedModel


class Product(TimeStampedModel):
    sku = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=200)
    price = models.DecimalField(max_digits=10, decimal_places=2)
    tags = models.ManyToManyField("shop.Tag", blank=True)


class Tag(models.Model):
    label = models.SlugField(unique=True)


class Order(TimeStampedModel):
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    product = models.ForeignKey("shop.Product", on_delete=models.PROTECT, related_name="orders")
    coupon = models.ForeignKey("shop.Coupon", null=True, on_delete=models.SET_NULL)
    quantity = models.PositiveIntegerField(default=1)


class PaidOrder(Order):
    """Same table as Order: a proxy with its own manager."""

    class Meta:
        proxy = True
