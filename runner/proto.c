/* proto.c - see proto.h. */
#include "runner/proto.h"
#include "runner/facts_io.h"
#include "runner/hostwire.h"
#include "runner/wire.h"
#include "platform/clock.h"

#include <stdio.h>
#include <string.h>

/* The transaction tests' fields: present for rr and crr only. */
static int validate_rr(const vs_test_req *t, vs_err *e)
{
    vs_cpulist pin;
    vs_err pe;

    if (memchr(t->server_cpus, 0, sizeof t->server_cpus) == NULL)
        return vs_err_set(e, VS_ERR_PROTOCOL, "server CPU list not terminated");
    if (vs_cpulist_parse(t->server_cpus, &pin, &pe) != 0)
        return vs_err_set(e, VS_ERR_USAGE, "server CPUs: %s", pe.msg);
    if (!vs_test_is_rr((enum vs_test)t->test)) {
        if (t->resp_size != 0 || t->burst != 0)
            return vs_err_set(e, VS_ERR_USAGE, "response size and burst apply to rr and crr "
                              "only");
        return 0;
    }
    if (t->resp_size < 1 || t->resp_size > VS_MAX_MSG)
        return vs_err_set(e, VS_ERR_USAGE, "response size must be 1-%u bytes, not %lu",
                          VS_MAX_MSG, (unsigned long)t->resp_size);
    if (t->burst > VS_MAX_BURST)
        return vs_err_set(e, VS_ERR_USAGE, "burst must be 0-%d, not %u", VS_MAX_BURST, t->burst);
    if (t->test == VS_TEST_CRR && t->burst != 0)
        return vs_err_set(e, VS_ERR_USAGE, "crr opens a connection per transaction: --burst "
                          "applies to rr only");
    return 0;
}

/* Zero-copy sends and congestion control: which tests and transports. */
static int validate_tuning(const vs_test_req *t, vs_err *e)
{
    if (t->zerocopy > 1)
        return vs_err_set(e, VS_ERR_PROTOCOL, "bad zero-copy flag %u", t->zerocopy);
    if (memchr(t->congestion, 0, sizeof t->congestion) == NULL)
        return vs_err_set(e, VS_ERR_PROTOCOL, "congestion control name not terminated");
    if (t->zerocopy && vs_test_is_rr((enum vs_test)t->test))
        return vs_err_set(e, VS_ERR_USAGE, "--zerocopy applies to stream and maerts");
    if (t->zerocopy && t->transport != VS_TR_TCP && t->transport != VS_TR_VSOCK)
        return vs_err_set(e, VS_ERR_USAGE, "--zerocopy: MSG_ZEROCOPY applies to tcp (and vsock "
                          "where the kernel has it), not %s",
                          vs_transport_name((enum vs_transport)t->transport));
    if (t->congestion[0] == '\0')
        return 0;
    if (!vs_congestion_name_ok(t->congestion))
        return vs_err_set(e, VS_ERR_USAGE, "--congestion: bad algorithm name '%.20s' (letters, "
                          "digits, _ and -)", t->congestion);
    if (t->transport != VS_TR_TCP)
        return vs_err_set(e, VS_ERR_USAGE, "--congestion applies to tcp, not %s",
                          vs_transport_name((enum vs_transport)t->transport));
    if (t->test == VS_TEST_CRR)
        return vs_err_set(e, VS_ERR_USAGE, "--congestion applies to stream, maerts and rr (crr "
                          "opens its connections with the system default)");
    return 0;
}

