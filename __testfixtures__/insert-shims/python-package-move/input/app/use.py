from old.models import Flow
import old.models

FLOWS = [Flow, old.models.Flow]
