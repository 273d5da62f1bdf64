import { useDocumentStore } from '../state/documentStore';

/** A dismissible line for things worth knowing about the last open (e.g. extra dropped files). */
export function NoticeBar() {
  const notice = useDocumentStore((state) => state.notice);
  const dismiss = useDocumentStore((state) => state.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="status">
      <span>{notice}</span>
      <button type="button" className="button button--small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
