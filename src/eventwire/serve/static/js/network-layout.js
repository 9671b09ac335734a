// Geometry for the actor network, free of the DOM: a deterministic force layout kept inside the frame,
// circles pushed apart so none overlap, and greedy label placement that never lets two labels collide
// nor leave the frame. Nodes come busiest first; that order is also the order of label priority.

// Fruchterman-Reingold from a spiral start (busiest at the centre), in a square of the frame's area with
// a pull to the centre that keeps small components near the rest; the drawing is then fitted to the frame
// (every circle inside [pad + r, size - pad - r]) and circles pushed apart so that none overlap.
export function forceLayout(radii, links, { width, height, pad = 4, iterations = 300, gravity = null }) {
  const n = radii.length;
  // Strong for a few nodes (lone pairs stay near the rest), weaker for many (hubs and their leaves
  // spread out as trees rather than one even disk).
  const pull = gravity ?? Math.min(1.6, Math.max(0.35, 1.6 * Math.sqrt(40 / n)));
  if (n === 0) return [];
  if (n === 1) return [{ x: width / 2, y: height / 2 }];
  const side = Math.sqrt(width * height);
  const golden = Math.PI * (3 - Math.sqrt(5));
  const pos = radii.map((_, i) => {
    const t = (side / 2) * Math.sqrt((i + 0.5) / n);
    return { x: t * Math.cos(i * golden), y: t * Math.sin(i * golden) };
  });
  const k = 0.9 * Math.sqrt((side * side) / n);
  const k2 = k * k;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const start = side / 8;
  for (let step = 0; step < iterations; step++) {
    const temperature = start * (1 - step / iterations) + 0.3;
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      const pi = pos[i];
      for (let j = i + 1; j < n; j++) {
        let ex = pi.x - pos[j].x;
        let ey = pi.y - pos[j].y;
        if (ex === 0 && ey === 0) {
          ex = 0.01 * (i - j);
          ey = 0.01;
        }
        const f = k2 / Math.max(ex * ex + ey * ey, 1e-4); // k^2 / d along the unit vector (ex, ey) / d
        dx[i] += ex * f;
        dy[i] += ey * f;
        dx[j] -= ex * f;
        dy[j] -= ey * f;
      }
    }
    for (const [a, b] of links) {
      const ex = pos[a].x - pos[b].x;
      const ey = pos[a].y - pos[b].y;
      const f = Math.sqrt(ex * ex + ey * ey) / k; // d^2 / k along the unit vector
      dx[a] -= ex * f;
      dy[a] -= ey * f;
      dx[b] += ex * f;
      dy[b] += ey * f;
    }
    for (let i = 0; i < n; i++) {
      dx[i] -= pos[i].x * pull;
      dy[i] -= pos[i].y * pull;
      const d = Math.max(Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]), 1e-9);
      const move = Math.min(d, temperature);
      pos[i].x += (dx[i] / d) * move;
      pos[i].y += (dy[i] / d) * move;
    }
  }
  fit(pos, radii, width, height, pad);
  separate(pos, radii, width, height, pad);
  return pos;
}

function clamp(v, lo, hi) {
  return lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v));
}

// Map the drawing onto the frame, each axis on its own, so that it spans it with every circle inside.
function fit(pos, radii, width, height, pad) {
  const rMax = Math.max(...radii);
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = x1 - x0 || 1;
  const spanY = y1 - y0 || 1;
  const w = width - 2 * (pad + rMax);
  const h = height - 2 * (pad + rMax);
  pos.forEach((p, i) => {
    p.x = clamp(pad + rMax + ((p.x - x0) / spanX) * w, pad + radii[i], width - pad - radii[i]);
    p.y = clamp(pad + rMax + ((p.y - y0) / spanY) * h, pad + radii[i], height - pad - radii[i]);
  });
}

// Push overlapping circles apart (with a small gap), staying inside the frame.
export function separate(pos, radii, width, height, pad = 4, gap = 3, rounds = 60) {
  const n = pos.length;
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const need = radii[i] + radii[j] + gap;
        let ex = pos[j].x - pos[i].x;
        let ey = pos[j].y - pos[i].y;
        const d2 = ex * ex + ey * ey;
        if (d2 >= need * need) continue;
        const d = Math.sqrt(d2);
        if (d < 1e-6) {
          ex = Math.cos(i + j);
          ey = Math.sin(i + j);
        } else {
          ex /= d;
          ey /= d;
        }
        const push = (need - d) / 2;
        pos[i].x -= ex * push;
        pos[i].y -= ey * push;
        pos[j].x += ex * push;
        pos[j].y += ey * push;
        moved = true;
      }
    }
    for (let i = 0; i < n; i++) {
      pos[i].x = clamp(pos[i].x, pad + radii[i], width - pad - radii[i]);
      pos[i].y = clamp(pos[i].y, pad + radii[i], height - pad - radii[i]);
    }
    if (!moved) break;
  }
}

