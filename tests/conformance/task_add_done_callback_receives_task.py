# add_done_callback: the callback receives the task itself, runs through call_soon after
# the task finishes (not inside it), and callbacks run in the order they were added.
import asyncio

def make_callback(label):
    def callback(task):
        print(f"{label}: {task.get_name()} done={task.done()} result={task.result()}")
    return callback

async def work():
    print("work returns")
    return "ok"

async def main():
    t = asyncio.create_task(work(), name="worker")
    t.add_done_callback(make_callback("first"))
    t.add_done_callback(make_callback("second"))
    await asyncio.sleep(0)
    print("main: worker finished, done?", t.done(), "- callbacks have not run yet")
    await asyncio.sleep(0)
    print("main: after one more turn")

asyncio.run(main())
