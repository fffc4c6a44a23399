import type { Journey } from '@trailmap/schema';
import { MAP_TYPE_LABELS } from './header';
import type { Scene } from './scene';
import type { LayoutOptions } from './types';

export const FOOTER_HEIGHT = 56;
const BLOCK_WIDTH = 520;

/** Bottom strip: provenance on the left, an engineering-style title block on the right. */
export function drawFooter(
  scene: Scene,
  doc: Journey,
  options: LayoutOptions,
  x: number,
  y: number,
  width: number,
) {
  scene.line('grid.line', x, y, x + width, y, { width: 1 });
  scene.text('text.muted', 'Made with Trailmap · journey maps backed by data', x, y + 20, {
    size: 11,
    maxWidth: width - BLOCK_WIDTH - 24,
    maxLines: 1,
  });
  const blockX = x + width - BLOCK_WIDTH;
  scene.rect('footer', blockX, y + 8, BLOCK_WIDTH, FOOTER_HEIGHT - 8, { radius: 6 });
  const cells: [string, string, number][] = [
    ['TITLE', doc.map.title, 190],
    ['TYPE', MAP_TYPE_LABELS[doc.map.type], 170],
    ['VERSION', options.version ?? '—', 64],
    ['DATE', options.date ?? '—', 84],
  ];
  let cellX = blockX + 10;
  for (const [label, value, cellWidth] of cells) {
    scene.text('text.muted', label, cellX, y + 14, {
      size: 8,
      weight: 'bold',
      maxWidth: cellWidth - 8,
      maxLines: 1,
    });
    scene.text('text.strong', value, cellX, y + 28, {
      size: 11,
      weight: 'bold',
      maxWidth: cellWidth - 8,
      maxLines: 1,
    });
    cellX += cellWidth;
  }
}
