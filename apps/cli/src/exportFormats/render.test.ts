import { templateExample } from '@trailmap/core';
import { describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../errors';
import { EXPORT_FORMATS } from './index';
import { RENDER_FORMATS } from './render';

const doc = templateExample('ecommerce');
const request = (options: Record<string, unknown> = {}) => ({
  doc,
  sourceFile: 'shop.journey.yaml',
  options,
});
const format = (id: string) => RENDER_FORMATS.find((candidate) => candidate.id === id)!;

describe('poster and spreadsheet export formats', () => {
  it('are registered with `trailmap export`', () => {
    const ids = EXPORT_FORMATS.map((candidate) => candidate.id);
    for (const id of ['svg', 'png', 'pdf', 'xlsx']) expect(ids).toContain(id);
  });

  it('svg: self-contained, themed, with the title block values', async () => {
    const svg = (await format('svg').render(
      request({ theme: 'dark', mapVersion: 'v9', date: '2026-11-23' }),
    )) as string;
    expect(svg).toContain('data-theme="dark"');
    expect(svg).toContain('@font-face');
    expect(svg).toContain('v9');
    expect(svg).toContain('2026-11-23');
  });

  it('png, pdf and xlsx produce their file types', async () => {
    const png = (await format('png').render(request({ scale: 0.25, date: '2026-11-23' }))) as Uint8Array;
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
    const pdf = (await format('pdf').render(
      request({ paper: 'a4', orientation: 'auto', date: '2026-11-23' }),
    )) as Uint8Array;
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const xlsx = (await format('xlsx').render(request())) as Uint8Array;
    expect(Buffer.from(xlsx.subarray(0, 2)).toString()).toBe('PK');
  });

  it('reject an unknown paper size or a malformed date as usage errors', async () => {
    await expect(format('pdf').render(request({ paper: 'B5' }))).rejects.toEqual(
      expect.objectContaining({ exitCode: EXIT.usage, message: expect.stringContaining('B5') }),
    );
    await expect(format('svg').render(request({ date: 'tomorrow' }))).rejects.toBeInstanceOf(CliError);
  });
});
