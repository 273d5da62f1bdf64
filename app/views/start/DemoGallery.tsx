import { useGalleryDemos } from '../../components/useGalleryDemos';
import { DemoCard } from './DemoCard';

/** The demos: one card each, with a paragraph on what to look at. */
export function DemoGallery() {
  const demos = useGalleryDemos();
  return (
    <section className="gallery" aria-labelledby="gallery-title">
      <h2 id="gallery-title" className="gallery__title">
        Demo images
      </h2>
      <ul className="gallery__list">
        {demos.map((demo) => (
          <li key={demo.id}>
            <DemoCard demo={demo} />
          </li>
        ))}
      </ul>
    </section>
  );
}
