#!/usr/bin/env node
// Runs a TypeScript entry point with tsx's loader: `node bin/run-ts.js path/to/file.ts [args…]`.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('用法：node bin/run-ts.js 文件.ts [参数…]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(entry), ...rest];
await import(pathToFileURL(resolve(entry)).href);
