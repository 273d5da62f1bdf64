import { Brand } from '../../components/Brand';
import { OpenFileButton } from '../../components/OpenFileButton';
import { ThemeToggle } from '../../components/ThemeToggle';
import { NoticeBar } from '../NoticeBar';
import { DemoGallery } from './DemoGallery';
import { PrivacyNote } from './PrivacyNote';

/** The first screen: what khoscope is, how to open an image, the demo gallery, and the promise that nothing is uploaded. */
export function StartScreen() {
  return (
    <main className="start">
      <NoticeBar />
      <div className="start__corner">
        <ThemeToggle />
      </div>
      <section className="start__card" aria-labelledby="start-title">
        <h1 id="start-title">
          <Brand large />
        </h1>
        <p className="start__lead">
          See the Kexec HandOver (KHO) tree inside a memory image: every root, fragment and link as a graph, each value
          typed as the kernel wrote it, the preserved memory on a map, and every problem pointed out where it is.
        </p>
        <div className="start__actions">
          <OpenFileButton label="Open an image" primary />
          <OpenFileButton label="Open a folder" folder />
        </div>
        <p className="start__drop">
          or drop a file, several files, or a <code>kho/out</code> folder anywhere on this page. Reads raw dumps, ELF
          cores (QEMU, /proc/vmcore), kdump files (makedumpfile), the debugfs blob set and lone <code>.dtb</code> files.
        </p>
        <PrivacyNote />
      </section>
      <DemoGallery />
    </main>
  );
}
