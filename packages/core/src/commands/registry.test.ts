/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMANDS, getCommand } from './registry';

// Vite (and so vitest) lists files at transform time; core itself never touches the file system.
const sources = Object.keys(import.meta.glob(['./*/*.ts', '!./*/*.test.ts']));
const tests = new Set(Object.keys(import.meta.glob('./*/*.test.ts')));

describe('command registry', () => {
  it('has unique noun.verb ids', () => {
    const ids = COMMANDS.map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\.[a-z]+(-[a-z]+)*$/);
  });

  it('gives every command a summary and a deliberate history mode', () => {
    for (const command of COMMANDS) {
      expect(command.summary.length).toBeGreaterThan(10);
      expect(['record', 'merge', 'skip']).toContain(command.history);
    }
  });

  it('converts every input schema to JSON Schema that rejects unknown fields', () => {
    for (const command of COMMANDS) {
      for (const io of ['input', 'output'] as const) {
        const schema = z.toJSONSchema(command.input, { io }) as Record<string, unknown>;
        expect(schema.type, command.id).toBe('object');
        expect(schema.additionalProperties, command.id).toBe(false);
      }
    }
  });

  it('rejects unknown fields in every input', () => {
    for (const command of COMMANDS) {
      const result = command.input.safeParse({ surelyNotAField: 1 });
      expect(result.success, command.id).toBe(false);
      const codes = result.error!.issues.map((issue) => issue.code);
      expect(codes, command.id).toContain('unrecognized_keys');
    }
  });

  it('registers every command file and has a test beside each', () => {
    const commandFiles = sources.filter(
      (file) => /\/[a-z]+[A-Z]\w*\.ts$/.test(file) && !/\/(repairOps|linkTarget|lineAbove)\.ts$/.test(file),
    );
    expect(commandFiles.length).toBe(COMMANDS.length);
    for (const file of commandFiles) expect(tests.has(file.replace(/\.ts$/, '.test.ts')), file).toBe(true);
  });

  it('looks commands up by id and refuses unknown ones', () => {
    expect(getCommand('card.move').id).toBe('card.move');
    expect(() => getCommand('card.teleport')).toThrowError(
      expect.objectContaining({ code: 'UNKNOWN_COMMAND' }),
    );
  });
});
