from models.social import normalize_handle  # noqa: F401
from db.models.lead import BusinessSocialAccount  # noqa: F401
from models.social import (  # pylint: disable=unused-import
    normalize_handle as nh,
)
from db.models.lead import BusinessSocialAccount as SA  # pylint: disable=unused-import
from db.models.lead import BusinessSocialAccount as Existing
from db.models.lead import CustomerSocialIdentity  # noqa
from db.models.core import Booking  # type: ignore[attr-defined]
