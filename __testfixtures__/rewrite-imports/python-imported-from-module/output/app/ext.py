db = object()
