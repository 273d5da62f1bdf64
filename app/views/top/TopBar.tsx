import { Brand } from '../../components/Brand';
import { OpenFileButton } from '../../components/OpenFileButton';
import { ThemeToggle } from '../../components/ThemeToggle';
import { useDocumentStore } from '../../state/documentStore';
import { EditBar } from '../edit/EditBar';
import { HelpButton } from './HelpButton';
import { ImageFacts } from './ImageFacts';
import { PresentButton } from './PresentButton';
import { RootsMenu } from './RootsMenu';
import { SearchBox } from './SearchBox';

/** Top bar: home, what is open (file, kind, page size, roots), search, and the page-wide actions. */
export function TopBar() {
  const close = useDocumentStore((state) => state.close);
  const ready = useDocumentStore((state) => state.status === 'ready');
  return (
    <header className="topbar">
      <button
        type="button"
        className="topbar__home"
        onClick={close}
        title="Close the image and go back to the start screen"
      >
        <Brand />
      </button>
      <ImageFacts />
      {ready && <RootsMenu />}
      {ready && <SearchBox />}
      {ready && <EditBar />}
      <div className="topbar__actions">
        <OpenFileButton label="Open…" />
        <OpenFileButton label="Folder…" folder />
        {ready && <PresentButton />}
        <ThemeToggle />
        <HelpButton />
      </div>
    </header>
  );
}
