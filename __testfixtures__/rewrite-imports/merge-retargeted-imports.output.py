from db.models.core import Booking, Customer as Client
import os

print(Booking, Client, os.sep)
