class CustomerReview:
    table = "customer_reviews"
