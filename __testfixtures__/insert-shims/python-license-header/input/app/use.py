from old.models import Booking
from oldpkg import VALUE

print(Booking, VALUE)