int vs_test_req_validate(const vs_test_req *t, vs_err *e)
{
    if (t->test >= VS_TEST_COUNT)
        return vs_err_set(e, VS_ERR_PROTOCOL, "unknown test type %u", t->test);
    if (t->transport >= VS_TR_COUNT)
        return vs_err_set(e, VS_ERR_PROTOCOL, "unknown transport %u", t->transport);
    if (t->any_host > 1)
        return vs_err_set(e, VS_ERR_PROTOCOL, "bad flag value %u", t->any_host);
    if (t->sessions < 1 || t->sessions > VS_MAX_SESSIONS)
        return vs_err_set(e, VS_ERR_USAGE, "sessions must be 1-%d, not %u",
                          VS_MAX_SESSIONS, t->sessions);
    if (t->msg_size < 1 || t->msg_size > VS_MAX_MSG)
        return vs_err_set(e, VS_ERR_USAGE, "message size must be 1-%u bytes, not %lu",
                          VS_MAX_MSG, (unsigned long)t->msg_size);
    if (t->sock_size > VS_MAX_SOCK)
        return vs_err_set(e, VS_ERR_USAGE, "socket size must be at most %llu bytes",
                          (unsigned long long)VS_MAX_SOCK);
    if (t->duration_ms < VS_MIN_DURATION_MS || t->duration_ms > VS_MAX_DURATION_MS)
        return vs_err_set(e, VS_ERR_USAGE, "duration must be 0.1 s to 24 h, not %lu ms",
                          (unsigned long)t->duration_ms);
    if (t->warmup_ms > VS_MAX_WARMUP_MS)
        return vs_err_set(e, VS_ERR_USAGE, "warm-up must be at most 1 h, not %lu ms",
                          (unsigned long)t->warmup_ms);
    if (t->interval_ms != 0 && t->interval_ms < VS_MIN_INTERVAL_MS)
        return vs_err_set(e, VS_ERR_USAGE, "interval must be 0 or at least 0.1 s");
    if (t->recv_size > VS_MAX_MSG)
        return vs_err_set(e, VS_ERR_USAGE, "receive size must be at most 16M");
    if (validate_tuning(t, e) != 0)
        return -1;
    return validate_rr(t, e);
}

/* ---- encoding ---------------------------------------------------------- */

/* Start a frame: 4 length bytes patched by frame_end, then the type. */
static void frame_begin(vs_wbuf *w, uint8_t *buf, size_t cap, enum vs_msg_type t)
{
    vs_wbuf_init(w, buf, cap);
    vs_put_u32(w, 0);
    vs_put_u16(w, (uint16_t)t);
}

static size_t frame_end(vs_wbuf *w)
{
    size_t body = w->len - 4;

    if (w->overflow || body > VS_PROTO_MAX_BODY)
        return 0;
    w->p[0] = (uint8_t)(body >> 24);
    w->p[1] = (uint8_t)(body >> 16);
    w->p[2] = (uint8_t)(body >> 8);
    w->p[3] = (uint8_t)body;
    return w->len;
}

size_t vs_enc_hello(uint8_t *buf, size_t cap, const vs_hello *m)
{
    vs_wbuf w;

    frame_begin(&w, buf, cap, VS_MSG_HELLO);
    vs_put_u32(&w, m->magic);
    vs_put_u16(&w, m->version);
    return frame_end(&w);
}

size_t vs_enc_welcome(uint8_t *buf, size_t cap, const vs_welcome *m)
{
    vs_wbuf w;

    frame_begin(&w, buf, cap, VS_MSG_WELCOME);
    vs_put_u16(&w, m->version);
    vs_put_u32(&w, m->cid);
    vs_put_u8(&w, m->flags);
    if (m->flags & VS_WELCOME_AUTHENTICATED)
        vs_put_bytes(&w, m->proof, sizeof m->proof);
    vs_host_put(&w, &m->host);
    if (m->has_facts)
        vs_facts_put(&w, &m->facts);
    return frame_end(&w);
}

size_t vs_enc_challenge(uint8_t *buf, size_t cap, const vs_challenge *m)
{
    vs_wbuf w;

    frame_begin(&w, buf, cap, VS_MSG_CHALLENGE);
    vs_put_bytes(&w, m->nonce, sizeof m->nonce);
    return frame_end(&w);
}

size_t vs_enc_auth(uint8_t *buf, size_t cap, const vs_auth_msg *m)
{
    vs_wbuf w;

    frame_begin(&w, buf, cap, VS_MSG_AUTH);
    vs_put_bytes(&w, m->nonce, sizeof m->nonce);
    vs_put_bytes(&w, m->proof, sizeof m->proof);
    return frame_end(&w);
}

