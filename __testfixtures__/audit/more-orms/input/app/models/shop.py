import peewee

db = peewee.SqliteDatabase(None)


class BaseModel(peewee.Model):
    class Meta:
        database = db


class Product(BaseModel):
    sku = peewee.CharField(unique=True)

    class Meta:
        table_name = "products"


class Basket(BaseModel):
    owner = peewee.CharField()
