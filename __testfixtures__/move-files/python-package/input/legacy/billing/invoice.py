from ..helpers import money


class Invoice:
    def total(self, cents):
        return money(cents)
