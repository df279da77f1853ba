from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, event, func
from sqlalchemy.orm import declarative_base, relationship, validates

Base = declarative_base()


class SoftDeleteMixin:
    deleted_at = Column(DateTime, nullable=True)


class Account(Base):
    __tablename__ = "accounts"

    id = Column(Integer, primary_key=True)
    name = Column(String(100), nullable=False, server_default="unnamed")


class Invoice(SoftDeleteMixin, Base):
    __tablename__ = "invoices"

    id = Column(Integer, primary_key=True)
    tenant_id = Column(Integer, ForeignKey("accounts.id"), nullable=False, index=True)
    number = Column("invoice_number", String(20), unique=True, default="draft")
    created_at = Column(DateTime, server_default=func.now())
    account = relationship("Account", backref="invoices")
    profile = relationship("InvoiceProfile", uselist=False, back_populates="invoice")

    @validates("number")
    def check_number(self, key, value):
        return value


class InvoiceProfile(Base):
    __tablename__ = "invoice_profiles"

    id = Column(Integer, primary_key=True)
    invoice_id = Column(Integer, ForeignKey("invoices.id"), unique=True)
    invoice = relationship("Invoice", back_populates="profile")


@event.listens_for(Invoice, "before_insert")
def number_invoice(mapper, connection, target):
    target.number = target.number or "new"
