from models.social import normalize_handle
from db.models.feedback_marketing import CustomerReview as CustomerReview

print(CustomerReview, normalize_handle)
