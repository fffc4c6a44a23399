import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { Journey } from '@trailmap/schema';
import type { Op } from '../ops';
import { defineCommand, type CommandContext } from './defineCommand';
import type { addCard } from './card/addCard';

describe('defineCommand', () => {
  it('types run() with the parsed input of its schema', () => {
    const rename = defineCommand({
      id: 'thing.rename',
      summary: 'Rename a thing',
      input: z.strictObject({ name: z.string(), count: z.number().default(1) }),
      history: 'merge',
      run: (_doc, input) => {
        expectTypeOf(input).toEqualTypeOf<{ name: string; count: number }>();
        return [];
      },
    });
    expectTypeOf(rename.run).parameters.toEqualTypeOf<
      [Journey, { name: string; count: number }, CommandContext]
    >();
    expectTypeOf(rename.run).returns.toEqualTypeOf<Op[]>();
    expect(rename.id).toBe('thing.rename');
  });

  it('keeps the input type of real commands', () => {
    expectTypeOf<z.input<typeof addCard.input>>().toHaveProperty('laneId');
    expectTypeOf<z.output<typeof addCard.input>['tags']>().toEqualTypeOf<string[]>();
  });
});
