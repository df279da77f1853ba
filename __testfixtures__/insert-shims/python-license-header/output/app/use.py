from canon.models import Booking
from newpkg import VALUE

print(Booking, VALUE)
