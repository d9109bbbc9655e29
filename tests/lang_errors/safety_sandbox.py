# handoff's safety promise: a program cannot open files, run programs, reach the
# network, or reach into the interpreter. CPython allows every line below, so
# this expectation is hand-checked (tests/lang_errors/README.md): each attempt
# must fail with a clear error, printed as `what: ErrorType: first line`.
import asyncio


def attempt(what, action):
    try:
        action()
    except Exception as error:
        print(f"{what}: {type(error).__name__}: {str(error).splitlines()[0]}")
    else:
        print(f"{what}: allowed")


# Built-ins that read or write files, run code from strings, or import by name.
attempt("open", lambda: open("/etc/passwd"))
attempt("exec", lambda: exec("print(1)"))
attempt("eval", lambda: eval("1 + 1"))
attempt("compile", lambda: compile("1", "<s>", "eval"))
attempt("__import__", lambda: __import__("os"))
attempt("breakpoint", lambda: breakpoint())
attempt("help", lambda: help())
attempt("memoryview", lambda: memoryview)
attempt("__builtins__", lambda: __builtins__)
attempt("__loader__", lambda: __loader__)


# Modules that touch the system: none of them exists.
def import_module(name):
    def action():
        if name == "subprocess":
            import subprocess
        elif name == "socket":
            import socket
        elif name == "pathlib":
            import pathlib
        elif name == "io":
            import io
        elif name == "shutil":
            import shutil
        elif name == "importlib":
            import importlib
        elif name == "builtins":
            import builtins
        elif name == "ctypes":
            import ctypes
        elif name == "signal":
            import signal
        elif name == "threading":
            import threading
        elif name == "select":
            import select
        elif name == "urllib":
            import urllib.request
        elif name == "tempfile":
            import tempfile
        elif name == "pickle":
            import pickle
    return action


for name in ["subprocess", "socket", "pathlib", "io", "shutil", "importlib", "builtins",
             "ctypes", "signal", "threading", "select", "urllib", "tempfile", "pickle"]:
    attempt(f"import {name}", import_module(name))

# os has getpid and nothing else; sys has no door to the interpreter's insides.
import os
import sys

print("os.getpid:", type(os.getpid()).__name__)
for name in ["system", "popen", "listdir", "remove", "environ", "getcwd", "chdir", "open",
             "execv", "fork", "kill", "walk", "path"]:
    attempt(f"os.{name}", lambda: getattr(os, name))
for name in ["stdin", "path", "meta_path", "_getframe", "settrace", "setprofile", "executable",
             "exc_info", "addaudithook"]:
    attempt(f"sys.{name}", lambda: getattr(sys, name))

# The way out of a sandbox through the object model is closed.
attempt("object subclasses", lambda: ().__class__.__base__.__subclasses__())
attempt("function globals", lambda: (lambda: 0).__globals__)
attempt("function code", lambda: (lambda: 0).__code__)
attempt("builtin self", lambda: print.__self__)
attempt("generator frame", lambda: (x for x in []).gi_frame)

# asyncio's doors to the network, to processes and to threads are not there.
for name in ["open_connection", "start_server", "open_unix_connection", "start_unix_server",
             "create_subprocess_exec", "create_subprocess_shell", "to_thread"]:
    attempt(f"asyncio.{name}", lambda: getattr(asyncio, name))


async def loop_doors():
    loop = asyncio.get_running_loop()
    for name in ["create_connection", "create_server", "create_datagram_endpoint", "sock_connect",
                 "sock_recv", "getaddrinfo", "subprocess_exec", "subprocess_shell", "add_reader",
                 "connect_read_pipe", "add_signal_handler", "set_default_executor"]:
        attempt(f"loop.{name}", lambda: getattr(loop, name))


asyncio.run(loop_doors())
