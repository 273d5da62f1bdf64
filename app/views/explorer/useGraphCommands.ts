import { useCallback, useRef } from 'react';
import type { Command } from '../../commands/Command';
import { useRegisterCommands } from '../../commands/useRegisterCommands';
import { useUiStore } from '../../state/uiStore';
import type { GraphControls } from '../graph/GraphView';

/**
 * `graph.fit` (f) and `graph.overview` (o): they show the graph tab and act
 * on the mounted graph view. Returns the `onControls` to hand the view.
 */
export function useGraphCommands(): (controls: GraphControls | null) => void {
  const controls = useRef<GraphControls | null>(null);
  const onControls = useCallback((next: GraphControls | null) => {
    controls.current = next;
  }, []);
  const run = (action: (view: GraphControls) => void) => () => {
    useUiStore.getState().setActiveTab('graph');
    // The graph view stays mounted behind other tabs; it acts once shown (its size is known).
    requestAnimationFrame(() => controls.current && action(controls.current));
  };
  const commands = useRef<Command[]>([
    {
      id: 'graph.fit',
      title: 'Fit the graph readably (the selection and its neighbours on big graphs)',
      group: 'View',
      keys: ['f'],
      keywords: 'zoom readable neighbourhood',
      unavailable: () => (controls.current ? null : 'No graph is shown'),
      run: run((view) => view.fit()),
    },
    {
      id: 'graph.overview',
      title: 'Show the whole graph (overview)',
      group: 'View',
      keys: ['o'],
      keywords: 'zoom out all everything',
      unavailable: () => (controls.current ? null : 'No graph is shown'),
      run: run((view) => view.overview()),
    },
  ]);
  useRegisterCommands(commands.current);
  return onControls;
}
