class Invoice:
    pass


class Receipt:
    pass
