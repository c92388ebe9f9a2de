/**
 * `npm run bench [-- NAME…]`: runs every benchmark (or those whose name contains one of NAME). Each prints
 * its figures and the ratio against a baseline measured in the same run, never an absolute target.
 */
interface Bench {
  name: string;
  load: () => Promise<{ run: () => Promise<void> }>;
}

const benches: Bench[] = [
  { name: 'report', load: () => import('./report.bench.ts') },
  { name: 'import', load: () => import('./import.bench.ts') },
  { name: 'applications', load: () => import('./applications.bench.ts') },
  { name: 'portal', load: () => import('./portal.bench.ts') },
  { name: 'supervision', load: () => import('./supervision.bench.ts') },
  { name: 'hardening', load: () => import('./hardening.bench.ts') },
  { name: 'hardening-documents', load: () => import('./hardening-documents.bench.ts') },
];

const filters = process.argv.slice(2);
for (const bench of benches) {
  if (filters.length > 0 && !filters.some((f) => bench.name.includes(f))) continue;
  console.log(`\n## ${bench.name}`);
  await (await bench.load()).run();
}
