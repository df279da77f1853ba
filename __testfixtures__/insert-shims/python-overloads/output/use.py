from canon.items import Item, item

print(item(1), Item)
