from django.db import models

from legacy.models import Booking, Member


class Invoice(models.Model):
    booking = models.ForeignKey(Booking, on_delete=models.PROTECT, related_name="invoices")
    payers = models.ManyToManyField(Member, related_name="+")
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    # no Invoice in the legacy app: Django says fields.E300
    refund_of = models.ForeignKey("legacy.Invoice", null=True, on_delete=models.SET_NULL)
