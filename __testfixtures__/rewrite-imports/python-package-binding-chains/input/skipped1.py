from app import schemas

x = schemas.core.A()
