# Uncaught KeyError: the last line shows the key's repr.
config = {"host": "localhost"}
print(config["host"])
print(config["port"])
