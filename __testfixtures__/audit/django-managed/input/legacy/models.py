from django.db import models


class Member(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        db_table = "members"
        managed = False


class Booking(models.Model):
    reference = models.CharField(max_length=20)
    guest = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="legacy_bookings")

    class Meta:
        db_table = "bookings"
        managed = False
