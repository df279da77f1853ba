class H: pass
