import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The explorer lives in app/; static files (demo images) in public/.
export default defineConfig({
  root: 'app',
  publicDir: '../public',
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: '../dist', emptyOutDir: true },
  worker: { format: 'es' },
});
