from typing import overload


class Item:
    pass


@overload
def item(value: int) -> Item: ...


@overload
def item(value: str) -> Item: ...


def item(value):
    return Item()


if True:
    def helper():
        return 1
else:
    def helper():
        return 2
