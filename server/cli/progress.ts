// Progress for long work on the command line: a bar (cli-progress) when the total is known, a
// ticking status line when it is not. On a terminal the line is redrawn in place; in a log
// (CI, a pipe) a line is printed every few seconds instead, so logs stay short.
import cliProgress from 'cli-progress';

const stream = process.stderr;

export interface Ticker {
  update(detail: string): void;
  done(summary?: string): void;
}

export function ticker(label: string, intervalMs = 5_000): Ticker {
  const started = Date.now();
  let last = 0;
  let detail = '';
  const draw = (final = false) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const line = `${label} ${detail} (${seconds} s)`;
    if (stream.isTTY) stream.write(`\r\x1b[2K${line}${final ? '\n' : ''}`);
    else stream.write(`${line}\n`);
  };
  return {
    update(next) {
      detail = next;
      const now = Date.now();
      if (stream.isTTY || now - last >= intervalMs) {
        last = now;
        draw();
      }
    },
    done(summary) {
      if (summary !== undefined) detail = summary;
      if (stream.isTTY || summary !== undefined) draw(true);
    },
  };
}

export interface Bar {
  increment(by?: number): void;
  update(value: number): void;
  stop(): void;
}

export function bar(label: string, total: number, unit = 'rows'): Bar {
  if (!stream.isTTY) {
    const t = ticker(label);
    let value = 0;
    return {
      increment(by = 1) {
        value += by;
        t.update(`${value}/${total} ${unit}`);
      },
      update(v) {
        value = v;
        t.update(`${value}/${total} ${unit}`);
      },
      stop: () => t.done(`${value}/${total} ${unit}`),
    };
  }
  const b = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% {value}/{total} ${unit} {speed}/s eta {eta_formatted}`,
      stream,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let value = 0;
  const speed = () => Math.round(value / Math.max(0.001, (Date.now() - started) / 1000));
  b.start(total, 0, { speed: 0 });
  return {
    increment(by = 1) {
      value += by;
      b.update(value, { speed: speed() });
    },
    update(v) {
      value = v;
      b.update(value, { speed: speed() });
    },
    stop: () => b.stop(),
  };
}

/** Bars that may run at the same time (files staged side by side): one block on a terminal. */
export interface BarGroup {
  bar(label: string, total: number): Bar;
  stop(): void;
}

export function barGroup(unit = 'rows'): BarGroup {
  if (!stream.isTTY)
    return { bar: (label, total) => bar(label, total, unit), stop: () => undefined };
  const multi = new cliProgress.MultiBar(
    {
      format: `{label} [{bar}] {percentage}% {value}/{total} ${unit} {speed}/s eta {eta_formatted}`,
      stream,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    bar(label, total) {
      const started = Date.now();
      const b = multi.create(total, 0, { speed: 0, label });
      const set = (value: number) =>
        b.update(value, {
          speed: Math.round(value / Math.max(0.001, (Date.now() - started) / 1000)),
        });
      let value = 0;
      return {
        increment(by = 1) {
          set((value += by));
        },
        update(v) {
          set((value = v));
        },
        stop: () => b.stop(),
      };
    },
    stop: () => multi.stop(),
  };
}
