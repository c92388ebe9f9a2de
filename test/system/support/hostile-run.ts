import type { ChildServer } from './child-server.ts';
import type { HostileDocument } from './hostile-documents.ts';

/**
 * Sends one hostile document to the anonymous report checker of a real server while another client keeps
 * asking for a page, one request after another; reports the answer, the worst latency the other client saw
 * while the document was in the server, and the server's peak resident memory over the same time.
 */
export interface HostileOutcome {
  name: string;
  status: number;
  /** the checker's message (the page's error text, or the JSON error) */
  message: string;
  /** how long the checker took to answer */
  answerMs: number;
  /** the slowest answer the other client got meanwhile */
  worstParallelMs: number;
  parallelRequests: number;
  peakRssMb: number;
}

export async function sendHostile(server: ChildServer, doc: HostileDocument): Promise<HostileOutcome> {
  let done = false;
  let worst = 0;
  let count = 0;
  const waiter: { tick: (() => void) | null } = { tick: null };
  let peakKb = server.rssKb() ?? 0;
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, server.rssKb() ?? 0);
  }, 20);
  const other = (async () => {
    while (!done) {
      const started = performance.now();
      const res = await fetch(`${server.url}/tools/report`);
      await res.arrayBuffer();
      worst = Math.max(worst, performance.now() - started);
      count++;
      waiter.tick?.();
    }
  })();
  const form = new FormData();
  form.append('file', new Blob([doc.bytes as Uint8Array<ArrayBuffer>]), doc.filename);
  const started = performance.now();
  const res = await fetch(`${server.url}/tools/report`, {
    method: 'POST',
    body: form,
    headers: { accept: 'text/html' },
  });
  const text = await res.text();
  const answerMs = performance.now() - started;
  // a few more of the other client's requests: a stall that begins as the answer leaves shows too
  const after = count + 3;
  while (count < after) await new Promise<void>((resolve) => (waiter.tick = resolve));
  done = true;
  await other;
  clearInterval(sampler);
  peakKb = Math.max(peakKb, server.rssKb() ?? 0);
  const message =
    /class="field-error">([^<]*)</.exec(text)?.[1] ?? /"message":"([^"]*)"/.exec(text)?.[1] ?? '';
  return {
    name: doc.name,
    status: res.status,
    message,
    answerMs,
    worstParallelMs: worst,
    parallelRequests: count,
    peakRssMb: peakKb / 1024,
  };
}
