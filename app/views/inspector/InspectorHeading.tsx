import type { ReactNode } from 'react';

/** The inspector's title: what kind of thing, its name, and a short description. */
export function InspectorHeading({ kind, name, detail }: { kind: string; name: string; detail?: ReactNode }) {
  return (
    <header className="inspector-heading">
      <div className="inspector-heading__kind">{kind}</div>
      <h2 className="inspector-heading__name mono" data-testid="inspector-title">
        {name}
      </h2>
      {detail && <div className="inspector-heading__detail">{detail}</div>}
    </header>
  );
}
