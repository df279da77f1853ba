from app.schemas import core

handler = lambda app: core.A()
