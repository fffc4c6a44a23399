import type { JourneyInput } from '@trailmap/schema';
import { sampleDocument } from './support/sampleDocument';

/**
 * One bad document: its file name and content, where the CLI must point (`at`: the text that
 * starts at the expected line:col, or an explicit position) and what it must say.
 */
export interface BadCase {
  name: string;
  file: string;
  content: string | Buffer;
  at?: string;
  /** Which occurrence of `at` (default 0). */
  occurrence?: number;
  line?: number;
  col?: number;
  message: RegExp;
  /** Further messages that must be reported in the same run. */
  also?: RegExp[];
}

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The sample document, changed by `mutate`, as pretty JSON. */
const json = (mutate: (doc: Loose) => void): string => {
  const doc = sampleDocument() as JourneyInput & Loose;
  mutate(doc);
  return JSON.stringify(doc, null, 2);
};
const validJson = json(() => undefined);

const YAML_HEAD = `schemaVersion: 2
map:
  id: map:y
  title: Hand-written
  type: current-state
`;

export const BAD_CASES: BadCase[] = [
  // --- malformed JSON
  {
    name: 'JSON cut off mid-document',
    file: 'cut.journey.json',
    content: validJson.slice(0, 200),
    message: /unterminated string|expected|end of file/,
  },
  {
    name: 'JSON trailing comma',
    file: 'comma.journey.json',
    content: '{\n  "schemaVersion": 2,\n}\n',
    line: 3,
    col: 1,
    message: /trailing comma/,
  },
  {
    name: 'JSON single quotes',
    file: 'quotes.journey.json',
    content: "{\n  'schemaVersion': 2\n}",
    line: 2,
    col: 3,
    message: /double quotes/,
  },
  {
    name: 'JSON with a comment',
    file: 'comment.journey.json',
    content: '{\n  // note\n  "schemaVersion": 2\n}',
    line: 2,
    col: 3,
    message: /comments are not allowed/,
  },
  {
    name: 'JSON missing colon',
    file: 'colon.journey.json',
    content: '{\n  "schemaVersion" 2\n}',
    line: 2,
    col: 19,
    message: /expected ":"/,
  },
  {
    name: 'JSON raw line break in a string',
    file: 'newline.journey.json',
    content: '{\n  "map": "a\nb"\n}',
    line: 2,
    col: 12,
    message: /line break inside a string/,
  },
  { name: 'empty JSON file', file: 'empty.journey.json', content: '', line: 1, col: 1, message: /empty/ },
  {
    name: 'JSON garbage after the document',
    file: 'after.journey.json',
    content: `${validJson}\n}`,
    at: '}',
    occurrence: -1,
    message: /after the end of the document/,
  },
  {
    name: 'JSON duplicate key',
    file: 'dupkey.journey.json',
    content: validJson.replace(
      '"title": "Online checkout",',
      '"title": "Online checkout",\n    "title": "Again",',
    ),
    at: '"title": "Again"',
    message: /duplicate key "title"/,
  },
  {
    name: 'JSON nested too deep',
    file: 'deep.journey.json',
    content: '['.repeat(5000) + ']'.repeat(5000),
    line: 1,
    col: 202,
    message: /nesting deeper/,
  },
  // --- malformed YAML
  {
    name: 'YAML bad indentation',
    file: 'indent.journey.yaml',
    content: `${YAML_HEAD}stages:\n  - id: stage:a\n     name: A\n`,
    line: 7,
    col: 9,
    message: /indent|mapping|Nested/i,
  },
  {
    name: 'YAML unclosed flow sequence',
    file: 'flow.journey.yaml',
    content: `${YAML_HEAD}stages: [ { id: stage:a\n`,
    line: 7,
    message: /flow|]/i,
  },
  {
    name: 'YAML duplicate key',
    file: 'dupkey.journey.yaml',
    content: `${YAML_HEAD}  title: Twice\n`,
    at: 'title: Twice',
    message: /unique|duplicate/i,
  },
  {
    name: 'YAML tab indentation',
    file: 'tab.journey.yaml',
    content: `${YAML_HEAD}stages:\n\t- id: stage:a\n`,
    line: 7,
    message: /tab/i,
  },
  {
    name: 'YAML with two documents',
    file: 'multi.journey.yaml',
    content: `${YAML_HEAD}---\nschemaVersion: 2\n`,
    line: 6,
    message: /multiple documents|single document/i,
  },
  {
    name: 'YAML alias bomb',
    file: 'bomb.journey.yaml',
    content: `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
    line: 1,
    col: 1,
    message: /alias/i,
  },
  // --- not a document
  {
    name: 'root is a list',
    file: 'list.journey.json',
    content: '[1, 2]',
    line: 1,
    col: 1,
    message: /must be an object/,
  },
  {
    name: 'root is a YAML scalar',
    file: 'scalar.journey.yaml',
    content: 'just some words\n',
    line: 1,
    col: 1,
    message: /must be an object/,
  },
  // --- versions
  {
    name: 'missing schemaVersion',
    file: 'noversion.journey.json',
    content: json((doc) => delete doc.schemaVersion),
    line: 1,
    col: 1,
    message: /schemaVersion is required/,
  },
  {
    name: 'schemaVersion as text',
    file: 'textversion.journey.json',
    content: json((doc) => (doc.schemaVersion = '2')),
    at: '"2"',
    message: /whole number/,
  },
  {
    name: 'unknown schemaVersion 0',
    file: 'zero.journey.json',
    content: json((doc) => (doc.schemaVersion = 0)),
    at: '0,',
    message: /whole number of at least 1/,
  },
  {
    name: 'too-new schemaVersion',
    file: 'new.journey.json',
    content: json((doc) => (doc.schemaVersion = 99)),
    at: '99',
    message: /newer than this version/,
  },
  // --- wrong shapes and values
  {
    name: 'stage name is a number',
    file: 'type.journey.json',
    content: json((doc) => (doc.stages[1].name = 42)),
    at: '42',
    message: /name must be a string \(got number 42\)/,
  },
  {
    name: 'cards is not a list',
    file: 'cards.journey.json',
    content: json((doc) => (doc.cards = 'none')),
    at: '"none"',
    message: /cards must be a list/,
    also: [/persona "persona:ana"|card "card:slow-form"|./],
  },
  {
    name: 'map title missing',
    file: 'notitle.journey.json',
    content: json((doc) => delete doc.map.title),
    at: '{\n    "id": "map:checkout"',
    message: /title is required/,
  },
  {
    name: 'unknown map type',
    file: 'maptype.journey.json',
    content: json((doc) => (doc.map.type = 'someday')),
    at: '"someday"',
    message: /type must be one of "current-state"/,
  },
  {
    name: 'id with the wrong prefix',
    file: 'prefix.journey.json',
    content: json((doc) => (doc.cards[0].id = 'stage:search-card')),
    at: '"stage:search-card"',
    message: /must be an id like "card:abc123"/,
  },
  {
    name: 'invalid calendar date',
    file: 'date.journey.json',
    content: json((doc) => (doc.map.review.nextReviewDate = '2026-02-30')),
    at: '"2026-02-30"',
    message: /not a real calendar date/,
  },
  {
    name: 'emotion score out of range',
    file: 'score.journey.json',
    content: json((doc) => (doc.emotions[0].score = 5)),
    at: '5\n',
    message: /score must be between -2 and \+2/,
  },
  {
    name: 'emotion score as text',
    file: 'scoretext.journey.json',
    content: json((doc) => (doc.emotions[1].score = 'awful')),
    at: '"awful"',
    message: /score must be a number/,
  },
  {
    name: 'unknown field on a card',
    file: 'unknown.journey.json',
    content: json((doc) => (doc.cards[1].colour = 'red')),
    at: '"colour"',
    message: /unknown field "colour"/,
  },
  {
    name: 'negative votes',
    file: 'votes.journey.json',
    content: json((doc) => (doc.opportunities[0].votes = -3)),
    at: '-3',
    message: /votes must be at least 0/,
  },
  // --- references
  {
    name: 'card in a lane that does not exist',
    file: 'lane.journey.json',
    content: json((doc) => (doc.cards[2].laneId = 'lane:ghost')),
    at: '"lane:ghost"',
    message: /lane "lane:ghost" does not exist/,
  },
  {
    name: 'emotion for a missing stage',
    file: 'emostage.journey.json',
    content: json((doc) => (doc.emotions[0].stageId = 'stage:gone')),
    at: '"stage:gone"',
    message: /stage "stage:gone" does not exist/,
  },
  {
    name: 'duplicate ids',
    file: 'dupid.journey.json',
    content: json((doc) => (doc.cards[1].id = 'card:search')),
    at: '"card:search"',
    occurrence: 1,
    message: /duplicate id "card:search"/,
  },
  {
    name: 'step in the wrong stage',
    file: 'step.journey.json',
    content: json((doc) => (doc.cards[0].stepId = 'step:card-form')),
    at: '"step:card-form"',
    occurrence: 1,
    message: /belongs to stage "stage:pay", not "stage:browse"/,
  },
  {
    name: 'two emotion points for one stage',
    file: 'twoemo.journey.json',
    content: json((doc) => (doc.emotions[1].stageId = 'stage:browse')),
    at: '{\n      "id": "emotion:pay"',
    message: /already scores this stage/,
  },
  {
    name: 'connection from a card to itself',
    file: 'selfconn.journey.json',
    content: json((doc) => (doc.connections[0].toCardId = 'card:search')),
    at: '"card:search"',
    occurrence: 2,
    message: /two different cards/,
  },
  {
    name: 'missing persona',
    file: 'persona.journey.json',
    content: json((doc) => (doc.map.personaId = 'persona:bob')),
    at: '"persona:bob"',
    message: /persona "persona:bob" does not exist/,
  },
  {
    name: 'future-state link to a missing map',
    file: 'future.journey.json',
    content: json((doc) => {
      doc.map.type = 'future-state';
      doc.map.compare = { mapId: 'map:nowhere', relation: 'current-state' };
    }),
    at: '"map:nowhere"',
    message: /linked map "map:nowhere" was not found/,
  },
  {
    name: 'linked file that does not exist',
    file: 'linkfile.journey.json',
    content: json((doc) => {
      doc.map.compare = { mapId: 'map:other', relation: 'current-state', file: 'other.journey.json' };
    }),
    at: '"other.journey.json"',
    message: /linked file "other.journey.json" does not exist/,
  },
  {
    name: 'shape and reference problems together',
    file: 'both.journey.json',
    content: json((doc) => {
      doc.stages[0].name = '';
      doc.opportunities[0].problemCardIds = ['card:nope'];
    }),
    at: '""',
    message: /name cannot be empty/,
    also: [/card "card:nope" does not exist/],
  },
  // --- bytes
  {
    name: 'binary garbage',
    file: 'binary.journey.json',
    content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
    line: 1,
    col: 1,
    message: /binary file/,
  },
  {
    name: 'not UTF-8 (Latin-1 byte)',
    file: 'latin1.journey.yaml',
    content: Buffer.concat([
      Buffer.from(`${YAML_HEAD}  description: caf`),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]),
    line: 6,
    col: 19,
    message: /not valid UTF-8/,
  },
  {
    name: 'UTF-16 file',
    file: 'utf16.journey.json',
    content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"schemaVersion":2}', 'utf16le')]),
    line: 1,
    col: 1,
    message: /UTF-16/,
  },
  {
    name: 'NUL byte inside text',
    file: 'nul.journey.yaml',
    content: `${YAML_HEAD}  description: a\u0000b\n`,
    line: 6,
    col: 17,
    message: /binary file/,
  },
];

/** Over the 10 MiB limit: made in the test (not kept in memory here). */
export const HUGE_CASE = {
  file: 'huge.journey.json',
  bytes: 11 * 1024 * 1024,
  message: /limited to 10\.0 MiB/,
};
