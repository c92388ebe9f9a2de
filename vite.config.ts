import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The staff console (React + Ant Design), built into dist/console and served by the same server at /console/. */
export default defineConfig({
  root: 'src/console',
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
