// Preloaded into the server by scripts/soak.ts (node --expose-gc --import …): reports memory over IPC.
// On 'sample' it answers { rss, heapUsed, heapTotal, external, arrayBuffers }; on 'gc' it collects garbage first (heap that is really kept).
if (process.send) {
  process.on('message', (m) => {
    if (m === 'gc' && typeof globalThis.gc === 'function') globalThis.gc();
    if (m === 'sample' || m === 'gc') {
      const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
      process.send({ kind: m, rss, heapUsed, heapTotal, external, arrayBuffers });
    }
  });
  process.channel?.unref();
}
