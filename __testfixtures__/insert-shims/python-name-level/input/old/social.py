"""Social helpers and (duplicate) social models."""
import re

_HANDLE = re.compile(r"\s+")


def normalize_handle(handle):
    return _HANDLE.sub("", handle.strip().lstrip("@").lower())


# The business account of a social platform.
class SocialAccount:
    table = "social_accounts"

    def label(self):
        return normalize_handle(self.handle)


class CustomerReview:
    table = "customer_reviews"


def default_account():
    return SocialAccount()
