import { useCallback, useEffect } from 'react';
import { APP_COMMANDS } from './commands/appCommands';
import { useDemoCommands } from './commands/useDemoCommands';
import { useRegisterCommands } from './commands/useRegisterCommands';
import { DropOverlay } from './components/DropOverlay';
import { useGlobalShortcuts } from './components/useGlobalShortcuts';
import { useHashSync } from './components/useHashSync';
import { useThemeEffect } from './components/useThemeEffect';
import { useWindowFileDrop } from './components/useWindowFileDrop';
import { useDocumentStore } from './state/documentStore';
import { loadGallery } from './state/galleryStore';
import { openFiles } from './state/openActions';
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
  useHashSync();
  useGlobalShortcuts();
  useRegisterCommands(APP_COMMANDS);
  useDemoCommands();
  useEffect(() => {
    void loadGallery();
  }, []);
  const dropFailed = useCallback(
    (message: string) => useDocumentStore.getState().notify(`The drop could not be read: ${message}`),
    [],
  );
  const dragging = useWindowFileDrop(openFiles, dropFailed);
  const empty = useDocumentStore((state) => state.status === 'empty');
  return (
    <>
      {empty ? <StartScreen /> : <Workspace />}
      {dragging && <DropOverlay />}
      <HelpOverlay />
      <CommandPalette />
    </>
  );
}
