import { describe, expect, it } from 'vitest';
import { parseJavaVersion } from './java.js';

describe('parseJavaVersion', () => {
  it('reads modern and legacy version strings', () => {
    expect(parseJavaVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime')).toEqual({
      major: 17,
      version: '17.0.15',
    });
    expect(parseJavaVersion('java version "1.8.0_392"')).toEqual({
      major: 8,
      version: '1.8.0_392',
    });
    expect(parseJavaVersion('openjdk version "21" 2023-09-19')).toEqual({
      major: 21,
      version: '21',
    });
    expect(parseJavaVersion('command not found')).toBeUndefined();
  });
});
