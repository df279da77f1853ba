from models.booking import Booking
import os
from models.customer import Customer as Client

print(Booking, Client, os.sep)
