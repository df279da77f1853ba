import app.schemas as schemas

x = schemas.canon.A()
