# quick.profile - the study's axes on short runs: a demo and `make report`.
# Three runs per point, so that every chart shows a 95% confidence
# interval (two runs would give mean +/- 12.7 standard errors); half-second
# runs keep `make report` under 3 minutes on 2 cores. Figures from short
# runs are noisy; use `paper` for real numbers.
[sweep]
name = quick
description = The study's matrix on short runs (demo, make report)
transports = tcp, vsock, unix
tests = stream
sock-sizes = 64K, 256K
msg-sizes = 512, 1K, 2K, 4K, 8K, 16K, 32K, 64K
sessions = 1, 5
runs = 3
duration = 0.5
warmup = 0.1
