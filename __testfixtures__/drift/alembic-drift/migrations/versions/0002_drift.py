"""planted drift

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # planted: extra-column (the model has no legacy_flag)
    op.add_column("users", sa.Column("legacy_flag", sa.Boolean(), nullable=True))
    # the column only, without its foreign key: missing-fk
    op.add_column("orders", sa.Column("tag_id", sa.Integer(), nullable=True))
    # planted: default-mismatch ('pending' vs the model's 'active')
    op.add_column("users", sa.Column("status", sa.String(length=20), server_default=sa.text("'pending'"), nullable=False))
    op.add_column("tags", sa.Column("weight", sa.Integer(), nullable=True))
    with op.batch_alter_table("tags") as batch_op:
        batch_op.alter_column("weight", server_default=sa.text("0"))
    # planted: default-mismatch (the model has none)
    op.add_column("tags", sa.Column("priority", sa.Integer(), server_default="5", nullable=True))
    # planted: extra-index
    op.create_index("ix_orders_total", "orders", ["total"], unique=False)
    # planted: extra-table
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("station_users") as batch_op:
        # planted: extra-unique
        batch_op.create_unique_constraint("uq_station_users_user_id", ["user_id"])


def downgrade() -> None:
    with op.batch_alter_table("station_users") as batch_op:
        batch_op.drop_constraint("uq_station_users_user_id", type_="unique")
    op.drop_table("audit_log")
    op.drop_index("ix_orders_total", table_name="orders")
    op.drop_column("tags", "priority")
    op.drop_column("tags", "weight")
    op.drop_column("users", "status")
    op.drop_column("orders", "tag_id")
    op.drop_column("users", "legacy_flag")
