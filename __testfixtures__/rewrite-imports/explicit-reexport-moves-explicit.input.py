from models.social import CustomerReview as CustomerReview, normalize_handle

print(CustomerReview, normalize_handle)
