import { crashRun, describeCrash } from '../test/system/support/crash.ts';
import { fuzzAll, fuzzTarget } from '../test/system/support/fuzz-target.ts';
import { describeLoad, loadRun, memoryGrowthOk } from '../test/system/support/load.ts';
import { ratio, row } from './measure.ts';

/**
 * Issue 8's figures, on SQLite (the embedded default): submissions acknowledged vs found after SIGKILLs of the
 * real server; fuzz cases tried and 5xx answers over every route; p99 latency and peak memory under 25 s of
 * mixed load. Ratios: found/acknowledged; mixed-load p99 against the p99 of the cheapest route measured by the
 * same client just before; peak RSS against the first seconds of the load. `npm run soak` runs the long
 * versions on both databases.
 */
export async function run(): Promise<void> {
  const crash = await crashRun({
    dialect: 'sqlite',
    cycles: 4,
    concurrency: 6,
    loadMs: [400, 1500],
    seed: 20261125,
  });
  console.log(describeCrash(crash));
  row(
    'crash: acknowledged / found after 4 SIGKILLs',
    crash.acknowledged,
    crash.found,
    ratio(crash.found, crash.acknowledged),
  );
  row('crash: problems (half-written, chain, integrity)', crash.problems.length);

  const target = await fuzzTarget('sqlite');
  try {
    const fuzz = await fuzzAll(target);
    row('fuzz: routes / cases tried', fuzz.routes, fuzz.cases);
    row('fuzz: 5xx answers / other problems', fuzz.serverErrors, fuzz.problems.length - fuzz.serverErrors);
  } finally {
    await target.close();
  }

  const load = await loadRun({ dialect: 'sqlite', seconds: 25, warmupSeconds: 5, concurrency: 8 });
  console.log(describeLoad(load));
  row('load: requests/s, errors', load.perSecond.toFixed(0), load.errors);
  row(
    'load: p99 ms (vs /robots.txt p99)',
    load.latency.all!.p99.toFixed(1),
    ratio(load.latency.all!.p99, load.baselineP99),
  );
  row(
    'load: peak RSS MB (vs first window)',
    load.peakRssMb.toFixed(0),
    ratio(load.peakRssMb, load.firstWindowMb),
  );
  row('load: memory growth within bounds', memoryGrowthOk(load) ? 'yes' : 'NO');
}
