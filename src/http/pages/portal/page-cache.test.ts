import { describe, expect, it } from 'vitest';
import { catalogChanged } from '../../../services/catalog/cache.ts';
import { PageCache } from './page-cache.ts';

describe('the portal page cache', () => {
  it('drops entries when the catalog changes or they are too old', () => {
    const cache = new PageCache(10, 1000);
    cache.set('/a', 'A', 0);
    expect(cache.get('/a', 500)).toBe('A');
    expect(cache.get('/a', 1500)).toBeNull();
    cache.set('/b', 'B', 0);
    catalogChanged();
    expect(cache.get('/b', 1)).toBeNull();
  });

  it('is bounded by entries and by size, least recently used first', () => {
    const cache = new PageCache(2, 10_000, 100);
    cache.set('/1', 'x', 0);
    cache.set('/2', 'y', 0);
    cache.get('/1', 1);
    cache.set('/3', 'z', 2);
    expect([cache.get('/1', 3), cache.get('/2', 3), cache.get('/3', 3)]).toEqual(['x', null, 'z']);
    cache.set('/big', 'b'.repeat(40), 4);
    cache.set('/big2', 'c'.repeat(40), 4);
    cache.set('/big3', 'd'.repeat(40), 4);
    expect(cache.size).toBeLessThanOrEqual(2);
    expect(cache.get('/huge', 5)).toBeNull();
  });
});
