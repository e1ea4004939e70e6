# nightly.profile - the handful of points a nightly CI job compares with
# its baseline: small, medium and large messages on 256 KB sockets, one
# and five sessions, repeated until the 95% confidence interval is within
# +/-2.5% (at least 5 runs, at most 12).
[sweep]
name = nightly
description = Points compared every night (regression detection)
transports = tcp, vsock
tests = stream
sock-sizes = 256K
msg-sizes = 1K, 16K, 64K
sessions = 1, 5
duration = 5
warmup = 1
until-ci = 95,5
min-runs = 5
max-runs = 12
