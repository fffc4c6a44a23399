import { describe, expect, it } from 'vitest';
import { mapPath, matchRoute } from './router';

describe('routes', () => {
  it('matches every page', () => {
    expect(matchRoute('/')).toEqual({ page: 'maps' });
    expect(matchRoute('/maps/map%3Aabc')).toEqual({ page: 'editor', mapId: 'map:abc' });
    expect(matchRoute('/maps/m1/history')).toEqual({ page: 'history', mapId: 'm1' });
    expect(matchRoute('/s/tok123')).toEqual({ page: 'shared', token: 'tok123' });
    expect(matchRoute('/maps/m1/nope')).toEqual({ page: 'notFound' });
  });
  it('builds paths that round-trip', () => {
    expect(matchRoute(mapPath('map:x y', 'present'))).toEqual({ page: 'present', mapId: 'map:x y' });
  });
});
