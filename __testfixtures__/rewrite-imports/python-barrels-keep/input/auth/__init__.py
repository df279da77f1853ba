"""A barrel of a barrel."""
from .inner import UserStationAssignment
