from django.apps import apps
from django.db import models

from legacy.stays import Stay


class Invoice(models.Model):
    booking = models.ForeignKey("platform.Booking", on_delete=models.CASCADE)
    stay = models.ForeignKey(Stay, on_delete=models.CASCADE)
    payers = models.ManyToManyField(to="platform.Client", related_name="+")
    partner = models.ForeignKey("billing.Partner", null=True, on_delete=models.SET_NULL)


class Partner(models.Model):
    name = models.CharField(max_length=50)


def booking_model():
    return apps.get_model("platform", "Booking")


def customer_model():
    return apps.get_model("platform.client")
