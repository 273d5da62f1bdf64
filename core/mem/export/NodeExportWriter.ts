import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exportChunks } from './exportChunks';
import type { ExportFile, ExportPlan } from './ExportPlan';

/** Writes one exported file to `path` chunk by chunk (Node only). */
export async function writeExportFile(file: ExportFile, path: string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    for await (const chunk of exportChunks(file)) {
      let done = 0;
      while (done < chunk.length) done += (await handle.write(chunk, done, chunk.length - done)).bytesWritten;
    }
  } finally {
    await handle.close();
  }
}

/** Writes every file of a plan under `directory`, creating sub-folders such as `sub_fdts/` (Node only). Returns the paths written. */
export async function writeExportPlan(plan: ExportPlan, directory: string): Promise<string[]> {
  const written: string[] = [];
  for (const file of plan.files) {
    const path = join(directory, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeExportFile(file, path);
    written.push(path);
  }
  return written;
}
