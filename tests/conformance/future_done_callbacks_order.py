# A future's done callbacks run in the order they were added, one loop turn after it
# completes, each receiving the future; removing one drops it.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    def cb(label):
        return lambda f: print(f"{label}: result {f.result()}")
    first = cb("first")
    fut.add_done_callback(first)
    fut.add_done_callback(cb("second"))
    fut.add_done_callback(cb("third"))
    print("removed:", fut.remove_done_callback(first))
    fut.set_result("x")
    print("result set; callbacks not run yet")
    await asyncio.sleep(0)
    print("after one turn")

asyncio.run(main())
