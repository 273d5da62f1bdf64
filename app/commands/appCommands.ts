import { showFilePicker } from '../input/showFilePicker';
import { useDocumentStore } from '../state/documentStore';
import { openFiles } from '../state/openActions';
import { goBack } from '../state/select';
import { useUiStore, type CenterTab } from '../state/uiStore';
import type { Command } from './Command';

/** Id of the top bar's search input (the `/` shortcut focuses it). */
export const SEARCH_INPUT_ID = 'search-input';

/** Why a command that needs a decoded tree cannot run yet, or null. */
export function needsOpenTree(): string | null {
  return useDocumentStore.getState().status === 'ready' ? null : 'Open an image or a demo first';
}

const ui = () => useUiStore.getState();

function viewCommand(tab: CenterTab, title: string, key: string, keywords: string): Command {
  return {
    id: `view.${tab}`,
    title,
    group: 'View',
    keys: [key],
    keywords,
    unavailable: needsOpenTree,
    run: () => ui().setActiveTab(tab),
  };
}

/**
 * The commands every page has: the palette itself, help, theme, opening
 * and closing images, the views, search and Back. Graph, tour, demo,
 * edit and compare commands are registered by their own parts of the app.
 */
export const APP_COMMANDS: readonly Command[] = [
  {
    id: 'palette.open',
    title: 'Show all commands',
    group: 'General',
    keys: ['Ctrl+K', 'Ctrl+Shift+P'],
    keywords: 'command palette actions',
    run: () => ui().setPaletteOpen(true),
  },
  {
    id: 'help.show',
    title: 'Show help and keyboard shortcuts',
    group: 'General',
    keys: ['?'],
    keywords: 'keys shortcuts',
    run: () => ui().setHelpOpen(!ui().helpOpen),
  },
  {
    id: 'theme.toggle',
    title: 'Switch between light and dark',
    group: 'General',
    keys: ['t'],
    keywords: 'theme dark mode colours',
    run: () => ui().toggleTheme(),
  },
  {
    id: 'file.open',
    title: 'Open an image…',
    group: 'File',
    keywords: 'dump vmcore elf kdump dtb pick',
    run: () => showFilePicker(false, openFiles),
  },
  {
    id: 'file.open-folder',
    title: 'Open a folder (a copied kho/out)…',
    group: 'File',
    keywords: 'debugfs blob set directory',
    run: () => showFilePicker(true, openFiles),
  },
  {
    id: 'file.close',
    title: 'Close the image and show the start page',
    group: 'File',
    keywords: 'home demos gallery start',
    unavailable: () => (useDocumentStore.getState().status === 'empty' ? 'The start page is already shown' : null),
    run: () => useDocumentStore.getState().close(),
  },
  viewCommand('graph', 'Show the graph', 'g', 'cards tree'),
  viewCommand('hex', 'Show the hex view', 'h', 'bytes'),
  viewCommand('memmap', 'Show the memory map', 'm', 'preserved ranges order lanes'),
  viewCommand('dts', 'Show the DTS source of every fragment', 's', 'dtc source text'),
  {
    id: 'view.diagnostics',
    title: 'Show or hide the diagnostics panel',
    group: 'View',
    keys: ['p'],
    keywords: 'problems errors warnings',
    unavailable: needsOpenTree,
    run: () => ui().setDiagnosticsOpen(!ui().diagnosticsOpen),
  },
  {
    id: 'about.toggle',
    title: 'Show or hide “About this” (what the selection is for, with its kernel source)',
    group: 'View',
    keys: ['a'],
    keywords: 'explain learn help teach',
    unavailable: needsOpenTree,
    run: () => ui().setAboutOpen(!ui().aboutOpen),
  },
  {
    id: 'presentation.toggle',
    title: 'Presentation mode on or off (large text, high contrast, no side panels)',
    group: 'View',
    keys: ['Shift+P'],
    keywords: 'present projector teach lecture big',
    run: () => ui().setPresenting(!ui().presenting),
  },
  {
    id: 'search.focus',
    title: 'Search names, paths, values and addresses',
    group: 'Navigate',
    keys: ['/'],
    keywords: 'find',
    unavailable: needsOpenTree,
    run: () => document.getElementById(SEARCH_INPUT_ID)?.focus(),
  },
  {
    id: 'selection.back',
    title: 'Back to the previous selection',
    group: 'Navigate',
    keys: ['Backspace'],
    keywords: 'history previous',
    unavailable: needsOpenTree,
    run: () => goBack(),
  },
];
