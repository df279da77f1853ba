from old.social import SocialAccount, Special

print(SocialAccount, Special)
