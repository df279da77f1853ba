from app.helpers import (
    UserStationAssignment,  # re-exported
)
from .helpers import make

LINK = UserStationAssignment, make
