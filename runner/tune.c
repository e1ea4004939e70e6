/* tune.c - see tune.h. */
#include "runner/tune.h"
#include "platform/sockext.h"

#include <stdio.h>

int vs_tune_data_socket(vs_sock s, const vs_test_req *q, int sender, vs_err *e)
{
    enum vs_transport tr = (enum vs_transport)q->transport;

    if (q->congestion[0] != '\0' && vs_sock_set_congestion(s, tr, q->congestion, e) != 0)
        return vs_err_prefix(e, "--congestion");
    if (q->zerocopy && sender && vs_zc_enable(s, tr, e) != 0)
        return vs_err_prefix(e, "--zerocopy");
    return 0;
}

const char *vs_tune_text(const vs_test_req *q, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s%s", q->congestion[0] ? ", congestion " : "", q->congestion,
             q->zerocopy ? ", zero-copy sends" : "");
    return buf;
}
