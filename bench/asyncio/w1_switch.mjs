// Benchmark W1 for Node 20, the counterpart of w1_switch.py: 10,000 async functions
// each yield to the event loop 100 times, 1,000,000 hand-offs in all.
// Each yield is `await new Promise(setImmediate)`: it goes back through the event loop
// (the check phase), FIFO across the functions, as asyncio.sleep(0) does through the
// ready queue. (`await null` would only hop through the microtask queue and never give
// the event loop a turn, so it would measure promise resolution, not a loop hand-off.)
const TASKS = 10_000;
const ROUNDS = 100;

async function worker(counter) {
  for (let i = 0; i < ROUNDS; i++) {
    await new Promise(setImmediate);
    counter.handoffs++;
  }
}

async function main() {
  const counter = { handoffs: 0 };
  const workers = [];
  for (let i = 0; i < TASKS; i++) workers.push(worker(counter));
  await Promise.all(workers);
  console.log(`hand-offs: ${counter.handoffs}`);
}

main();
