import type { Severity } from '../../core/kho';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

/** A small shape per severity (colour is not the only cue): a filled circle ×, a triangle !, a ring i. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <svg
      className={`severity severity--${severity}`}
      viewBox="0 0 16 16"
      width="14"
      height="14"
      role="img"
      aria-label={LABEL[severity]}
    >
      {severity === 'error' && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke="var(--surface)" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
      {severity === 'warning' && (
        <>
          <path d="M8 1.5 15 14H1z" fill="currentColor" />
          <path d="M8 6v4" stroke="var(--surface)" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="12" r="1" fill="var(--surface)" />
        </>
      )}
      {severity === 'info' && (
        <>
          <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M8 7.2v4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="4.9" r="1" fill="currentColor" />
        </>
      )}
    </svg>
  );
}
