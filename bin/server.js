#!/usr/bin/env node
// `npm start`: the HTTP server on the embedded SQLite database (or DATABASE_URL).
import { register } from 'tsx/esm/api';

register();
await import('../src/server.ts');
