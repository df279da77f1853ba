from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.models.lead import CustomerSocialIdentity

from models.social import SocialAccount, normalize_handle


def handles(identity: "CustomerSocialIdentity"):
    return SocialAccount, normalize_handle(identity)
