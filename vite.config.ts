import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The built page may load and connect to nothing but its own origin, so the
 * "nothing leaves the machine" promise holds even if a dependency tried
 * otherwise. Build only: the dev server needs inline scripts for hot reload.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'khoscope-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** The demo `npm start` points at: the richest mainline image (public/demos/index.json). */
const START_DEMO = 'kho-v4';

/** After the dev server's own banner, names the URL that opens the explorer on a built-in demo. */
function startDemoBanner(): Plugin {
  return {
    name: 'khoscope-start-demo-banner',
    apply: 'serve',
    configureServer(server) {
      server.httpServer?.once('listening', () => {
        setTimeout(() => {
          const url = server.resolvedUrls?.local[0];
          if (url)
            server.config.logger.info(
              `\n  khoscope explorer on a built-in demo: ${url}?demo=${START_DEMO}\n  (or open ${url} and drop a memory image on the page)\n`,
            );
        }, 0);
      });
    },
  };
}

// The explorer lives in app/; static files (demo images) in public/.
export default defineConfig({
  root: 'app',
  // Relative asset URLs, so dist/ works from any path of any static server.
  base: './',
  publicDir: '../public',
  plugins: [react(), contentSecurityPolicy(), startDemoBanner()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  // dist/app: the package also holds the library (dist/lib, dist/types) and the CLI (dist/cli) beside it.
  build: { outDir: '../dist/app', emptyOutDir: true },
  worker: { format: 'es' },
});
