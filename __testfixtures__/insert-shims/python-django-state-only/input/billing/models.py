from django.db import models

from legacy.models import Booking, Customer, Member


class Invoice(models.Model):
    booking = models.ForeignKey(Booking, on_delete=models.PROTECT, related_name="invoices")
    payers = models.ManyToManyField(Member, related_name="+")
    clients = models.ManyToManyField(Customer, related_name="+")
    amount = models.DecimalField(max_digits=10, decimal_places=2)
