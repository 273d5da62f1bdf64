import { useState } from 'react';
import { type DtsCompileProblem, openCompiledDts } from '../../state/openCompiledDts';

/**
 * The file opened is device-tree source text, not a blob or a memory image
 * (read as a raw dump it has no root): say so, give the dtc command, and
 * offer to open it compiled here. A text that does not compile gets the
 * parser's line, column and reason; when only dtc's error checks refuse it
 * (what `dtc -f` lets through), it may be opened anyway, forced.
 */
export function DtsSourceView({ label }: { label: string }) {
  const [problem, setProblem] = useState<DtsCompileProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const compile = async (force: boolean) => {
    setBusy(true);
    setProblem(await openCompiledDts({ force }));
    setBusy(false);
  };
  const dtb = `${label.replace(/\.dtsi?$/i, '')}.dtb`;
  return (
    <main className="screen">
      <section className="screen__card screen__card--warning" role="alert" aria-labelledby="dts-source-title">
        <h2 id="dts-source-title">{label} is device-tree source (DTS) text</h2>
        <p>
          khoscope reads compiled device trees (DTB files) and memory images. This file is the source text that{' '}
          <code>dtc</code> compiles, so it holds no flattened device tree to decode yet. Compile it first:
        </p>
        <pre className="mono dts-source__command" data-testid="dtc-command">
          dtc -I dts -O dtb -o {dtb} {label}
        </pre>
        <p className="dim">
          A kernel .dts with <code>#include</code> lines goes through the C preprocessor first:{' '}
          <code>
            cpp -nostdinc -I include -undef -x assembler-with-cpp {label} | dtc -I dts -O dtb -o {dtb} -
          </code>
          .
        </p>
        <p>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => compile(false)}>
            Open it compiled
          </button>{' '}
          <span className="dim">compiles it here as dtc would, and opens {dtb}. Nothing leaves this machine.</span>
        </p>
        {problem && (
          <p className="dts-source__problem" role="status" data-testid="dts-compile-problem">
            {problem.message}
          </p>
        )}
        {problem?.forcible && (
          <p>
            <button type="button" className="button" disabled={busy} onClick={() => compile(true)}>
              Open anyway (like dtc -f)
            </button>{' '}
            <span className="dim">
              dtc refuses this tree without <code>-f</code> for the reason above; forced, it keeps the tree as written.
            </span>
          </p>
        )}
      </section>
    </main>
  );
}
