import { useState } from 'react';
import { formatCount, percent } from './format';
import type { VariantsResult } from './types';

/** The most common paths through the log, each expandable to its full sequence. */
export function VariantExplorer({ variants }: { variants: VariantsResult }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (i: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(i)) next.add(i);
      return next;
    });
  return (
    <div data-testid="variants">
      <p className="muted">
        {formatCount(variants.variantCount)} distinct paths; the top {variants.variants.length} are shown.
      </p>
      <ol className="variant-list">
        {variants.variants.map((variant, i) => (
          <li key={variant.activities.join('\u0000')} data-testid="variant">
            <button
              type="button"
              aria-expanded={open.has(i)}
              onClick={() => toggle(i)}
              className="variant-toggle"
            >
              <span className="variant-share" style={{ width: `${Math.max(2, variant.share * 100)}%` }} />
              <span>
                {formatCount(variant.cases)} cases ({percent(variant.share)}) · {variant.activities.length}{' '}
                steps: {variant.activities.slice(0, 3).join(' → ')}
                {variant.activities.length > 3 ? ' → …' : ''}
              </span>
            </button>
            {open.has(i) && (
              <ol className="variant-steps" aria-label={`Steps of path ${i + 1}`}>
                {variant.activities.map((activity, k) => (
                  <li key={k}>{activity}</li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
