from django.conf import settings
from django.db import models


class TimeStamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Client(TimeStamped):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=100)


class Place(models.Model):
    name = models.CharField(max_length=50)


class Restaurant(Place):
    serves_pizza = models.BooleanField(default=False)


class PizzaPlace(Restaurant):
    class Meta:
        proxy = True


class Product(models.Model):
    sku = models.CharField(max_length=32)
    title = models.CharField(max_length=100)
    price = models.DecimalField(max_digits=8, decimal_places=2)
    weight = models.IntegerField(null=True)

    class Meta:
        unique_together = [("sku", "title")]


class Order(TimeStamped):
    customer = models.ForeignKey(Client, on_delete=models.CASCADE)
    products = models.ManyToManyField(Product)
    note = models.TextField(null=True)
    status = models.CharField(max_length=20, default="new")

    class Meta:
        db_table = "orders"
        indexes = [models.Index(fields=["-created"], name="orders_created_idx")]


class LegacyCoupon(models.Model):
    code = models.CharField(max_length=10)
