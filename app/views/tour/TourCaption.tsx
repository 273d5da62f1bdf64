import { CopyButton } from '../../components/CopyButton';
import { exitTour, nextStep, previousStep } from '../../tours/tourActions';
import { useTourStore } from '../../tours/tourStore';
import './tour.css';

/**
 * The running tour's step as a strip under the top bar (it never covers
 * the place it points at): where in the tour, the step's title and
 * explanation, its kernel or seed-design source, Previous / Next / End
 * (also ← → Esc), and the step's shareable link.
 */
export function TourCaption() {
  const tour = useTourStore((state) => state.tour);
  const index = useTourStore((state) => state.step);
  const problem = useTourStore((state) => state.problem);
  const shown = useTourStore((state) => state.shown);
  if (!tour) return null;
  const step = tour.steps[index];
  const last = index === tour.steps.length - 1;
  return (
    <section className="tour" aria-label="Tour" data-testid="tour" data-step={index + 1} aria-busy={!shown && !problem}>
      <div className="tour__body">
        <p className="tour__where">
          Tour: {tour.title} · step {index + 1} of {tour.steps.length}
        </p>
        <h2 className="tour__title">{step.title}</h2>
        <p className="tour__text">{step.text}</p>
        <p className="tour__source">
          Source:{' '}
          {step.source.url ? (
            <a href={step.source.url} target="_blank" rel="noreferrer noopener">
              {step.source.label}
            </a>
          ) : (
            step.source.label
          )}
        </p>
        {problem && (
          <p className="tour__problem" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="tour__controls">
        <button
          type="button"
          className="button"
          onClick={previousStep}
          disabled={index === 0}
          title="Previous step (←)"
        >
          ← Previous
        </button>
        {last ? (
          <button type="button" className="button button--primary" onClick={exitTour} title="End the tour (Esc)">
            Finish
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={nextStep} title="Next step (→)">
            Next →
          </button>
        )}
        <button type="button" className="button button--small" onClick={exitTour} title="End the tour (Esc)">
          End tour
        </button>
        <CopyButton text={location.href} what="a link to this step" />
      </div>
    </section>
  );
}
