from canon import selectors as ct
from canon.selectors import SEL_EMPTY, Selector

print(ct.SEL_ROOT, SEL_EMPTY, Selector)
