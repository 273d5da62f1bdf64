import type { Command } from '../commands/Command';
import { useRegisterCommands } from '../commands/useRegisterCommands';
import { exitTour, nextStep, previousStep, startTour } from './tourActions';
import { useTourStore } from './tourStore';
import { TOURS } from './tours';

const noTour = () => (useTourStore.getState().tour ? null : 'No tour is running');

/**
 * `tour.start.<id>` for every tour, and the controls of the running one:
 * `tour.next` (→), `tour.previous` (←), `tour.exit`. The arrows reach the
 * tour only when nothing focused uses them (the outline and the graph
 * handle their own arrows first); Esc ends the tour once no overlay is open.
 */
export const TOUR_COMMANDS: readonly Command[] = [
  ...TOURS.map<Command>((tour) => ({
    id: `tour.start.${tour.id}`,
    title: `Tour: ${tour.title}`,
    group: 'Tours',
    keywords: `learn guide teach ${tour.demo} ${tour.summary}`,
    run: () => startTour(tour),
  })),
  {
    id: 'tour.next',
    title: 'Next step of the tour',
    group: 'Tours',
    keys: ['ArrowRight'],
    unavailable: noTour,
    run: nextStep,
  },
  {
    id: 'tour.previous',
    title: 'Previous step of the tour',
    group: 'Tours',
    keys: ['ArrowLeft'],
    unavailable: noTour,
    run: previousStep,
  },
  { id: 'tour.exit', title: 'End the tour', group: 'Tours', keys: ['Escape'], unavailable: noTour, run: exitTour },
];

/** Registers the tour commands while the app runs. */
export function useTourCommands(): void {
  useRegisterCommands(TOUR_COMMANDS);
}
