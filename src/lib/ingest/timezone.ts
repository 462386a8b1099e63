/**
 * Wall-clock time ↔ instant in an IANA time zone, through Intl only: the machine's TZ is
 * never consulted. Offsets are cached per UTC hour (when constant across that hour), so a
 * million timestamps cost a few thousand Intl calls.
 */
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** TimeZone.of's zones, by name. */
const zones = new Map<string, TimeZone>();

export class TimeZone {
  /**
   * The zone of this name, shared within a thread: its offsets depend on the instant alone,
   * so every reader (the helper thread makes one per piece of a file) reuses the Intl calls.
   */
  static of(name: string): TimeZone {
    let zone = zones.get(name);
    if (!zone) zones.set(name, (zone = new TimeZone(name)));
    return zone;
  }

  private readonly format: Intl.DateTimeFormat | undefined;
  private readonly cache = new Map<number, number>();
  private readonly dayCache = new Map<number, number>();
  // Exports are often sorted by time: remember the last day looked up.
  private lastDay = NaN;
  private lastOffset = 0;
  private lastWallDay = NaN;
  private lastWallOffset = 0;

  constructor(readonly name: string) {
    const fixed = name === 'UTC' || name === 'Etc/UTC' || name === 'GMT' || name === 'Etc/GMT';
    this.format = fixed
      ? undefined
      : new Intl.DateTimeFormat('en-US', {
          timeZone: name,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        });
  }

  /** Offset of local time from UTC at an instant, in milliseconds (Asia/Shanghai: +8 h). */
  offsetAt(ms: number): number {
    if (!this.format) return 0;
    const day = Math.floor(ms / DAY);
    if (day === this.lastDay) return this.lastOffset;
    let offset = this.dayCache.get(day);
    if (offset === undefined) {
      const start = this.hourOffset(day * DAY);
      offset = start === this.hourOffset(day * DAY + DAY - 1000) ? start : NaN;
      this.dayCache.set(day, offset);
    }
    if (Number.isNaN(offset)) return this.hourOffset(ms); // a transition on this day
    this.lastDay = day;
    this.lastOffset = offset;
    return offset;
  }

  private hourOffset(ms: number): number {
    const hour = Math.floor(ms / HOUR);
    const cached = this.cache.get(hour);
    if (cached !== undefined && !Number.isNaN(cached)) return cached;
    if (cached === undefined) {
      const start = this.exactOffset(hour * HOUR);
      const end = this.exactOffset(hour * HOUR + HOUR - 1000);
      this.cache.set(hour, start === end ? start : NaN);
      if (start === end) return start;
    }
    return this.exactOffset(ms);
  }

  /**
   * The instant of a wall-clock time given as `Date.UTC(y, m, d, h, mi, s)` of its fields.
   * A time repeated when clocks go back takes the earlier instant; a time skipped when they
   * go forward is moved forward by the gap (as Temporal's "compatible" does).
   */
  toInstant(wall: number): number {
    if (!this.format) return wall;
    const day = Math.floor(wall / DAY);
    if (day === this.lastWallDay) return wall - this.lastWallOffset;
    const offset = this.offsetAt(day * DAY - DAY);
    if (offset === this.offsetAt(day * DAY + 2 * DAY)) {
      // No transition within a day either side: the wall clock maps with one offset.
      this.lastWallDay = day;
      this.lastWallOffset = offset;
      return wall - offset;
    }
    const before = this.offsetAt(wall - DAY);
    const after = this.offsetAt(wall + DAY);
    if (before === after) return wall - before;
    const candidates = [wall - before, wall - after].filter((t) => t + this.offsetAt(t) === wall);
    return candidates.length ? Math.min(...candidates) : wall - before;
  }

  /** Local calendar fields of an instant. */
  local(ms: number): { year: number; month: number; day: number } {
    return civil(Math.floor((ms + this.offsetAt(ms)) / DAY));
  }

  private exactOffset(ms: number): number {
    const whole = Math.floor(ms / 1000) * 1000;
    const f: Record<string, number> = {};
    for (const part of this.format!.formatToParts(whole)) if (part.type !== 'literal') f[part.type] = Number(part.value);
    const local = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
    return local - whole;
  }
}

/** Year, month, day from days since 1970-01-01 (H. Hinnant, "chrono-compatible low-level date algorithms"). */
export function civil(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
