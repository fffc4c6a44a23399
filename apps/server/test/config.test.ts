import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTrailmapError } from '@trailmap/schema';
import { loadConfig } from '../src/config';
import { openTestApp, type TestApp } from './support/testApp';

describe('server configuration', () => {
  it('defaults to SQLite in ./data on 127.0.0.1:4400', () => {
    const config = loadConfig({}, {});
    expect(config).toMatchObject({ port: 4400, host: '127.0.0.1', dialect: 'sqlite', signup: 'open' });
    expect(config.databaseUrl).toMatch(/^sqlite:.*data[/\\]trailmap\.db$/);
  });

  it('lets flags win over the environment and picks PostgreSQL from DATABASE_URL', () => {
    const config = loadConfig(
      { port: 5000 },
      { PORT: '6000', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u@db/x' },
    );
    expect(config).toMatchObject({
      port: 5000,
      host: '0.0.0.0',
      dialect: 'postgres',
      publicUrl: 'http://localhost:5000',
    });
  });

  it('names every bad setting and where it came from', () => {
    let error: unknown;
    try {
      loadConfig(
        {},
        { PORT: '99999', DATABASE_URL: 'mysql://x', TRAILMAP_SECRET: 'short', TRAILMAP_PUBLIC_URL: 'nope' },
      );
    } catch (caught) {
      error = caught;
    }
    expect(isTrailmapError(error)).toBe(true);
    const message = (error as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'TRAILMAP_SECRET', 'TRAILMAP_PUBLIC_URL'])
      expect(message).toContain(name);
  });
});

describe('OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp('sqlite');
  });
  afterAll(() => t?.close());

  it('serves an OpenAPI 3.1 document whose request schemas come from the zod validators', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    const commands = doc.paths['/api/v1/maps/{mapId}/commands'].post;
    const body = commands.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['commands']);
    expect(body.additionalProperties).toBe(false);
    expect(body.properties.commands.maxItems).toBe(1000);
    expect(
      doc.paths['/api/v1/workspaces/{workspaceId}/maps'].get.parameters.map((p: { name: string }) => p.name),
    ).toEqual(expect.arrayContaining(['q', 'tag', 'type', 'status', 'limit', 'offset']));
    expect(doc.paths['/healthz']).toBeUndefined();
    // Raw file uploads are documented beside the JSON bodies.
    const createMap = doc.paths['/api/v1/workspaces/{workspaceId}/maps'].post.requestBody.content;
    expect(createMap['application/json'].schema.properties).toHaveProperty('template');
    expect(createMap['application/yaml'].schema.type).toBe('string');
    expect(Object.keys(createMap)).toEqual(
      expect.arrayContaining(['text/vnd.mermaid', 'text/csv', 'application/octet-stream']),
    );
    const upload = doc.paths['/api/v1/workspaces/{workspaceId}/datasets'].post.requestBody.content;
    expect(Object.keys(upload)).toEqual(expect.arrayContaining(['text/csv', 'application/x-ndjson']));
  });
});
