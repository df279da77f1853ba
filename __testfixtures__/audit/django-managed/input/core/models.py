from django.db import models


class Member(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        db_table = "members"


class Booking(models.Model):
    reference = models.CharField(max_length=20)
    guest = models.ForeignKey(Member, on_delete=models.CASCADE)

    class Meta:
        db_table = "bookings"
