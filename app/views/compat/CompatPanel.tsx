import { useMemo, useState } from 'react';
import { imageFormats, judgeCompatibility, type KhoGraph, RELEASES } from '../../../core/kho';
import { Section } from '../../components/Section';
import { CommandLineField } from './CommandLineField';
import './compat.css';

/**
 * `khoscope compat` in the explorer: every format and version string the
 * image's outgoing tree uses, where it is and which releases read it; with a
 * target release chosen, whether that kernel can take over, and why.
 */
export function CompatPanel({ graph }: { graph: KhoGraph }) {
  const [target, setTarget] = useState<string>('');
  const formats = useMemo(() => imageFormats(graph), [graph]);
  const report = useMemo(() => judgeCompatibility(formats, target === '' ? null : target), [formats, target]);
  return (
    <Section title="Compatibility" testId="compat-panel">
      <label className="compat__target">
        Can this kernel take over?{' '}
        <select value={target} onChange={(event) => setTarget(event.target.value)} aria-label="Target release">
          <option value="">(choose a release)</option>
          {RELEASES.map((release) => (
            <option key={release} value={release}>
              {release}
            </option>
          ))}
        </select>
      </label>
      {report.answer !== null && (
        <div className={`compat__answer compat__answer--${report.answer}`} data-testid="compat-answer">
          <strong>{report.answer}</strong>
          {report.reasons.length > 0 && (
            <ul className="plain-list">
              {report.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          )}
          {report.known.length > 0 && (
            <>
              <p>What is known about {report.target}:</p>
              <ul className="plain-list" data-testid="compat-known">
                {report.known.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <table className="table table--compact" data-testid="compat-items">
        <thead>
          <tr>
            <th>format</th>
            <th>where</th>
            <th>read by</th>
            {report.target !== null && <th>{report.target}</th>}
          </tr>
        </thead>
        <tbody>
          {report.items.map((item, i) => (
            <tr key={i} title={item.entry ? `${item.entry.what}. Source: ${item.entry.source}` : 'not catalogued'}>
              <td className="mono">{item.id}</td>
              <td>
                {item.where}
                {item.required === undefined ? '' : item.required ? ' (required)' : ' (not required)'}
              </td>
              <td>{item.readers}</td>
              {report.target !== null && <td title={item.reason ?? undefined}>{item.answer}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <CommandLineField graph={graph} />
      <p className="dim">
        Facts and sources: docs/kho-formats.md. The kernel does not guarantee compatibility across versions.
      </p>
    </Section>
  );
}
