import { useMemo } from 'react';
import { type KhoGraph, renderGraphDts } from '../../../core/kho';
import { downloadBytes } from '../../components/downloadBytes';
import { dtsFileName } from '../../format/dtsFileName';
import { formatSize } from '../../format/formatSize';
import { latin1Bytes } from '../../format/latin1Bytes';
import { GraphExportButtons } from '../exports/ExportButtons';

/**
 * Every fragment as DTS (what `dtc -I dtb -O dts` prints for FDT fragments,
 * with the ABI reading of each property dtc misreads as a comment), with a
 * download button.
 */
export function DtsPanel({ graph, fileName }: { graph: KhoGraph; fileName: string }) {
  // Rendered once per graph: the text can be megabytes.
  const dts = useMemo(() => renderGraphDts(graph), [graph]);
  const lines = useMemo(() => dts.split('\n').length, [dts]);
  return (
    <section className="dts-panel">
      <div className="toolbar">
        <span className="dim">
          {graph.fragments.length} fragment{graph.fragments.length === 1 ? '' : 's'} · {lines.toLocaleString('en-US')}{' '}
          lines · {formatSize(dts.length)}
        </span>
        <button
          type="button"
          className="button"
          onClick={() => downloadBytes(dtsFileName(fileName), latin1Bytes(dts), 'text/plain')}
        >
          Download .dts
        </button>
        <GraphExportButtons graph={graph} />
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled text must take focus, or the keyboard cannot scroll it */}
      <pre className="dts" data-testid="dts-text" tabIndex={0} title="DTS source">
        {dts}
      </pre>
    </section>
  );
}
