import type { ReactNode } from 'react';

/** One fact: a label and its value (any content). Rows with an undefined value are left out. */
export type Fact = [label: string, value: ReactNode | undefined];

/** Label/value pairs in two columns (`address 0x23a000`). */
export function Facts({ facts, testId }: { facts: readonly Fact[]; testId?: string }) {
  return (
    <dl className="facts" data-testid={testId}>
      {facts
        .filter(([, value]) => value !== undefined)
        .map(([label, value]) => (
          <div key={label} className="facts__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
