import app.schemas.canon as canon_module

handler = lambda app: canon_module.A()
