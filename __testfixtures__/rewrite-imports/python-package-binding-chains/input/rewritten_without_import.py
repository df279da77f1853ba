from app import schemas
from app.schemas import other

x = schemas.core.A()
