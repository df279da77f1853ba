"""SQLAlchemy 1.3's classical mapping."""
from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table
from sqlalchemy.orm import mapper, relationship

metadata = MetaData()
orders = Table("orders", metadata, Column("id", Integer, primary_key=True), Column("user_id", Integer, ForeignKey("users.id")))


class Order:
    pass


class Customer:
    pass


mapper(Order, orders, properties={"customer": relationship(Customer)})
