import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toXlsx } from '@trailmap/render/node';
import type { Journey } from '@trailmap/schema';
import { setMember } from '../src/services/workspaces';
import { BACKENDS, openTestApp, userWithToken, type TestApp } from './support/testApp';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MERMAID = `journey
  title Buying shoes
  section Browse
    Find a pair: 4: Ana
    Compare sizes: 2: Ana
  section Pay
    Enter card: 1: Ana
`;

/** Creating a map from an uploaded file in each format the CLI imports, by content type. */
describe.each(BACKENDS)('map uploads on %s', (backend) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof userWithToken>>;
  let viewer: Awaited<ReturnType<typeof userWithToken>>;
  let workspaceId: string;

  beforeAll(async () => {
    t = await openTestApp(backend, { maxDocumentBytes: 64 * 1024 });
    owner = await userWithToken(t.services, 'owner@example.com');
    viewer = await userWithToken(t.services, 'viewer@example.com');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: owner.headers,
      payload: { name: 'Uploads' },
    });
    workspaceId = created.json().workspace.id;
    await setMember(t.services.ctx, owner.user, workspaceId, { userId: viewer.user.id }, 'viewer');
  });
  afterAll(() => t?.close());

  const upload = (body: string | Buffer, contentType: string, query = '', headers = owner.headers) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/maps${query}`,
      headers: { ...headers, 'content-type': contentType },
      payload: body,
    });
  const stored = async (mapId: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/maps/${encodeURIComponent(mapId)}`,
        headers: owner.headers,
      })
    ).json<Journey>();
  const cardTexts = (doc: Journey) => doc.cards.map((card) => card.text).sort();

  it('imports a Mermaid journey: sections become stages, tasks cards', async () => {
    const response = await upload(MERMAID, 'text/vnd.mermaid');
    expect(response.statusCode).toBe(201);
    const doc = await stored(response.json().mapId);
    expect(doc.map.title).toBe('Buying shoes');
    expect(doc.stages.map((stage) => stage.name)).toEqual(['Browse', 'Pay']);
    expect(cardTexts(doc)).toEqual(['Compare sizes', 'Enter card', 'Find a pair']);
  });

  it('imports YAML and a CSV grid, and a generic type by its file name', async () => {
    const yaml = `schemaVersion: 2\nmap:\n  id: map:from-yaml\n  title: From YAML\n  type: future-state\n`;
    const fromYaml = await upload(yaml, 'application/yaml');
    expect(fromYaml.statusCode).toBe(201);
    expect((await stored(fromYaml.json().mapId)).map.title).toBe('From YAML');

    const csv = 'lane,Discover,Buy\nActions,Search,Pay\n';
    const fromCsv = await upload(csv, 'text/csv', '?filename=grid.csv');
    expect(fromCsv.statusCode).toBe(201);
    expect(cardTexts(await stored(fromCsv.json().mapId))).toEqual(['Pay', 'Search']);

    const byName = await upload(MERMAID, 'application/octet-stream', '?filename=shoes.mmd');
    expect(byName.statusCode).toBe(201);
    expect((await stored(byName.json().mapId)).stages).toHaveLength(2);
  });

  it('round-trips an .xlsx workbook exported from a map', async () => {
    const source = await stored((await upload(MERMAID, 'text/vnd.mermaid')).json().mapId);
    const workbook = await toXlsx(source);
    const response = await upload(workbook, XLSX);
    expect(response.statusCode).toBe(201);
    const doc = await stored(response.json().mapId);
    expect(doc.stages.map((stage) => stage.name)).toEqual(['Browse', 'Pay']);
    expect(cardTexts(doc)).toEqual(cardTexts(source));
    // Without a specific type, a ZIP container is read as a workbook.
    expect((await upload(workbook, 'application/octet-stream')).statusCode).toBe(201);
  });

  it('answers bad files with 422 and file:line:col details, and stores nothing', async () => {
    const before = await t.services.ctx.db.selectFrom('maps').select('id').execute();

    const mermaid = await upload(
      'journey\n  section A\n  Task without score\n',
      'text/x-mermaid',
      '?filename=flow.mmd',
    );
    expect(mermaid.statusCode).toBe(422);
    expect(mermaid.json().error.code).toBe('INVALID_MERMAID');
    expect(mermaid.json().error.details[0].at).toBe('flow.mmd:3:3');

    const yaml = await upload(
      'schemaVersion: 2\nmap:\n  id: map:y\n  title: ""\n  colour: red\n',
      'text/yaml',
    );
    expect(yaml.statusCode).toBe(422);
    const details = yaml.json().error.details as { at: string; code: string }[];
    expect(details.map((d) => d.at)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^upload\.yaml:[45]:\d+$/)]),
    );

    const notAWorkbook = await upload(Buffer.from('PK\u0003\u0004 broken'), XLSX);
    expect(notAWorkbook.statusCode).toBe(422);
    expect(notAWorkbook.json().error.code).toBe('XLSX_INVALID');

    const unknown = await upload(Buffer.from([1, 2, 3]), 'application/octet-stream');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('UNKNOWN_UPLOAD_FORMAT');

    const unsupported = await upload('<journey/>', 'application/xml');
    expect(unsupported.statusCode).toBe(400);
    expect(unsupported.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    expect(await t.services.ctx.db.selectFrom('maps').select('id').execute()).toEqual(before);
  });

  it('limits uploads to the per-document size and checks the role before reading the file', async () => {
    const tooBig = await upload(`journey\n  section A\n${'    Task: 3\n'.repeat(8000)}`, 'text/vnd.mermaid');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toMatch(/^[A-Z_]+$/);

    const asViewer = await upload('not: [valid', 'application/yaml', '', viewer.headers);
    expect(asViewer.statusCode).toBe(403);
    const anonymous = await upload(MERMAID, 'text/vnd.mermaid', '', {} as typeof owner.headers);
    expect(anonymous.statusCode).toBe(401);
  });
});
