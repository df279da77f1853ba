from core.auth.station_models import UserStationAssignment
from models.social import SocialAccount


def debug(value):
    print(f"{UserStationAssignment=}")
    print(f"{UserStationAssignment = !s}, {SocialAccount.__name__=:>20}")
    print(f'{value=} {UserStationAssignment}')
    print(f"{'x' + SocialAccount.__name__=}")
