KIND_NAMES = ["a", "b"]
