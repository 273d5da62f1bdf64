import type { Command } from '../../commands/Command';
import { needsOpenTree } from '../../commands/appCommands';
import { showFilePicker } from '../../input/showFilePicker';
import { useUiStore } from '../../state/uiStore';
import { clearComparison, compareWithFiles } from './compareActions';
import { useCompareStore } from './compareStore';

/** The compare commands (palette ids `view.compare`, `compare.*`, listed in docs/app.md). */
export const COMPARE_COMMANDS: readonly Command[] = [
  {
    id: 'view.compare',
    title: 'Show the Compare tab',
    group: 'View',
    keys: ['c'],
    keywords: 'diff difference roots images',
    unavailable: needsOpenTree,
    run: () => useUiStore.getState().setActiveTab('compare'),
  },
  {
    id: 'compare.image',
    title: 'Compare the shown root with another image…',
    group: 'Compare',
    keywords: 'diff difference before after kexec file',
    unavailable: needsOpenTree,
    run: () => showFilePicker(false, compareWithFiles),
  },
  {
    id: 'compare.clear',
    title: 'Forget the comparison and its marks',
    group: 'Compare',
    keywords: 'diff reset clear',
    unavailable: () => (useCompareStore.getState().status === 'idle' ? 'Nothing is compared' : null),
    run: () => clearComparison(),
  },
];
