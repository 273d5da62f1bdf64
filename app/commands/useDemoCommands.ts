import { useMemo } from 'react';
import { openDemo } from '../state/openActions';
import { useGalleryStore } from '../state/galleryStore';
import type { Command } from './Command';
import { useRegisterCommands } from './useRegisterCommands';

/** One `demo.open.<id>` command per gallery demo, registered while the app runs (the gallery may grow once its manifest is read). */
export function useDemoCommands(): void {
  const demos = useGalleryStore((state) => state.demos);
  const commands = useMemo<Command[]>(
    () =>
      demos.map((demo) => ({
        id: `demo.open.${demo.id}`,
        title: `Open the demo: ${demo.title}`,
        group: 'Demos',
        keywords: 'example gallery',
        run: () => openDemo(demo),
      })),
    [demos],
  );
  useRegisterCommands(commands);
}
