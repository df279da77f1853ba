from app import schemas

x = schemas.canon.A()
