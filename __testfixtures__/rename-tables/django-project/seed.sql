INSERT INTO shop_customer (id, email, name) VALUES (1, 'ada@example.com', 'Ada'), (2, 'grace@example.com', 'Grace');
INSERT INTO shop_tag (id, label) VALUES (1, 'vip');
INSERT INTO orders (id, customer_id, total) VALUES (1, 1, 10), (2, 2, 20), (3, 2, 30);
INSERT INTO orders_tags (id, order_id, tag_id) VALUES (1, 1, 1);
