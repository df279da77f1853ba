from peewee import CharField, Model


class LegacyProduct(Model):
    sku = CharField()

    class Meta:
        table_name = "products"


class Basket(Model):
    """Peewee names its table `basket`, as the canonical one."""

    owner = CharField()
