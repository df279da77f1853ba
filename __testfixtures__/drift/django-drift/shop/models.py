from django.conf import settings
from django.db import models

from shop.fields import MoneyField


class TimeStamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Client(TimeStamped):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=100)
    nickname = models.CharField(max_length=30, null=True)  # planted: missing-column


class Place(models.Model):
    name = models.CharField(max_length=50, db_index=True)  # planted: missing-index


class Restaurant(Place):
    pass  # planted: extra-column (serves_pizza is gone from the model)


class PizzaPlace(Restaurant):
    class Meta:
        proxy = True


class Product(models.Model):
    sku = models.CharField(max_length=32, unique=True)  # planted: missing-unique
    title = models.CharField(max_length=200)  # planted: type-mismatch
    price = MoneyField(null=True)  # planted: type-mismatch (12,2) and nullable-mismatch
    weight = models.IntegerField(null=True)

    # planted: extra-unique (unique_together is gone)


class Order(TimeStamped):
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)  # planted: fk-target-mismatch
    products = models.ManyToManyField(Product)
    note = models.TextField(null=True)
    status = models.CharField(max_length=20, default="new")

    class Meta:
        db_table = "orders"
        # planted: extra-index (orders_created_idx is gone)


class Invoice(models.Model):
    """Planted: missing-table (no migration creates it); LegacyCoupon's table is extra-table."""

    order = models.ForeignKey(Order, on_delete=models.PROTECT)
    amount = MoneyField()
    tags = models.ManyToManyField("self")
