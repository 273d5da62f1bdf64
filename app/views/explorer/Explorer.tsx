import { DiagnosticsPanel } from '../diagnostics/DiagnosticsPanel';
import { InspectorPanel } from '../inspector/InspectorPanel';
import { OutlinePanel } from '../outline/OutlinePanel';
import { Breadcrumb } from './Breadcrumb';
import { CenterPanel } from './CenterPanel';

/** The explorer: breadcrumb on top, outline left, views in the centre, inspector right, diagnostics below. */
export function Explorer() {
  return (
    <main className="explorer">
      <Breadcrumb />
      <OutlinePanel />
      <CenterPanel />
      <InspectorPanel />
      <DiagnosticsPanel />
    </main>
  );
}