size_t vs_enc_busy(uint8_t *buf, size_t cap, const vs_busy *m)
{
    vs_wbuf w;

    frame_begin(&w, buf, cap, VS_MSG_BUSY);
    vs_put_u32(&w, m->retry_ms);
    vs_put_str(&w, m->text);
    return frame_end(&w);
}

size_t vs_enc_error(uint8_t *buf, size_t cap, const vs_error_msg *m)
{
    vs_wbuf w;

    frame_begin(&w, buf, cap, VS_MSG_ERROR);
    vs_put_u16(&w, m->code);
    vs_put_str(&w, m->text);
    return frame_end(&w);
}

size_t vs_enc_test(uint8_t *buf, size_t cap, const vs_test_req *m)
{
    vs_wbuf w;

    frame_begin(&w, buf, cap, VS_MSG_TEST);
    vs_put_u8(&w, m->test);
    vs_put_u8(&w, m->transport);
    vs_put_u8(&w, m->any_host);
    vs_put_u16(&w, m->sessions);
    vs_put_u32(&w, m->msg_size);
    vs_put_u64(&w, m->sock_size);
    vs_put_u32(&w, m->duration_ms);
    vs_put_u32(&w, m->warmup_ms);
    vs_put_u32(&w, m->interval_ms);
    vs_put_u32(&w, m->recv_size);
    vs_put_u64(&w, m->cookie);
    vs_put_u32(&w, m->resp_size);
    vs_put_u16(&w, m->burst);
    vs_put_str(&w, m->server_cpus);
    vs_put_u8(&w, m->zerocopy);
    vs_put_str(&w, m->congestion);
    return frame_end(&w);
}

size_t vs_enc_endpoints(uint8_t *buf, size_t cap, const vs_endpoints *m)
{
    vs_wbuf w;

    frame_begin(&w, buf, cap, VS_MSG_ENDPOINTS);
    vs_put_u16(&w, m->count);
    for (unsigned i = 0; i < m->count && i < VS_MAX_SESSIONS; i++) {
        vs_put_u32(&w, m->port[i]);
        vs_put_str(&w, m->path[i]);
    }
    return frame_end(&w);
}

size_t vs_enc_connected(uint8_t *buf, size_t cap, const vs_connected *m)
{
    vs_wbuf w;

    frame_begin(&w, buf, cap, VS_MSG_CONNECTED);
    vs_put_u16(&w, m->count);
    for (unsigned i = 0; i < m->count && i < VS_MAX_SESSIONS; i++) {
        vs_put_u64(&w, m->snd[i]);
        vs_put_u64(&w, m->rcv[i]);
    }
    if (m->has_path)
        vs_facts_put(&w, &m->path);
    return frame_end(&w);
}

size_t vs_enc_empty(uint8_t *buf, size_t cap, enum vs_msg_type type)
{
    vs_wbuf w;

    frame_begin(&w, buf, cap, type);
    return frame_end(&w);
}

size_t vs_enc_interim(uint8_t *buf, size_t cap, const vs_interim *m)
{
    vs_wbuf w;

    frame_begin(&w, buf, cap, VS_MSG_INTERIM);
    vs_put_u32(&w, m->elapsed_ms);
    vs_put_u16(&w, m->count);
    for (unsigned i = 0; i < m->count && i < VS_MAX_SESSIONS; i++)
        vs_put_u64(&w, m->bytes[i]);
    return frame_end(&w);
}

