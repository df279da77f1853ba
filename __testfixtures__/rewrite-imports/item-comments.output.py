from models.social import (
    Follower,  # stays
    SocialId,
)
from db.models.lead import BusinessSocialAccount as SocialAccount, CustomerSocialIdentity  # the account  # noqa: F401

if True: from models.social import (
    # not carried: the statement shares its line
    Follower,
); from db.models.lead import BusinessSocialAccount as SocialAccount

print(Follower, SocialAccount, SocialId)
