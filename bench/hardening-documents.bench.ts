import { startChildServer, stopChildServer } from '../test/system/support/child-server.ts';
import { createSystemEnv } from '../test/system/support/environment.ts';
import { hostileDocuments } from '../test/system/support/hostile-documents.ts';
import { sendHostile } from '../test/system/support/hostile-run.ts';
import { ratio, row } from './measure.ts';

/**
 * Issue 16's figures: each hostile document sent to the anonymous report checker of the real server (a child
 * process on SQLite, default document workers): the status it is answered with, how long the answer took, the
 * worst latency another client saw meanwhile (ratio: against an ordinary text upload measured the same way in
 * the same run) and the server's peak resident memory.
 */
export async function run(): Promise<void> {
  const docs = await hostileDocuments();
  const sys = await createSystemEnv('sqlite');
  const server = await startChildServer(sys.env, { readyTimeoutMs: 60_000 });
  try {
    await server.ready;
    const ordinary = {
      name: 'ordinary text report (baseline)',
      filename: 'report.txt',
      bytes: new TextEncoder().encode('2025年政府信息公开工作年度报告\n一、总体情况\n'),
      status: 200,
    };
    await sendHostile(server, ordinary); // the worker's first start is not measured
    const baseline = await sendHostile(server, ordinary);
    row('input', 'status', 'answer ms', 'worst other ms', 'vs baseline', 'peak RSS MB');
    const print = (o: Awaited<ReturnType<typeof sendHostile>>) =>
      row(
        o.name,
        o.status,
        o.answerMs.toFixed(0),
        o.worstParallelMs.toFixed(0),
        ratio(o.worstParallelMs, baseline.worstParallelMs),
        o.peakRssMb.toFixed(0),
      );
    print(baseline);
    for (const doc of docs) {
      const outcome = await sendHostile(server, doc);
      print(outcome);
      if (outcome.message) console.log(`  ${outcome.message}`);
    }
  } finally {
    await stopChildServer(server);
    await sys.destroy();
  }
}
