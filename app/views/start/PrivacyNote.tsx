/** The promise that nothing leaves the machine (the e2e suite checks it on every test). */
export function PrivacyNote() {
  return (
    <p className="start__privacy">
      <svg
        viewBox="0 0 24 24"
        width="16"
        height="16"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <rect x="5" y="11" width="14" height="10" rx="2" />
        <path d="M8 11V7a4 4 0 0 1 8 0v4" />
      </svg>
      Images are read locally, in this tab. Nothing is uploaded; the page makes no network requests beyond its own
      files.
    </p>
  );
}
