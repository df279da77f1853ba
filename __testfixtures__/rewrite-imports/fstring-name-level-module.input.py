name = "SocialAccount"
# a module whose names move in part: only a mention that names one that moves, or that an interpolation completes, is listed
A = f"models.social is the module for {name}"
B = f"models.social.{name}"
C = f"models.social.SocialAccount for {name}"
D = f"models.social.normalize_handle for {name}"
