/**
 * A hang anywhere fails the run with its output instead of running out CI's clock: vitest's test timeout
 * cannot fire inside a synchronous wait (a worker once slept in `Atomics.wait` for ever), so the main process
 * ends the whole run after TEST_RUN_MINUTES (default 60; the suite takes about 10 on an idle 2-core machine).
 */
export default function setup(): () => void {
  const minutes = Number(process.env.TEST_RUN_MINUTES ?? 60);
  const timer = setTimeout(() => {
    console.error(
      `\n测试运行超过 ${minutes} 分钟，判定为挂起并终止 / the test run took over ${minutes} minutes: stopped as hung\n`,
    );
    process.exit(1);
  }, minutes * 60_000);
  timer.unref();
  return () => clearTimeout(timer);
}
