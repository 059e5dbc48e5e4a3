// Answers kept in this process while the data behind them stays the same. A route that uses it
// (route.ts `cache`) names a key for each request — the normalised input and whatever of the
// viewer changes the answer — and the cache a version: a small read that changes whenever the
// data does (for rankings: a scoring run's new band counts, or a load). The version is read at
// most once every `checkEveryMs`; when it changes, every kept answer is dropped; and no answer
// is kept longer than `maxAgeMs`, for changes the version does not see (a scoring run or load
// that failed half-way). A hit costs no database round trip.
//
// Kept per answer: the JSON body already checked against the route's schema and the audit
// keys, so a hit skips the handler, the schema check and the serialisation, and is still
// audited. Requests for one key that arrive while it is being computed wait for that one
// computation instead of starting their own. Failures are not kept.
//
// No library: lru-cache would bound the entries, but the version check, the single flight per
// key and dropping everything on a new version are the point, and they are a few lines here.

export interface CachedAnswer {
  /** The answer as JSON, as sent. */
  body: string;
  /** What the audit record names (route.ts `audit`). */
  entities: string[];
}

export interface AnswerCacheOptions {
  /** The version is read again when the last read is older than this (ms); 0: no caching. */
  checkEveryMs: number;
  /** No answer is kept longer (ms); a minute by default. */
  maxAgeMs?: number;
  /** Bounds memory (keys and answers, roughly): the least recently used go beyond it. */
  maxBytes?: number;
  now?: () => number;
}

interface Entry {
  version: string;
  answer: CachedAnswer;
  keptAt: number;
  bytes: number;
}

const defaultMaxBytes = 64 * 1024 * 1024;
const defaultMaxAgeMs = 60_000;
/** Besides the bytes: many tiny answers (empty pages) cost their keys and bookkeeping. */
const maxEntries = 10_000;

export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly flights = new Map<string, Promise<CachedAnswer>>();
  private bytes = 0;
  private version: string | null = null;
  private checkedAt = 0;
  private checking: Promise<string> | null = null;
  private readonly maxBytes: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly readVersion: () => Promise<string>,
    private readonly options: AnswerCacheOptions,
  ) {
    this.maxBytes = options.maxBytes ?? defaultMaxBytes;
    this.maxAgeMs = options.maxAgeMs ?? defaultMaxAgeMs;
    this.now = options.now ?? (() => performance.now());
  }

  /** The kept answer for the key under the current version, else `compute`'s (then kept). */
  async answer(key: string, compute: () => Promise<CachedAnswer>): Promise<CachedAnswer> {
    if (this.options.checkEveryMs <= 0) return compute();
    const version = await this.currentVersion();
    const kept = this.entries.get(key);
    if (kept?.version === version && this.now() - kept.keptAt < this.maxAgeMs) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept.answer;
    }
    const flightKey = `${version}\n${key}`;
    let flight = this.flights.get(flightKey);
    if (!flight) {
      const startedAt = this.now();
      flight = compute()
        .then((answer) => {
          if (this.version === version) this.keep(key, version, answer, startedAt);
          return answer;
        })
        .finally(() => this.flights.delete(flightKey));
      this.flights.set(flightKey, flight);
    }
    return flight;
  }

  /** How many answers are kept (for tests and the bench). */
  get size(): number {
    return this.entries.size;
  }

  private currentVersion(): Promise<string> {
    if (this.version !== null && this.now() - this.checkedAt < this.options.checkEveryMs) {
      return Promise.resolve(this.version);
    }
    if (!this.checking) {
      // Timed from before the read: data changed during it is seen by the next check.
      const startedAt = this.now();
      this.checking = this.readVersion()
        .then((version) => {
          if (version !== this.version) this.clear();
          this.version = version;
          this.checkedAt = startedAt;
          return version;
        })
        .finally(() => {
          this.checking = null;
        });
    }
    return this.checking;
  }

  private keep(key: string, version: string, answer: CachedAnswer, keptAt: number): void {
    // Strings are two bytes a character in the worst case; 200 for the entry's own objects.
    let chars = key.length + answer.body.length;
    for (const entity of answer.entities) chars += entity.length;
    const bytes = 2 * chars + 200;
    if (bytes > this.maxBytes) return;
    this.forget(key);
    this.entries.set(key, { version, answer, keptAt, bytes });
    this.bytes += bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes && this.entries.size <= maxEntries) break;
      this.forget(oldest);
    }
  }

  private forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