size_t vs_enc_result(uint8_t *buf, size_t cap, const vs_side_result *m)
{
    vs_wbuf w;

    frame_begin(&w, buf, cap, VS_MSG_RESULT);
    vs_put_f64(&w, m->util_pct);
    vs_put_f64(&w, m->proc_pct);
    vs_put_f64(&w, m->busy_us);
    vs_put_f64(&w, m->own_cpu_us);
    vs_put_u64(&w, m->edge_start_ns);
    vs_put_u64(&w, m->edge_end_ns);
    vs_put_u8(&w, m->overlap);
    vs_put_u16(&w, m->count);
    for (unsigned i = 0; i < m->count && i < VS_MAX_SESSIONS; i++) {
        const vs_flow_result *f = &m->flow[i];
        vs_put_u64(&w, f->window_count);
        vs_put_u64(&w, f->window_ns);
        vs_put_u64(&w, f->total_bytes);
        vs_put_u64(&w, f->transactions);
        vs_put_u64(&w, f->tcp_received);
        vs_put_u64(&w, f->tcp_acked);
        vs_put_u8(&w, f->tcp_ok);
        vs_put_u8(&w, f->failed);
        vs_put_str(&w, f->error);
    }
    if (m->has_recv) { /* the optional tail: absent means unknown */
        vs_put_u32(&w, m->recv_chunk);
        vs_put_u32(&w, m->rcvlowat);
    }
    return frame_end(&w);
}

/* ---- decoding ---------------------------------------------------------- */

static int dec_done(const vs_rbuf *r, const char *what, vs_err *e)
{
    if (!vs_rbuf_done(r))
        return vs_err_set(e, VS_ERR_PROTOCOL,
                          "malformed %s message (truncated, oversized field or "
                          "trailing bytes)", what);
    return 0;
}

/* An optional trailing facts part (facts_io.h): present when bytes are
 * left; its facts are decoded one by one, never copied. */
static int opt_facts(vs_rbuf *r, vs_facts *fs, int *has, const char *what, vs_err *e)
{
    vs_facts_init(fs);
    *has = 0;
    if (r->bad || r->pos >= r->len)
        return 0;
    if (vs_facts_get(r, fs) != 0)
        return vs_err_set(e, VS_ERR_PROTOCOL, "malformed settings in the %s message", what);
    *has = 1;
    return 0;
}

static int dec_count(vs_rbuf *r, uint16_t *count, const char *what, vs_err *e)
{
    *count = vs_get_u16(r);
    if (!r->bad && (*count < 1 || *count > VS_MAX_SESSIONS))
        return vs_err_set(e, VS_ERR_PROTOCOL, "%s message has %u sessions (1-%d)",
                          what, *count, VS_MAX_SESSIONS);
    return 0;
}

/* Another version refuses the message (the rest may have another layout). */
static int check_version(unsigned version, vs_err *e)
{
    if (version != VS_PROTO_VERSION)
        return vs_err_set(e, VS_ERR_PROTOCOL,
                          "the peer speaks protocol version %u, this vsbench %u: use the "
                          "same vsbench version on both ends", version, VS_PROTO_VERSION);
    return 0;
}

int vs_dec_hello(const uint8_t *b, size_t n, vs_hello *m, vs_err *e)
{
    vs_rbuf r;

    vs_rbuf_init(&r, b, n);
    m->magic = vs_get_u32(&r);
    m->version = vs_get_u16(&r);
    if (!r.bad && m->magic != VS_PROTO_MAGIC)
        return vs_err_set(e, VS_ERR_PROTOCOL, "not a vsbench client (bad magic)");
    if (!r.bad && check_version(m->version, e) != 0)
        return -1;
    return dec_done(&r, "HELLO", e);
}

int vs_dec_welcome(const uint8_t *b, size_t n, vs_welcome *m, vs_err *e)
{
    vs_rbuf r;

    vs_rbuf_init(&r, b, n);
    memset(m, 0, sizeof *m);
    m->version = vs_get_u16(&r);
    if (!r.bad && check_version(m->version, e) != 0)
        return -1;
    m->cid = vs_get_u32(&r);
    m->flags = vs_get_u8(&r);
    if (m->flags & ~VS_WELCOME_AUTHENTICATED)
        return vs_err_set(e, VS_ERR_PROTOCOL, "WELCOME has unknown flags 0x%02x", m->flags);
    if (m->flags & VS_WELCOME_AUTHENTICATED)
        vs_get_bytes(&r, m->proof, sizeof m->proof);
    if (vs_host_get(&r, &m->host, e) != 0)
        return -1;
    if (opt_facts(&r, &m->facts, &m->has_facts, "WELCOME", e) != 0)
        return -1;
    return dec_done(&r, "WELCOME", e);
}

