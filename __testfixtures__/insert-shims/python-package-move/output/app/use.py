from new.models import Flow
import new.models

FLOWS = [Flow, new.models.Flow]
