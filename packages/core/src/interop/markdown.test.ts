import { describe, expect, it } from 'vitest';
import { templateExample } from '../templates/index';
import { gridDoc } from './gridDoc.testSupport';
import { escapeMarkdown } from './markdownText';
import { toMarkdown } from './toMarkdown';

describe('toMarkdown', () => {
  const report = toMarkdown(templateExample('ecommerce'));

  it('has the sections of a readable report', () => {
    for (const heading of [
      '# Buying running shoes online',
      '## Persona: Maya Okafor — First-time buyer, busy parent',
      '## Scenario',
      '## Expectations',
      '## Journey',
      '### Doing',
      '### Pain points',
      '## Emotion curve',
      '## Pain points',
      '## Opportunities',
      '## Evidence',
    ]) {
      expect(report).toContain(`\n${heading}\n`.slice(heading.startsWith('# ') ? 1 : 0));
    }
    expect(report).toContain('**Map type:** Current state');
    expect(report).toContain('**Goals**');
    expect(report).toContain('> “If I cannot tell whether it fits, I would rather not buy it at all.”');
  });

  it('puts stages in table columns and summarises the emotion curve', () => {
    expect(report).toContain(
      '| Discover | Compare | Checkout | Delivery &amp; first run | Review &amp; reorder |',
    );
    expect(report).toContain('| Checkout | -2 | 😠 | Surprise shipping cost |');
    expect(report).toContain('- **Highest:** Review &amp; reorder (+2)');
    expect(report).toContain('- **Lowest:** Checkout (-2)');
  });

  it('lists opportunities with their action plan, most votes first', () => {
    const rows = report
      .split('\n')
      .filter((line) => line.startsWith('| Show delivery cost') || line.startsWith('| Fit finder'));
    expect(rows[0]).toContain('Show delivery cost and date on the product page');
    expect(rows[0]).toContain(
      '| Checkout squad | Checkout completion rate | 41% → 55% | 2026-03-06 | 18,000 EUR | in-progress | 9 |',
    );
    expect(rows[1]).toContain('Fit finder');
    expect(report).toContain(
      '- **assumption:** Refund wait is a frustration (not yet verified) *(low confidence)*',
    );
  });

  it('renders markup typed into cards as text', () => {
    const doc = gridDoc({
      title: '<img src=x onerror=alert(1)>',
      stages: ['A | B'],
      lanes: [
        {
          kind: 'actions',
          label: 'Do *this*',
          cells: [['<script>alert(1)</script>', '[link](javascript:x) `code`\n- item']],
        },
      ],
    });
    const out = toMarkdown(doc);
    expect(out).not.toMatch(/<script|<img/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('A \\| B');
    expect(out).toContain('\\[link\\](javascript:x) \\`code\\`<br>\\- item');
    expect(out).toContain('### Do \\*this\\*');
    const tableLines = out.split('\n').filter((line) => line.includes('lt;script'));
    expect(tableLines).toHaveLength(1);
    for (const line of tableLines) expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(3);
  });

  it('escapes every special character', () => {
    expect(escapeMarkdown('a|b<c>d*e`f[g]h_i#j&k')).toBe('a\\|b&lt;c&gt;d\\*e\\`f\\[g\\]h\\_i\\#j&amp;k');
  });

  it('lists step scores under their stage', () => {
    const out = toMarkdown(templateExample('onboarding'));
    expect(out).toContain(
      '| Set up | -1 | 🙁 |   |\n| ↳ Connect bank | -2 | 😨 | Worried about giving bank access |',
    );
  });

  it('handles an empty map', () => {
    expect(toMarkdown(templateExample('blank'))).toContain('# Untitled journey');
  });
});
