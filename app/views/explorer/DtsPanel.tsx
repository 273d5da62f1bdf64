import { useLayoutEffect, useMemo, useRef } from 'react';
import { type KhoGraph, renderGraphDtsParts } from '../../../core/kho';
import { downloadBytes } from '../../components/downloadBytes';
import { dtsFileName } from '../../format/dtsFileName';
import { formatSize } from '../../format/formatSize';
import { latin1Bytes } from '../../format/latin1Bytes';
import type { Selection } from '../../model/Selection';
import { selectionFragment } from '../../model/selectionFragment';
import { GraphExportButtons } from '../exports/ExportButtons';

/** Room left above the selected fragment's first line when it is scrolled to. */
const SCROLL_MARGIN_PX = 8;

/**
 * Every fragment as DTS (what `dtc -I dtb -O dts` prints for FDT fragments,
 * with the ABI reading of each property dtc misreads as a comment), with a
 * download button. The selected fragment's text is marked and scrolled to
 * whenever the tab shows or the selection moves to another fragment.
 */
export function DtsPanel({
  graph,
  fileName,
  selection,
}: {
  graph: KhoGraph;
  fileName: string;
  selection: Selection | null;
}) {
  // Rendered once per graph: the text can be megabytes.
  const parts = useMemo(() => renderGraphDtsParts(graph), [graph]);
  const dts = useMemo(() => parts.map((part) => part.text).join('\n'), [parts]);
  const lines = useMemo(() => dts.split('\n').length, [dts]);
  const selected = selectionFragment(selection);
  const textRef = useRef<HTMLPreElement>(null);
  useLayoutEffect(() => {
    const text = textRef.current;
    if (!text || selected === null || !parts.some((part) => part.fragment === selected)) return;
    const part = text.querySelector(`[data-fragment="${CSS.escape(selected)}"]`);
    if (!part) return;
    // Scrolls the text only: scrollIntoView would also move the page around it.
    text.scrollTop += part.getBoundingClientRect().top - text.getBoundingClientRect().top - SCROLL_MARGIN_PX;
  }, [selected, parts]);
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
      <pre className="dts" data-testid="dts-text" tabIndex={0} title="DTS source" ref={textRef}>
        {parts.map((part, index) => (
          <span
            key={part.fragment}
            className="dts-fragment"
            data-fragment={part.fragment}
            data-selected={part.fragment === selected ? 'true' : undefined}
          >
            {index < parts.length - 1 ? `${part.text}\n` : part.text}
          </span>
        ))}
      </pre>
    </section>
  );
}
