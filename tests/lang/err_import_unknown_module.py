# Importing a module that does not exist.
import time
import no_such_module_for_handoff
