# paper.profile - the matrix of VMware's "VMCI Socket Performance" study:
# netperf TCP_STREAM between two VMs, TCP versus VMCI (vsock), socket sizes
# 64 KB and 256 KB, messages 512 B to 64 KB, 1 and 5 sessions, three runs
# per point, 60 s for one session and 120 s for five (4.8 hours measured).
[sweep]
name = paper
description = The VMCI Socket Performance study matrix (60 s / 120 s, 3 runs)
transports = tcp, vsock
tests = stream
sock-sizes = 64K, 256K
msg-sizes = 512, 1K, 2K, 4K, 8K, 16K, 32K, 64K
sessions = 1, 5
runs = 3
duration = 60, 5:120
warmup = 2
