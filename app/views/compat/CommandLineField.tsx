import type { KhoGraph } from '../../../core/kho';
import { useDocumentStore } from '../../state/documentStore';

/**
 * `check --cmdline` in the explorer: the next kernel's command line, typed
 * here, re-judges the image's reserve-mem regions at once (their sizes
 * against its `reserve_mem=` arguments: the diagnostics panel shows the
 * result); remembered per image for the page's life. Empty: the command line
 * the image carries (a debugfs set's `cmdline` file), if any.
 */
export function CommandLineField({ graph }: { graph: KhoGraph }) {
  const label = useDocumentStore((state) => state.label);
  const text = useDocumentStore((state) => (state.label === null ? '' : (state.commandLines[state.label] ?? '')));
  const setCommandLine = useDocumentStore((state) => state.setCommandLine);
  const carried = graph.kernel.commandLine;
  const judged = graph.diagnostics.filter((d) => d.code === 'reserve-mem-cmdline');
  const errors = judged.filter((d) => d.severity === 'error').length;
  const against =
    text.trim() !== ''
      ? 'the command line typed here'
      : carried
        ? `the image's own (${carried.source}): ${carried.text}`
        : null;
  return (
    <div className="compat__cmdline">
      <label>
        Next kernel's command line{' '}
        <input
          type="text"
          className="mono"
          value={text}
          disabled={label === null}
          placeholder={carried ? carried.text : 'reserve_mem=4M:4096:demo1 …'}
          spellCheck={false}
          aria-label="Next kernel's command line"
          onChange={(event) => setCommandLine(event.target.value)}
        />
      </label>
      <p className="dim" data-testid="cmdline-verdict">
        {against === null
          ? 'reserve_mem= sizes are not judged: type the command line the next kernel boots with.'
          : `reserve_mem= judged against ${against}: ${judged.length === 0 ? 'every region matches' : `${errors} error(s), ${judged.length - errors} other finding(s) in the diagnostics`}.`}
      </p>
    </div>
  );
}
