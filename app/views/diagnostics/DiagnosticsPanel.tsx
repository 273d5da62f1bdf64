import { type CSSProperties, useMemo, useRef } from 'react';
import type { Diagnostic, KhoGraph, Severity } from '../../../core/kho';
import { FoldToggle } from '../../components/FoldToggle';
import { SeverityIcon } from '../../components/SeverityIcon';
import { useRowWindow } from '../../components/useRowWindow';
import { useDocumentStore } from '../../state/documentStore';
import { useUiStore } from '../../state/uiStore';
import { DiagnosticRow } from './DiagnosticRow';

/** Height of one diagnostics row in pixels (rows are one line; the full text is in the tooltip and the inspector). */
const ROW_HEIGHT = 28;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
/** Rows the open panel shows before it scrolls: a few, so the views above keep the height. */
const MAX_VISIBLE_ROWS = 5.5;

/**
 * Every problem and remark of the decode, errors first: severity, plain
 * message, and its place; a click selects the place, so every view shows
 * it. Collapsible; only the rows in view are rendered.
 */
export function DiagnosticsPanel() {
  const graph = useDocumentStore((state) => state.graph);
  const open = useUiStore((state) => state.diagnosticsOpen);
  const setOpen = useUiStore((state) => state.setDiagnosticsOpen);
  if (!graph) return null;
  return (
    <section
      className={open ? 'diagnostics diagnostics--open' : 'diagnostics'}
      // As tall as its rows (one line when there are none), at most a few: no empty band under a short list.
      style={
        open
          ? ({
              '--diagnostic-rows': Math.min(MAX_VISIBLE_ROWS, Math.max(1, graph.diagnostics.length)),
            } as CSSProperties)
          : undefined
      }
      aria-label="Diagnostics"
      data-testid="diagnostics"
    >
      <header className="diagnostics__header">
        <FoldToggle open={open} onToggle={setOpen} label="Diagnostics" title="Show or hide the diagnostics (p)" />
        <Counts diagnostics={graph.diagnostics} />
      </header>
      {open && <DiagnosticList graph={graph} />}
    </section>
  );
}

function Counts({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  return (
    <span className="diagnostics__counts" data-testid="diagnostic-counts">
      {SEVERITIES.map((severity) => {
        const count = diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
        return (
          <span key={severity} className="diagnostics__count">
            <SeverityIcon severity={severity} /> {count}{' '}
            {severity === 'info' ? 'info' : `${severity}${count === 1 ? '' : 's'}`}
          </span>
        );
      })}
    </span>
  );
}

function DiagnosticList({ graph }: { graph: KhoGraph }) {
  const order = useMemo(() => {
    const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
    return graph.diagnostics
      .map((_, i) => i)
      .sort((a, b) => rank[graph.diagnostics[a].severity] - rank[graph.diagnostics[b].severity] || a - b);
  }, [graph]);
  const viewport = useRef<HTMLDivElement>(null);
  const { start, end } = useRowWindow(viewport, order.length, ROW_HEIGHT);
  if (order.length === 0) return <p className="diagnostics__empty dim">No problems found.</p>;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a virtualized list puts spacer divs between list and rows, which <ul> forbids
    <div ref={viewport} className="diagnostics__list" role="list">
      <div role="none" style={{ height: order.length * ROW_HEIGHT }}>
        <div role="none" style={{ transform: `translateY(${start * ROW_HEIGHT}px)` }}>
          {order.slice(start, end).map((index) => (
            <DiagnosticRow key={index} graph={graph} index={index} height={ROW_HEIGHT} />
          ))}
        </div>
      </div>
    </div>
  );
}
