// The lasso: a polygon drawn on the canvas in viewport pixels; the nodes whose drawn position
// falls inside it are selected (even–odd ray casting).

export interface Point {
  x: number;
  y: number;
}

export function insidePolygon(point: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > point.y !== b.y > point.y) {
      const x = ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x;
      if (point.x < x) inside = !inside;
    }
  }
  return inside;
}

/** The keys whose position is inside the polygon (a polygon of fewer than 3 points holds none). */
export function lassoed(polygon: readonly Point[], positions: Iterable<[string, Point]>): string[] {
  if (polygon.length < 3) return [];
  const xs = polygon.map((p) => p.x);
  const ys = polygon.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const keys: string[] = [];
  for (const [key, p] of positions) {
    if (p.x < minX || p.x > maxX || p.y < minY || p.y > maxY) continue;
    if (insidePolygon(p, polygon)) keys.push(key);
  }
  return keys;
}