export function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function hitsCircle(box, c) {
  const nx = clamp(c.x, box.x, box.x + box.w);
  const ny = clamp(c.y, box.y, box.y + box.h);
  return (nx - c.x) ** 2 + (ny - c.y) ** 2 < c.r * c.r;
}

function inside(box, width, height, pad) {
  return box.x >= pad && box.y >= pad && box.x + box.w <= width - pad && box.y + box.h <= height - pad;
}

// Where a label of size w x h may go around a circle, in order of preference: right, left, above,
// below, the four corners; then the same a little farther out.
export function labelCandidates(p, r, w, h, gaps = [3, 9]) {
  const out = [];
  for (const gap of gaps) {
    const d = r * Math.SQRT1_2 + gap;
    out.push(
      { x: p.x + r + gap, y: p.y - h / 2, w, h },
      { x: p.x - r - gap - w, y: p.y - h / 2, w, h },
      { x: p.x - w / 2, y: p.y - r - gap - h, w, h },
      { x: p.x - w / 2, y: p.y + r + gap, w, h },
      { x: p.x + d, y: p.y - d - h, w, h },
      { x: p.x + d, y: p.y + d, w, h },
      { x: p.x - d - w, y: p.y - d - h, w, h },
      { x: p.x - d - w, y: p.y + d, w, h },
    );
  }
  return out;
}

// Boxes of a uniform grid, so that each placed label is checked only against its neighbours.
class BoxGrid {
  constructor(cell) {
    this.cell = cell;
    this.cells = new Map();
  }

  keys(box) {
    const out = [];
    for (let gx = Math.floor(box.x / this.cell); gx <= Math.floor((box.x + box.w) / this.cell); gx++) {
      for (let gy = Math.floor(box.y / this.cell); gy <= Math.floor((box.y + box.h) / this.cell); gy++) out.push(`${gx},${gy}`);
    }
    return out;
  }

  add(box) {
    for (const key of this.keys(box)) {
      if (!this.cells.has(key)) this.cells.set(key, []);
      this.cells.get(key).push(box);
    }
  }

  hits(box, test) {
    return this.count(box, test, 1) > 0;
  }

  // How many boxes meet `box` (each counted once), stopping at `limit`.
  count(box, test, limit = Infinity) {
    const seen = new Set();
    for (const key of this.keys(box)) {
      for (const other of this.cells.get(key) || []) {
        if (seen.has(other) || !test(box, other)) continue;
        seen.add(other);
        if (seen.size >= limit) return seen.size;
      }
    }
    return seen.size;
  }
}

// Greedy placement in priority order. A label never leaves the frame nor touches a placed label; among
// the candidates left, the one covering the fewest circles, then arrowheads and lines (`lines`: points
// along the edges), wins, nearest first. Only the
// `bold` first labels in the order may cover circles of other nodes (the busiest nodes keep their names
// in a crowd); the others are left to hover when no free place is found. Returns one box, or null, per
// node; `sizes[i]` is null for a node with no label to place.
export function placeLabels(pos, radii, sizes, arrows, { width, height, pad = 2, order, bold = 0, lines = [] }) {
  const placed = new BoxGrid(48);
  const circles = new BoxGrid(48);
  const marks = new BoxGrid(48);
  pos.forEach((p, i) => circles.add({ x: p.x - radii[i], y: p.y - radii[i], w: 2 * radii[i], h: 2 * radii[i], cx: p.x, cy: p.y, r: radii[i], i }));
  const points = new BoxGrid(48);
  for (const a of arrows) marks.add(a);
  for (const q of lines) points.add({ x: q.x, y: q.y, w: 0, h: 0 });
  const out = pos.map(() => null);
  (order || pos.map((_, j) => j)).forEach((i, rank) => {
    const size = sizes[i];
    if (!size) return;
    const touches = (box, c) => c.i !== i && hitsCircle(box, { x: c.cx, y: c.cy, r: c.r + 1 });
    let best = null;
    let bestScore = Infinity;
    labelCandidates(pos[i], radii[i], size.w, size.h).forEach((box, k) => {
      if (!inside(box, width, height, pad) || placed.hits(box, overlaps)) return;
      const covered = circles.count(box, touches);
      if (covered > 0 && rank >= bold) return;
      const score = covered * 100 + Math.min(marks.count(box, overlaps), 5) * 4 + Math.min(points.count(box, overlaps), 8) + k * 0.5;
      if (score < bestScore) {
        best = box;
        bestScore = score;
      }
    });
    if (best) {
      out[i] = best;
      placed.add(best);
    }
  });
  return out;
}

// A box for a label shown on demand (hover or focus): the first candidate inside the frame, else the
// nearest position inside it.
export function hoverBox(p, r, w, h, width, height, pad = 2) {
  const candidates = labelCandidates(p, r, w, h, [3]);
  const box = candidates.find((b) => inside(b, width, height, pad)) || candidates[0];
  return { ...box, x: clamp(box.x, pad, width - pad - w), y: clamp(box.y, pad, height - pad - h) };
}
