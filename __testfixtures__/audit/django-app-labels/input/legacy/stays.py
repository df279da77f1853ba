from django.db import models


class Stay(models.Model):
    booking = models.OneToOneField(
        "legacy.Booking", on_delete=models.CASCADE, related_name="legacy_stay"
    )
    nights = models.PositiveIntegerField(default=1)
