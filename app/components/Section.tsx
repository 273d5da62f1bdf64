import type { ReactNode } from 'react';

/** A titled block of the inspector. */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="section" aria-label={title} data-testid={testId}>
      <h3 className="section__title">{title}</h3>
      {children}
    </section>
  );
}
