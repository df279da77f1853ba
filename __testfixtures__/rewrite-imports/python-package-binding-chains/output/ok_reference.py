import app.schemas
import app.schemas.canon

x = app.schemas.canon.A()
