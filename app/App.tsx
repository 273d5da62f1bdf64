import { useCallback } from 'react';
import { DropOverlay } from './components/DropOverlay';
import { useGlobalShortcuts } from './components/useGlobalShortcuts';
import { useEditShortcuts } from './edit/useEditShortcuts';
import { useHashSync } from './components/useHashSync';
import { useThemeEffect } from './components/useThemeEffect';
import { useWindowFileDrop } from './components/useWindowFileDrop';
import { useDocumentStore } from './state/documentStore';
import { openFiles } from './state/openActions';
import { HelpOverlay } from './views/help/HelpOverlay';
import { StartScreen } from './views/start/StartScreen';
import { Workspace } from './views/Workspace';

/** The page: the start screen until an image is opened, then the workspace; images can be dropped anywhere. */
export function App() {
  useThemeEffect();
  useHashSync();
  useGlobalShortcuts();
  useEditShortcuts();
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
    </>
  );
}
