from old import selectors as ct
from old.selectors import SEL_EMPTY, Selector

print(ct.SEL_ROOT, SEL_EMPTY, Selector)
