from django.db import models


class Stay(models.Model):
    booking = models.ForeignKey("Booking", on_delete=models.CASCADE)
    customer = models.OneToOneField("legacy.customer", on_delete=models.CASCADE)
    itself = models.ForeignKey("self", null=True, on_delete=models.SET_NULL)
    note = models.CharField(max_length=20, default="legacy.Booking")
