import type { PciContent } from '../../../../core/kho';
import { Section } from '../../../components/Section';

/** The PCI FLB: each preserved device as domain:bus:device.function, with its refcount when the layout has one. */
export function PciView({ content }: { content: PciContent }) {
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  return (
    <Section title={`PCI devices (${content.handler})`} testId="pci">
      <p className="dim">
        {content.maxDevices === null
          ? `${content.devices.length} device(s)${content.version === null ? '' : `, pci_ser version ${content.version}`}`
          : `${content.devices.length} of ${content.maxDevices} slot(s) used`}
      </p>
      <ul className="mono">
        {content.devices.map((d, i) => (
          <li key={i}>
            {hex(d.domain, 4)}:{hex(d.bus, 2)}:{hex(d.device, 2)}.{d.function}
            {d.refcount === null ? '' : ` refcount ${d.refcount}`}
          </li>
        ))}
      </ul>
    </Section>
  );
}
