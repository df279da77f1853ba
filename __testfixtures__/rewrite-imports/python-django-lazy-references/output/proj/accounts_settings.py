from proj.settings import *  # noqa: F401,F403

AUTH_USER_MODEL = "platform.Member"
