import uPlot from 'uplot';
import type { EventRow } from './api.ts';
import { TYPE_COLOURS } from './taxonomy.ts';

const DAY = 86_400;

/** Monday of an event's week, in Unix seconds. */
function weekOf(day: string): number {
  const t = Date.parse(`${day}T00:00:00Z`) / 1000;
  const weekday = (new Date(t * 1000).getUTCDay() + 6) % 7;
  return t - weekday * DAY;
}

/**
 * Events per week by type, stacked. Dragging across the chart selects a date range; `onRange` gets it
 * as YYYY-MM-DD from and to.
 */
export class Timeline {
  private plot: uPlot | null = null;

  constructor(private readonly element: HTMLElement, private readonly onRange: (from: string, to: string) => void) {}

  show(events: readonly EventRow[]): void {
    this.plot?.destroy();
    this.plot = null;
    const dated = events.filter((e) => e.event_date);
    if (dated.length === 0) {
      this.element.textContent = 'No dated events under these filters.';
      return;
    }
    this.element.textContent = '';
    const weeks = [...new Set(dated.map((e) => weekOf(e.event_date as string)))].sort((a, b) => a - b);
    const first = weeks[0];
    const last = weeks[weeks.length - 1];
    const xs: number[] = [];
    // A week on each side, so that a single week still has a time axis around it.
    for (let w = first - 7 * DAY; w <= last + 7 * DAY; w += 7 * DAY) xs.push(w);
    const index = new Map(xs.map((w, i) => [w, i]));
    const types = Object.keys(TYPE_COLOURS).filter((t) => dated.some((e) => e.event_type === t));
    const counts = types.map(() => new Array<number>(xs.length).fill(0));
    for (const e of dated) counts[types.indexOf(e.event_type)][index.get(weekOf(e.event_date as string)) as number]++;
    // Stacked: each series is drawn as the running sum, so the bands sit on one another.
    const stacked = counts.map((_, k) => xs.map((__, i) => counts.slice(0, k + 1).reduce((sum, c) => sum + c[i], 0)));
    const order = types.map((_, k) => types.length - 1 - k);
    const width = Math.max(280, this.element.clientWidth || 600);
    this.plot = new uPlot(
      {
        width,
        height: 150,
        scales: { x: { time: true } },
        cursor: { drag: { x: true, y: false, setScale: false } },
        legend: { show: true },
        // The top band first, so that each lower band's fill is drawn over the one above it.
        series: [
          {},
          ...order.map((k) => ({
            label: types[k],
            stroke: TYPE_COLOURS[types[k]],
            fill: `${TYPE_COLOURS[types[k]]}66`,
            width: 1,
            value: (_u: uPlot, _v: number, _s: number, i: number | null) => (i === null ? '' : String(counts[k][i])),
          })),
        ],
        axes: [{}, { size: 40 }],
        hooks: {
          setSelect: [
            (u) => {
              if (u.select.width < 2) return;
              const from = u.posToVal(u.select.left, 'x');
              const to = u.posToVal(u.select.left + u.select.width, 'x') + 7 * DAY - 1;
              u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
              this.onRange(new Date(from * 1000).toISOString().slice(0, 10), new Date(to * 1000).toISOString().slice(0, 10));
            },
          ],
        },
      },
      [xs, ...order.map((k) => stacked[k])] as uPlot.AlignedData,
      this.element,
    );
  }

  resize(): void {
    if (this.plot) this.plot.setSize({ width: Math.max(280, this.element.clientWidth), height: 150 });
  }
}