int vs_dec_challenge(const uint8_t *b, size_t n, vs_challenge *m, vs_err *e)
{
    vs_rbuf r;

    vs_rbuf_init(&r, b, n);
    vs_get_bytes(&r, m->nonce, sizeof m->nonce);
    return dec_done(&r, "CHALLENGE", e);
}

int vs_dec_auth(const uint8_t *b, size_t n, vs_auth_msg *m, vs_err *e)
{
    vs_rbuf r;

    vs_rbuf_init(&r, b, n);
    vs_get_bytes(&r, m->nonce, sizeof m->nonce);
    vs_get_bytes(&r, m->proof, sizeof m->proof);
    return dec_done(&r, "AUTH", e);
}

int vs_dec_busy(const uint8_t *b, size_t n, vs_busy *m, vs_err *e)
{
    vs_rbuf r;

    vs_rbuf_init(&r, b, n);
    m->retry_ms = vs_get_u32(&r);
    vs_get_str(&r, m->text, sizeof m->text);
    if (dec_done(&r, "BUSY", e) != 0)
        return -1;
    if (m->retry_ms < 1 || m->retry_ms > VS_BUSY_RETRY_MAX_MS)
        return vs_err_set(e, VS_ERR_PROTOCOL, "BUSY asks for a retry in %lu ms (1 ms - 10 min)",
                          (unsigned long)m->retry_ms);
    return 0;
}

int vs_dec_error(const uint8_t *b, size_t n, vs_error_msg *m, vs_err *e)
{
    vs_rbuf r;

    vs_rbuf_init(&r, b, n);
    m->code = vs_get_u16(&r);
    vs_get_str(&r, m->text, sizeof m->text);
    return dec_done(&r, "ERROR", e);
}

int vs_dec_test(const uint8_t *b, size_t n, vs_test_req *m, vs_err *e)
{
    vs_rbuf r;

    vs_rbuf_init(&r, b, n);
    m->test = vs_get_u8(&r);
    m->transport = vs_get_u8(&r);
    m->any_host = vs_get_u8(&r);
    m->sessions = vs_get_u16(&r);
    m->msg_size = vs_get_u32(&r);
    m->sock_size = vs_get_u64(&r);
    m->duration_ms = vs_get_u32(&r);
    m->warmup_ms = vs_get_u32(&r);
    m->interval_ms = vs_get_u32(&r);
    m->recv_size = vs_get_u32(&r);
    m->cookie = vs_get_u64(&r);
    m->resp_size = vs_get_u32(&r);
    m->burst = vs_get_u16(&r);
    vs_get_str(&r, m->server_cpus, sizeof m->server_cpus);
    m->zerocopy = 0;
    m->congestion[0] = '\0';
    if (!r.bad && r.pos < r.len) { /* the optional fields */
        m->zerocopy = vs_get_u8(&r);
        vs_get_str(&r, m->congestion, sizeof m->congestion);
    }
    if (dec_done(&r, "TEST", e) != 0)
        return -1;
    return vs_test_req_validate(m, e);
}

int vs_dec_endpoints(const uint8_t *b, size_t n, vs_endpoints *m, vs_err *e)
{
    vs_rbuf r;

    vs_rbuf_init(&r, b, n);
    if (dec_count(&r, &m->count, "ENDPOINTS", e) != 0)
        return -1;
    for (unsigned i = 0; i < m->count && !r.bad; i++) {
        m->port[i] = vs_get_u32(&r);
        vs_get_raw(&r, m->path[i], sizeof m->path[i]);
    }
    return dec_done(&r, "ENDPOINTS", e);
}

