// A worker thread's entry. The TypeScript modules load through tsx's require hook: it runs in
// the thread itself, where tsx's import hooks would start a thread of their own for each worker
// (several hundred milliseconds before the first row is read).
const { workerData } = require('node:worker_threads');
require('tsx/cjs/api').register();
require(workerData.entry);
