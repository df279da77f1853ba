from django.http import JsonResponse

from accounts.models import Profile
from legacy.models import LegacyOrder
from shop.models import Order, PaidOrder, Product


def sales(request):
    return JsonResponse({
        "orders": Order.objects.count(),
        "paid": PaidOrder.objects.count(),
        "legacy": LegacyOrder.objects.count(),
        "products": Product.objects.count(),
        "profiles": Profile.objects.count(),
    })
