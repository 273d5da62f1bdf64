import { useState } from 'react';
import { describeReading, formatValue, type TypedValue, type U64Readings } from '../../../core/kho';
import { CopyButton } from '../../components/CopyButton';
import { FoldedText } from '../../components/FoldedText';
import { alternativeReadings } from '../../explore/alternativeReadings';

/** Readings longer than this many characters fold. */
const READING_FOLD = 600;

/**
 * A typed value: the reading, its type with byte order and where the type
 * came from (KHO ABI or dtc's guess), a copy button, and the other
 * readings (the other byte order) one click away.
 */
export function ValueReading({ value, raw, readings }: { value: TypedValue; raw: Uint8Array; readings?: U64Readings }) {
  const [showOthers, setShowOthers] = useState(false);
  const text = formatValue(value, raw);
  const type = describeReading(value) || value.kind;
  const others = alternativeReadings(value, raw, readings);
  return (
    <div className="value-reading">
      <div className="value-reading__main">
        <span className="mono value-reading__text" data-testid="value-reading">
          <FoldedText text={text} limit={READING_FOLD} />
        </span>
        <CopyButton text={text} what="value" />
      </div>
      <div className="value-reading__type">
        <span className="tag" data-testid="value-type">
          {type}
        </span>
        <span className="dim">{value.basis === 'abi' ? 'typed by the KHO ABI' : 'typed as dtc would'}</span>
        {others.length > 0 && (
          <button
            type="button"
            className="link-button"
            onClick={() => setShowOthers(!showOthers)}
            aria-expanded={showOthers}
          >
            {showOthers ? 'hide other readings' : `read as ${others.map((other) => other.label).join(' / ')}`}
          </button>
        )}
      </div>
      {showOthers && (
        <dl className="facts" data-testid="other-readings">
          {others.map((other) => (
            <div key={other.label} className="facts__row">
              <dt>{other.label}</dt>
              <dd className="mono">{other.text}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
