import app.schemas as schemas

x = schemas.core.A()
