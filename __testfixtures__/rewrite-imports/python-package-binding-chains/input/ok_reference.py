import app.schemas

x = app.schemas.core.A()
