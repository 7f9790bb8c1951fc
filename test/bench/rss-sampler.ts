import { readFileSync } from 'node:fs';

const INTERVAL_MS = 250;

export interface RssSummary {
  maxMb: number;
  meanMb: number;
  samples: number;
}

/** The resident set of a process, from /proc (Linux); undefined once it has gone. */
function rssKb(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every 250 ms until stopped; `stop` returns the max and the mean. */
export function sampleRss(pid: number): { stop(): RssSummary } {
  const samples: number[] = [];
  const take = () => {
    const kb = rssKb(pid);
    if (kb !== undefined) samples.push(kb);
  };
  take();
  const timer = setInterval(take, INTERVAL_MS);
  return {
    stop() {
      clearInterval(timer);
      take();
      const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;
      const total = samples.reduce((sum, kb) => sum + kb, 0);
      return {
        maxMb: mb(Math.max(0, ...samples)),
        meanMb: samples.length ? mb(total / samples.length) : 0,
        samples: samples.length,
      };
    },
  };
}

/** Several samplings of one process as one: the max of the maxima, the sample-weighted mean. */
export function combineRss(parts: RssSummary[]): RssSummary {
  const samples = parts.reduce((sum, part) => sum + part.samples, 0);
  const weighted = parts.reduce((sum, part) => sum + part.meanMb * part.samples, 0);
  return {
    maxMb: Math.max(0, ...parts.map((part) => part.maxMb)),
    meanMb: samples ? Math.round((weighted / samples) * 10) / 10 : 0,
    samples,
  };
}
