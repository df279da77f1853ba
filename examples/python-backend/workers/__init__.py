"""Background jobs (run by the scheduler; nothing runs at import time)."""
