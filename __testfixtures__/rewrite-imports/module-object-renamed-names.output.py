import db.models.identity
import db.models.core
from db.models import identity


def pick(kind):
    module = db.models.identity
    other = identity
    found = getattr(identity, "StationUser")
    return module, other, vars(identity), found, db.models.core
