/*
 * servetest.h - one test on the server, from the accepted TEST to the
 * RESULT: data listeners and ENDPOINTS, the data connections (each must
 * present the test's cookie; strays are dropped and counted without
 * disturbing the test), CONNECTED, the measured phase and RESULT, which
 * tells whether another test overlapped this one (slots.h).
 */
#ifndef VS_SERVETEST_H
#define VS_SERVETEST_H

#include "runner/lobby.h"
#include "runner/slots.h"

/* Serve the test of `a` to its end on the calling thread, then close its
 * connection. `slots`/`slot` say whether another test overlapped it;
 * `seq` names its unix socket files. Returns the test's status (0 ok);
 * failures are logged and sent to the client as ERROR. */
int vs_servetest_run(const vs_admitted *a, vs_slots *slots, int slot, unsigned seq);

#endif
