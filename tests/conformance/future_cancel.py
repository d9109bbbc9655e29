# Future.cancel(): a pending future becomes cancelled (cancel() returns True, then
# False), awaiting it raises CancelledError, and result() raises it too.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback: cancelled?", f.cancelled()))
    print("cancel:", fut.cancel(), "again:", fut.cancel())
    print("done?", fut.done(), "cancelled?", fut.cancelled())
    try:
        await fut
    except asyncio.CancelledError:
        print("await raised CancelledError")
    try:
        fut.result()
    except asyncio.CancelledError:
        print("result() raised CancelledError")
    done = loop.create_future()
    done.set_result(1)
    print("cancel a done future:", done.cancel())
    await asyncio.sleep(0)

asyncio.run(main())
