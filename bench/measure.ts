/** Timing helpers for benchmarks: best-of-N wall time of a synchronous or async body. */
export async function timeBest(runs: number, body: () => unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await body();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}×`;
}

export function row(label: string, ...cells: (string | number)[]): void {
  console.log(`${label.padEnd(48)} ${cells.map((c) => String(c).padStart(14)).join(' ')}`);
}
