def use_products(): pass
def use_product(): pass
