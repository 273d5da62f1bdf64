/** The khoscope name with its mark; `large` on the start screen. */
export function Brand({ large = false }: { large?: boolean }) {
  return (
    <span className={large ? 'brand brand--large' : 'brand'}>
      <svg
        className="brand__mark"
        viewBox="0 0 24 24"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <circle cx="12" cy="5" r="2.5" />
        <circle cx="5" cy="18" r="2.5" />
        <circle cx="19" cy="18" r="2.5" />
        <path d="M11 7.2 6.2 15.8M13 7.2l4.8 8.6" />
      </svg>
      <span className="brand__name">khoscope</span>
    </span>
  );
}
