[sweep]
name = x
transports = tcp, vsock, unix
sock-sizes = 0, 64K, 1M
msg-sizes = 1, 16K, 16M
sessions = 1, 64
runs = until-ci
duration = 0.1
warmup = 0
