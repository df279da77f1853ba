"""One-off export of newsletter subscribers as CSV (run by hand: python -m scripts.export_subscribers)."""
import csv
import sys

from sqlalchemy import select

from models.newsletter import *  # noqa: F401,F403  (legacy script, star import kept as it was)


def export(session, out=sys.stdout) -> int:
    writer = csv.writer(out)
    writer.writerow(["email", "phone", "sms_opt_in"])
    count = 0
    for subscriber in session.execute(select(Subscriber).where(Subscriber.subscribed.is_(True))).scalars():  # noqa: F405
        writer.writerow([subscriber.email or "", subscriber.phone or "", subscriber.sms_opt_in])
        count += 1
    return count


if __name__ == "__main__":
    from db.session import create_schema, session_scope

    create_schema()
    with session_scope() as session:
        print(export(session), "subscribers", file=sys.stderr)
