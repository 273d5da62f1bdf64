import { useDocumentStore } from '../state/documentStore';
import { ErrorView } from './open/ErrorView';
import { NoRootView } from './open/NoRootView';
import { ProgressView } from './open/ProgressView';
import { RootChooser } from './open/RootChooser';
import { Explorer } from './explorer/Explorer';
import { NoticeBar } from './NoticeBar';
import { EditNotices } from './edit/EditNotices';
import { ExportDialog } from './edit/ExportDialog';
import { TopBar } from './top/TopBar';
import { TourCaption } from './tour/TourCaption';

/** The page once an image is being opened or is open: top bar, then progress, a choice of roots, "no root", a problem, or the explorer. */
export function Workspace() {
  const status = useDocumentStore((state) => state.status);
  return (
    <div className="workspace">
      <TopBar />
      <NoticeBar />
      {status === 'ready' && <EditNotices />}
      {status === 'ready' && <ExportDialog />}
      <TourCaption />
      {status === 'opening' && <ProgressView />}
      {status === 'choose-root' && <RootChooser />}
      {status === 'no-root' && <NoRootView />}
      {status === 'error' && <ErrorView />}
      {status === 'ready' && <Explorer />}
    </div>
  );
}
