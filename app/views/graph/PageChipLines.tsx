import { chipLabel, chipTitle, type PageChip } from './model/pageChips';

/**
 * A card's page chips, line by line: one chip per page in list order, a
 * dashed marker wherever the list is not contiguous, and `+N pages` for the
 * rest. Line breaks were decided when the card was sized (packChipLines).
 */
export function PageChipLines({ lines, top }: { lines: PageChip[][]; top: number }) {
  let previous: number | undefined;
  return (
    <div className="gcard__chips" style={{ top }}>
      {lines.map((line, l) => (
        <div key={l} className="gcard__chip-line">
          {line.map((chip, i) => {
            const title = chipTitle(chip, previous);
            if (chip.kind === 'page') previous = chip.address;
            return (
              <span
                key={i}
                className={`page-chip page-chip--${chip.kind}${chip.kind === 'gap' ? ` page-chip--${chip.direction}` : ''}`}
                title={title}
              >
                {chipLabel(chip)}
              </span>
            );
          })}
        </div>
      ))}
    </div>
  );
}
