import db.models.tags  # noqa: F401  (registers booking_tags on the metadata)
from db.base import Base

target_metadata = Base.metadata