int vs_dec_connected(const uint8_t *b, size_t n, vs_connected *m, vs_err *e)
{
    vs_rbuf r;

    vs_rbuf_init(&r, b, n);
    if (dec_count(&r, &m->count, "CONNECTED", e) != 0)
        return -1;
    for (unsigned i = 0; i < m->count && !r.bad; i++) {
        m->snd[i] = vs_get_u64(&r);
        m->rcv[i] = vs_get_u64(&r);
    }
    if (opt_facts(&r, &m->path, &m->has_path, "CONNECTED", e) != 0)
        return -1;
    return dec_done(&r, "CONNECTED", e);
}

int vs_dec_interim(const uint8_t *b, size_t n, vs_interim *m, vs_err *e)
{
    vs_rbuf r;

    vs_rbuf_init(&r, b, n);
    m->elapsed_ms = vs_get_u32(&r);
    if (dec_count(&r, &m->count, "INTERIM", e) != 0)
        return -1;
    for (unsigned i = 0; i < m->count && !r.bad; i++)
        m->bytes[i] = vs_get_u64(&r);
    return dec_done(&r, "INTERIM", e);
}

int vs_dec_result(const uint8_t *b, size_t n, vs_side_result *m, vs_err *e)
{
    vs_rbuf r;

    vs_rbuf_init(&r, b, n);
    m->util_pct = vs_get_f64(&r);
    m->proc_pct = vs_get_f64(&r);
    m->busy_us = vs_get_f64(&r);
    m->own_cpu_us = vs_get_f64(&r);
    m->edge_start_ns = vs_get_u64(&r);
    m->edge_end_ns = vs_get_u64(&r);
    m->overlap = vs_get_u8(&r);
    if (m->overlap > 1)
        r.bad = 1;
    if (dec_count(&r, &m->count, "RESULT", e) != 0)
        return -1;
    for (unsigned i = 0; i < m->count && !r.bad; i++) {
        vs_flow_result *f = &m->flow[i];
        f->window_count = vs_get_u64(&r);
        f->window_ns = vs_get_u64(&r);
        f->total_bytes = vs_get_u64(&r);
        f->transactions = vs_get_u64(&r);
        f->tcp_received = vs_get_u64(&r);
        f->tcp_acked = vs_get_u64(&r);
        f->tcp_ok = vs_get_u8(&r);
        f->failed = vs_get_u8(&r);
        vs_get_str(&r, f->error, sizeof f->error);
        if (f->tcp_ok > 1 || f->failed > 1)
            r.bad = 1;
    }
    m->has_recv = !r.bad && r.pos < r.len; /* optional */
    m->recv_chunk = m->has_recv ? vs_get_u32(&r) : 0;
    m->rcvlowat = m->has_recv ? vs_get_u32(&r) : 0;
    if (m->recv_chunk > VS_MAX_MSG || m->rcvlowat > VS_MAX_MSG)
        r.bad = 1;
    if (dec_done(&r, "RESULT", e) != 0)
        return -1;
    /* NaN or negative CPU figures are nonsense from a broken peer. */
    if (!(m->util_pct >= 0 && m->util_pct <= 100.5) || !(m->proc_pct >= 0) ||
        !(m->busy_us >= 0) || !(m->own_cpu_us >= 0))
        return vs_err_set(e, VS_ERR_PROTOCOL, "RESULT message has invalid CPU figures");
    return 0;
}

int vs_frame_split(const uint8_t *body, size_t n, uint16_t *type,
                   const uint8_t **rest, size_t *rest_n, vs_err *e)
{
    if (n < 2)
        return vs_err_set(e, VS_ERR_PROTOCOL, "message too short (%lu bytes)",
                          (unsigned long)n);
    *type = (uint16_t)((body[0] << 8) | body[1]);
    *rest = body + 2;
    *rest_n = n - 2;
    return 0;
}

int vs_send_error(vs_sock s, int code, const char *text)
{
    uint8_t buf[VS_ERRTEXT_MAX + 16];
    vs_error_msg m;
    size_t n;

    m.code = (uint16_t)code;
    snprintf(m.text, sizeof m.text, "%s", text);
    n = vs_enc_error(buf, sizeof buf, &m);
    return n == 0 ? -1 : vs_frame_send(s, buf, n, NULL);
}
