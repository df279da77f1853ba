from auth import StationUser
from auth.inner import StationUser as Assignment


def make():
    return StationUser(), Assignment()
