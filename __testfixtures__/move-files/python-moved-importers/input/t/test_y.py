from old.x import A
from t.a.helper import H
