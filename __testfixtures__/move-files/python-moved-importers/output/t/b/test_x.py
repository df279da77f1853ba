from new.x import A
from t.b.helper import H
