import { describe, expect, it } from 'vitest';
import { PageTrail } from './page-trail.js';

describe('the way back through forward-only pages', () => {
  it('remembers the page before each cursor and how many rows lie before it', () => {
    const trail = new PageTrail();
    expect(trail.previousOf('')).toBeNull();
    expect(trail.offsetOf('')).toBe(0);
    trail.followed('', 50, 'c2');
    trail.followed('c2', 50, 'c3');
    expect(trail.previousOf('c3')).toBe('c2');
    expect(trail.previousOf('c2')).toBe('');
    expect(trail.offsetOf('c3')).toBe(100);
  });

  it('knows nothing of a page reached from a bookmark, nor of the pages after it', () => {
    const trail = new PageTrail();
    expect(trail.previousOf('bookmarked')).toBeNull();
    expect(trail.offsetOf('bookmarked')).toBeNull();
    trail.followed('bookmarked', 50, 'after');
    expect(trail.previousOf('after')).toBe('bookmarked');
    expect(trail.offsetOf('after')).toBeNull();
  });
});
