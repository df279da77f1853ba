from models.social import SocialAccount, normalize_handle  # noqa: F401
from models.social import (  # pylint: disable=unused-import
    SocialAccount as SA,
    normalize_handle as nh,
)
from db.models.lead import BusinessSocialAccount as Existing
from models.social import SocialIdentity  # noqa
from models.booking import Booking  # type: ignore[attr-defined]
