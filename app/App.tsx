import { useCallback, useEffect } from 'react';
import { APP_COMMANDS } from './commands/appCommands';
import { useDemoCommands } from './commands/useDemoCommands';
import { useRegisterCommands } from './commands/useRegisterCommands';
import { useTourCommands } from './tours/useTourCommands';
import { DropOverlay } from './components/DropOverlay';
import { useGlobalShortcuts } from './components/useGlobalShortcuts';
import { EDIT_COMMANDS } from './edit/editCommands';
import { useEditShortcuts } from './edit/useEditShortcuts';
import { useHashSync } from './components/useHashSync';
import { useStartDemo } from './components/useStartDemo';
import { usePresentationEffect } from './components/usePresentationEffect';
import { useThemeEffect } from './components/useThemeEffect';
import { useWindowFileDrop } from './components/useWindowFileDrop';
import { useDocumentStore } from './state/documentStore';
import { loadGallery } from './state/galleryStore';
import { openFiles } from './state/openActions';
import type { InputFile } from './worker/protocol';
import { useUiStore } from './state/uiStore';
import { compareWithFiles } from './views/compare/compareActions';
import { COMPARE_COMMANDS } from './views/compare/compareCommands';
import { EXPORT_COMMANDS } from './views/exports/exportCommands';
import { ROLE_COMMANDS } from './views/roles/roleCommands';
import { HelpOverlay } from './views/help/HelpOverlay';
import { CommandPalette } from './views/palette/CommandPalette';
import { StartScreen } from './views/start/StartScreen';
import { Workspace } from './views/Workspace';

/**
 * The page: the start screen until an image is opened, then the workspace;
 * images can be dropped anywhere; the app's commands are registered for the
 * palette and the keyboard.
 */
export function App() {
  useThemeEffect();
  usePresentationEffect();
  useHashSync();
  useGlobalShortcuts();
  useRegisterCommands(APP_COMMANDS);
  useRegisterCommands(COMPARE_COMMANDS);
  useRegisterCommands(EXPORT_COMMANDS);
  useRegisterCommands(EDIT_COMMANDS);
  useRegisterCommands(ROLE_COMMANDS);
  useDemoCommands();
  useTourCommands();
  useStartDemo();
  useEffect(() => {
    void loadGallery();
  }, []);
  useEditShortcuts();
  const dropFailed = useCallback(
    (message: string) => useDocumentStore.getState().notify(`The drop could not be read: ${message}`),
    [],
  );
  const dragging = useWindowFileDrop(openOrCompare, dropFailed);
  const empty = useDocumentStore((state) => state.status === 'empty');
  const comparing = useDropCompares();
  return (
    <>
      {empty ? <StartScreen /> : <Workspace />}
      {dragging && <DropOverlay compare={comparing} />}
      <HelpOverlay />
      <CommandPalette />
    </>
  );
}

/** True while a drop means "compare with this": a tree is shown and the Compare tab is open. */
function dropCompares(): boolean {
  return useDocumentStore.getState().status === 'ready' && useUiStore.getState().activeTab === 'compare';
}

function useDropCompares(): boolean {
  const ready = useDocumentStore((state) => state.status === 'ready');
  const compareTab = useUiStore((state) => state.activeTab === 'compare');
  return ready && compareTab;
}

/** A drop opens the files, or, on the Compare tab, compares the shown tree with them. */
function openOrCompare(files: InputFile[]): void {
  if (dropCompares()) compareWithFiles(files);
  else openFiles(files);
}
