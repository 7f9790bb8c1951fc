/**
 * Preloaded into the product when BENCH_CPU_PROFILE is set. Node writes a `--cpu-prof` profile only
 * on a normal exit, but Nest's shutdown hook closes the app and then re-raises the signal, which
 * would kill the process before the profile is written: the re-raised signal exits normally instead.
 */
let signals = 0;
process.on('SIGTERM', () => {
  signals += 1;
  if (signals > 1) process.exit(0);
});
