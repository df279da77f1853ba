from auth import UserStationAssignment
from auth.inner import UserStationAssignment as Assignment


def make():
    return UserStationAssignment(), Assignment()
