def use_orders(): pass
