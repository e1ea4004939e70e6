# quick.profile - the study's axes on short runs: a demo and `make report`.
# Figures from one-second runs are noisy; use `paper` for real numbers.
[sweep]
name = quick
description = The study's matrix on short runs (demo, make report)
transports = tcp, vsock, unix
tests = stream
sock-sizes = 64K, 256K
msg-sizes = 512, 1K, 2K, 4K, 8K, 16K, 32K, 64K
sessions = 1, 5
runs = 2
duration = 0.8
warmup = 0.2
