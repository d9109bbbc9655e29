# Tasks raise errors of user-defined classes; `except*` matches them by their
# class hierarchy; an error raised by a handler replaces what it handled.
import asyncio

class FetchError(Exception):
    def __init__(self, url, status):
        super().__init__(f"{url} answered {status}")
        self.url = url
        self.status = status

class Timeout(FetchError):
    pass

async def fetch(url, delay, status):
    await asyncio.sleep(delay)
    if status == 408:
        raise Timeout(url, status)
    if status != 200:
        raise FetchError(url, status)
    return url

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for url, delay, status in [("a", 0.5, 200), ("b", 0.5, 404), ("c", 0.5, 408)]:
                tg.create_task(fetch(url, delay, status))
    except* Timeout as eg:
        print("timeouts:", [e.url for e in eg.exceptions])
    except* FetchError as eg:
        print("failures:", [(e.url, e.status) for e in eg.exceptions])
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fetch("d", 0.25, 500))
        except* FetchError:
            raise RuntimeError("giving up")
    except RuntimeError as e:
        print(type(e).__name__, repr(e), repr(e.__context__))
    print(f"at {asyncio.get_running_loop().time():.3f}")

asyncio.run(main())
