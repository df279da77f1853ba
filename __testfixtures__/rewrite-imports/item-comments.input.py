from models.social import (
    Follower,  # stays
    SocialAccount,  # the account
    SocialIdentity,  # noqa: F401
    SocialId,
)

if True: from models.social import (
    SocialAccount,  # not carried: the statement shares its line
    Follower,
)

print(Follower, SocialAccount, SocialId)
