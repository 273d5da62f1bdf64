import { formatSize } from '../../format/formatSize';
import type { LoadProgress } from '../../model/LoadProgress';
import { useDocumentStore } from '../../state/documentStore';
import { cancelOpening } from '../../state/openActions';
import { useProgressStore } from '../../state/progressStore';

/** While the worker opens, scans and decodes: what it is doing, a progress bar, and Cancel. The page stays responsive meanwhile. */
export function ProgressView() {
  const label = useDocumentStore((state) => state.label);
  const progress = useProgressStore((state) => state.progress);
  const fraction =
    progress && progress.stage === 'scanning' && progress.totalBytes > 0
      ? progress.bytesScanned / progress.totalBytes
      : null;
  return (
    <main className="screen">
      <section className="screen__card progress-card" aria-labelledby="progress-title">
        <h2 id="progress-title">
          Opening <span className="mono">{label}</span>
        </h2>
        <p role="status" aria-live="polite" data-testid="progress-text">
          {progressText(progress)}
        </p>
        <progress
          className="progress"
          aria-label="Progress"
          max={1}
          value={fraction ?? undefined}
          data-testid="progress-bar"
        />
        <p>
          <button type="button" className="button" onClick={cancelOpening}>
            Cancel
          </button>
        </p>
      </section>
    </main>
  );
}

function progressText(progress: LoadProgress | null): string {
  if (!progress || progress.stage === 'opening') return 'Reading the container…';
  if (progress.stage === 'scanning') {
    const total = progress.totalBytes > 0 ? ` of ${formatSize(progress.totalBytes)}` : '';
    return `Scanning for KHO roots: ${formatSize(progress.bytesScanned)}${total}`;
  }
  return `Decoding (${progress.phase || 'roots'}): ${progress.fragments} fragments, ${progress.links} links, ${formatSize(progress.bytesRead)} read`;
}
