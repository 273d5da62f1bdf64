import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG_FILE = join(REPO_ROOT, 'vite.config.ts');

/** A production build of the explorer served on localhost, and how to stop it. */
export interface ServedExplorer {
  /** The explorer's start page. */
  appUrl: string;
  /** The views harness (app/views/graph/dev/harness.html), built like the app. */
  harnessUrl: string;
  /** Stops the server and deletes the build. */
  close(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port assigned')),
      );
    });
  });
}

/**
 * Builds the explorer for production into a temporary folder, with the
 * dev-only views harness as a second page so the synthetic graph is
 * measured with the same minified code the app ships, and serves it with
 * `vite preview` on a free port.
 */
export async function serveExplorer(): Promise<ServedExplorer> {
  const outDir = mkdtempSync(join(tmpdir(), 'khoscope-bench-dist-'));
  try {
    await build({
      configFile: CONFIG_FILE,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        rollupOptions: {
          input: {
            main: resolve(REPO_ROOT, 'app/index.html'),
            harness: resolve(REPO_ROOT, 'app/views/graph/dev/harness.html'),
          },
        },
      },
    });
    const port = await freePort();
    const server = await preview({
      configFile: CONFIG_FILE,
      logLevel: 'warn',
      build: { outDir },
      preview: { port, strictPort: true },
    });
    const base = `http://127.0.0.1:${port}/`;
    return {
      appUrl: base,
      harnessUrl: `${base}views/graph/dev/harness.html`,
      close: async () => {
        await server.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
}
