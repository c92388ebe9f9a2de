// A document worker thread (src/workers/pool.ts starts them with piscina): the TypeScript loader is
// registered in this thread as bin/server.js does in the main one, then the worker's body is loaded.
import { register } from 'tsx/esm/api';

register();
const { default: documentWorker } = await import('../src/workers/document.worker.ts');
export default documentWorker;
