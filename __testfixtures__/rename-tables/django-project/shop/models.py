from django.db import models


class Customer(models.Model):
    """No db_table: Django names its table shop_customer."""

    email = models.EmailField(unique=True)
    name = models.CharField(max_length=100, db_index=True)


class Tag(models.Model):
    label = models.CharField(max_length=50)


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="orders")
    total = models.DecimalField(max_digits=10, decimal_places=2)
    tags = models.ManyToManyField(Tag)

    class Meta:
        db_table = "orders"
        ordering = ["id"]
