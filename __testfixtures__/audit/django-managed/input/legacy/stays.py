from django.db import models


class Stay(models.Model):
    booking = models.OneToOneField(
        "legacy.Booking", on_delete=models.CASCADE, related_name="legacy_stay"
    )
    nights = models.PositiveIntegerField(default=1)
    # a bare name is a model of this app: there is none called Invoice
    invoice = models.ForeignKey("Invoice", null=True, on_delete=models.SET_NULL)
