# latency.profile - request/response (rr) and a connection per
# request/response (crr) on every transport: 1-byte to 64 KB requests
# answered with as much, one and five sessions, one transaction in flight
# per session (docs/latency.md). Transports this machine lacks are skipped
# (hvsock is Windows only). About 8 minutes on tcp, vsock and unix.
[sweep]
name = latency
description = Request/response and connection rate, 1 B to 64 KB, every transport
transports = tcp, vsock, unix, hvsock
tests = rr, crr
sock-sizes = 0
msg-sizes = 1, 64, 1K, 16K, 64K
resp-size = same
sessions = 1, 5
runs = 3
duration = 1.5
warmup = 0.3
