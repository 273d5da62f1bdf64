import { formatHex } from '../format/formatHex';

/** A number in `0x…` form, monospaced, with the decimal in the tooltip. */
export function Hex({ value, testId }: { value: number | bigint; testId?: string }) {
  return (
    <span className="mono" title={value.toString(10)} data-testid={testId}>
      {formatHex(value)}
    </span>
  );
}
