from django.db import models


class Stay(models.Model):
    booking = models.ForeignKey("platform.Booking", on_delete=models.CASCADE)
    customer = models.OneToOneField("platform.client", on_delete=models.CASCADE)
    itself = models.ForeignKey("self", null=True, on_delete=models.SET_NULL)
    note = models.CharField(max_length=20, default="legacy.Booking")
