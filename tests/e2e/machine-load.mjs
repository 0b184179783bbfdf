// How busy the machine is with work other than ours, for the benchmark (tests/e2e/bench-latency.mjs): timings on a
// shared machine are only worth reporting while nothing else competes for its cores.
//
// /proc/stat gives the ticks every core spent busy; /proc/<pid>/stat gives those of this Node process and everything
// it started (the browser and its renderers, counted with the children they reaped). The difference is other work, in
// cores: 0.25 means other processes kept a quarter of one core busy on average. Linux only; elsewhere `available` is
// false and nothing is measured.

import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Clock ticks per second (USER_HZ), the unit of both /proc files. */
const HZ = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Busy ticks of all cores together (user, nice, system, irq, softirq, steal). */
function busyTicks() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal = 0] = fields;
  return user + nice + system + irq + softirq + steal;
}

/**
 * Ticks of process `root` and its descendants: user and system time of each, plus the time of the children each has
 * reaped (so a renderer that exited between two readings still counts, through its parent).
 */
function treeTicks(root) {
  const parent = new Map();
  const ticks = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let text;
    try {
      text = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    parent.set(pid, Number(fields[1]));
    ticks.set(pid, Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
  }
  const mine = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!mine.has(pid) && mine.has(ppid)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  let sum = 0;
  for (const pid of mine) sum += ticks.get(pid) ?? 0;
  return sum;
}

/** The first three numbers of /proc/loadavg (1, 5 and 15 minutes), as text. */
export function loadavg() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}

/** One reading: wall time (s), busy ticks of the machine, ticks of this process tree. */
function reading() {
  return { at: performance.now() / 1000, busy: busyTicks(), ours: treeTicks(process.pid) };
}

/** Cores kept busy by other work between two readings. */
function otherCores(a, b) {
  const seconds = b.at - a.at;
  if (seconds <= 0) return 0;
  return Math.max(0, (b.busy - a.busy - (b.ours - a.ours)) / HZ / seconds);
}

/**
 * Watches the machine in the background (a reading every `everyMs`). `phase(name)` starts a named stretch of the run;
 * `report()` gives, per phase, other work's average over the phase and its largest one-interval value, in cores.
 */
export class LoadMonitor {
  constructor(everyMs = 500) {
    this.available = process.platform === 'linux';
    this.everyMs = everyMs;
    this.phases = [];
    this.timer = null;
  }

  /** Other work in cores, measured over `seconds` now (nothing else of ours should run meanwhile). */
  async sample(seconds) {
    if (!this.available) return 0;
    const a = reading();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    return otherCores(a, reading());
  }

  /** Starts phase `name` (ending the one before). */
  phase(name) {
    if (!this.available) return;
    this.end();
    const first = reading();
    const current = { name, first, last: first, peak: 0 };
    this.phases.push(current);
    this.timer = setInterval(() => {
      const next = reading();
      current.peak = Math.max(current.peak, otherCores(current.last, next));
      current.last = next;
    }, this.everyMs);
  }

  /** Ends the current phase. */
  end() {
    if (this.timer === null) return;
    clearInterval(this.timer);
    this.timer = null;
    const current = this.phases[this.phases.length - 1];
    const next = reading();
    current.peak = Math.max(current.peak, otherCores(current.last, next));
    current.last = next;
  }

  /** Per phase: { name, seconds, other_cores (average), peak_other_cores (largest over one interval) }. */
  report() {
    return this.phases.map((p) => ({
      name: p.name,
      seconds: Number((p.last.at - p.first.at).toFixed(1)),
      other_cores: Number(otherCores(p.first, p.last).toFixed(2)),
      peak_other_cores: Number(p.peak.toFixed(2)),
    }));
  }
}
