import os
pid = os.getpid()
print(type(pid).__name__, pid > 0, pid == os.getpid())
