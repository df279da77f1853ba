from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.models.lead import CustomerSocialIdentity

from models.social import normalize_handle
from db.models.lead import BusinessSocialAccount


def handles(identity: "CustomerSocialIdentity"):
    return BusinessSocialAccount, normalize_handle(identity)
