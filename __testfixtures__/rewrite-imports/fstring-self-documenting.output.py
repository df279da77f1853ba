from db.models.identity import StationUser
from db.models.lead import BusinessSocialAccount


def debug(value):
    print(f"UserStationAssignment={StationUser!r}")
    print(f"UserStationAssignment = {StationUser !s}, SocialAccount.__name__={BusinessSocialAccount.__name__:>20}")
    print(f'{value=} {StationUser}')
    print(f"'x' + SocialAccount.__name__={'x' + BusinessSocialAccount.__name__!r}")
