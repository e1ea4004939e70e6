/* test_profile.c - profiles, matrix expansion and ordering, stop rule. */
#include "runner/matrix.h"
#include "runner/profile.h"
#include "runner/stoprule.h"
#include "tests/unit/unit.h"

#include <string.h>

static const char good[] =
    "# a comment\n"
    "[sweep]\n"
    "name = t\n"
    "transports = tcp, unix\n"
    "tests = stream, maerts\n"
    "sock-sizes = 64K, 256K\n"
    "msg-sizes = 512, 16K\n"
    "sessions = 1, 5\n"
    "runs = 3\n"
    "duration = 60, 5:120\n"
    "warmup = 0.5\n";

static void test_good_profile(void)
{
    vs_profile p;
    vs_err e;

    CU_ASSERT_EQUAL_FATAL(vs_profile_parse(good, "good.profile", &p, &e), 0);
    CU_ASSERT_STRING_EQUAL(p.name, "t");
    CU_ASSERT_EQUAL(p.ntransports, 2);
    CU_ASSERT_EQUAL(p.transports[1], VS_TR_UNIX);
    CU_ASSERT_EQUAL(p.ntests, 2);
    CU_ASSERT_EQUAL(p.socks[1], 262144);
    CU_ASSERT_EQUAL(p.msgs[0], 512);
    CU_ASSERT_EQUAL(p.sessions[1], 5);
    CU_ASSERT_EQUAL(vs_profile_duration(&p, 1), 60000);
    CU_ASSERT_EQUAL(vs_profile_duration(&p, 5), 120000);
    CU_ASSERT_EQUAL(p.warmup_ms, 500);
    CU_ASSERT_FALSE(p.rule.enabled);
    CU_ASSERT_EQUAL(p.rule.min_runs, 3);
    CU_ASSERT_EQUAL(p.rule.max_runs, 3);
    vs_profile_free(&p);
}

/* The error names the source, the line and the key. */
static void bad(const char *text, const char *want1, const char *want2)
{
    vs_profile p;
    vs_err e;

    vs_err_clear(&e);
    CU_ASSERT_EQUAL(vs_profile_parse(text, "bad.profile", &p, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, want1));
    if (want2 != NULL)
        CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, want2));
}

static void test_bad_profiles(void)
{
    bad("[sweep]\ntransports = tcp\nsesions = 1\n", "bad.profile:3", "sesions");
    bad("[sweep]\ntransports = tcp, udp\n", "bad.profile:2", "udp");
    bad("[other]\nx = 1\n", "bad.profile:2", "[other]");
    bad("[sweep]\nmsg-sizes = 1K, 17M\n", ":2", "17M");
    bad("[sweep]\nsessions = 0\n", ":2", "sessions");
    bad("[sweep]\nduration = 5:abc\n", ":2", "abc");
    bad("[sweep]\nuntil-ci = 97,5\n", ":2", "until-ci");
    bad("[sweep]\ntransports = tcp\nsock-sizes = 64K\nmsg-sizes = 1K\nsessions = 1\n",
        "missing key 'duration'", NULL);
    bad("[sweep]\ntransports = tcp\nsock-sizes = 64K\nmsg-sizes = 1K\nsessions = 1\n"
        "duration = 1\nruns = 3\nuntil-ci = 95,5\n", "not both", NULL);
    bad("[sweep]\nthis is not ini\n", "bad.profile:2", NULL);
    bad("[sweep]\ntransports = tcp, tcp\n", "twice", NULL);
}

static void test_until_ci_defaults(void)
{
    vs_profile p;
    vs_err e;
    const char *t = "[sweep]\ntransports=tcp\nsock-sizes=64K\nmsg-sizes=1K\nsessions=1\n"
                    "duration=1\nuntil-ci = 95,5\nmax-runs = 7\n";

    CU_ASSERT_EQUAL_FATAL(vs_profile_parse(t, "x", &p, &e), 0);
    CU_ASSERT_TRUE(p.rule.enabled);
    CU_ASSERT_EQUAL(p.rule.level, 95);
    CU_ASSERT_DOUBLE_EQUAL(p.rule.width, 5.0, 1e-12);
    CU_ASSERT_EQUAL(p.rule.min_runs, 3);
    CU_ASSERT_EQUAL(p.rule.max_runs, 7);
    CU_ASSERT_EQUAL(p.ntests, 1); /* stream by default */
    vs_profile_free(&p);
}

static void test_builtins(void)
{
    vs_profile p;
    vs_matrix m;
    vs_err e;
    int runs;
    double measured, total;

    CU_ASSERT_EQUAL_FATAL(vs_profile_load("paper", &p, &e), 0);
    CU_ASSERT_EQUAL_FATAL(vs_matrix_expand(&p, NULL, &m, &e), 0);
    vs_matrix_estimate(&m, &p, &runs, &measured, &total);
    CU_ASSERT_EQUAL(runs, 192);
    CU_ASSERT_DOUBLE_EQUAL(measured / 3600.0, 4.8, 1e-9); /* the study's 4.8 hours */
    vs_matrix_free(&m);
    vs_profile_free(&p);
    CU_ASSERT_EQUAL(vs_profile_load("quick", &p, &e), 0);
    vs_profile_free(&p);
    CU_ASSERT_EQUAL(vs_profile_load("nightly", &p, &e), 0);
    vs_profile_free(&p);
    CU_ASSERT_EQUAL(vs_profile_load("no-such-profile", &p, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "paper"));
}

static void test_matrix_order_and_skip(void)
{
    vs_profile p;
    vs_matrix m;
    vs_err e;
    int skip[VS_TR_COUNT] = { 0 };

    CU_ASSERT_EQUAL_FATAL(vs_profile_parse(good, "good.profile", &p, &e), 0);
    CU_ASSERT_EQUAL_FATAL(vs_matrix_expand(&p, NULL, &m, &e), 0);
    CU_ASSERT_EQUAL(m.n, 2 * 2 * 2 * 2 * 2);
    /* transports alternate innermost, then message, socket, sessions, test */
    CU_ASSERT_EQUAL(m.pts[0].tr, VS_TR_TCP);
    CU_ASSERT_EQUAL(m.pts[1].tr, VS_TR_UNIX);
    CU_ASSERT_EQUAL(m.pts[0].msg, m.pts[1].msg);
    CU_ASSERT_EQUAL(m.pts[2].msg, 16384);
    CU_ASSERT_EQUAL(m.pts[4].sock, 262144);
    CU_ASSERT_EQUAL(m.pts[8].sessions, 5);
    CU_ASSERT_EQUAL(m.pts[16].test, VS_TEST_MAERTS);
    vs_matrix_free(&m);
    skip[VS_TR_UNIX] = 1;
    CU_ASSERT_EQUAL_FATAL(vs_matrix_expand(&p, skip, &m, &e), 0);
    CU_ASSERT_EQUAL(m.n, 16);
    for (int i = 0; i < m.n; i++)
        CU_ASSERT_EQUAL(m.pts[i].tr, VS_TR_TCP);
    vs_matrix_free(&m);
    vs_profile_free(&p);
}

static void test_t_table(void)
{
    CU_ASSERT_DOUBLE_EQUAL(vs_t_critical(95, 1), 12.706, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(vs_t_critical(95, 2), 4.303, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(vs_t_critical(99, 4), 4.604, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(vs_t_critical(90, 30), 1.697, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(vs_t_critical(95, 60), 2.000, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(vs_t_critical(95, 50), 2.0086, 0.002); /* exact 2.0086 */
    CU_ASSERT_DOUBLE_EQUAL(vs_t_critical(95, 1000000), 1.960, 1e-3);
    CU_ASSERT_DOUBLE_EQUAL(vs_t_critical(80, 5), 0.0, 0.0);
}

static void test_stop_rule(void)
{
    vs_stoprule r = { 1, 95, 5.0, 3, 6 };
    double tight[] = { 10.0, 10.05, 9.95, 10.02 };
    double noisy[] = { 10.0, 14.0, 7.0, 12.0, 8.0 };
    vs_stoprule fixed = { 0, 0, 0, 3, 3 };

    CU_ASSERT_FALSE(vs_stoprule_done(&r, tight, 2, 2));  /* below min-runs */
    CU_ASSERT_TRUE(vs_stoprule_done(&r, tight, 3, 3));   /* CI within +/-2.5% */
    CU_ASSERT_FALSE(vs_stoprule_done(&r, noisy, 5, 5));  /* too noisy */
    CU_ASSERT_TRUE(vs_stoprule_done(&r, noisy, 5, 6));   /* max-runs reached */
    CU_ASSERT_FALSE(vs_stoprule_done(&r, tight, 1, 3));  /* failed runs: need more */
    CU_ASSERT_FALSE(vs_stoprule_done(&fixed, tight, 2, 2));
    CU_ASSERT_TRUE(vs_stoprule_done(&fixed, tight, 3, 3));
    double mean, half;
    vs_mean_ci(tight, 3, 95, &mean, &half);
    CU_ASSERT_DOUBLE_EQUAL(mean, 10.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(half, 4.303 * 0.05 / 1.7320508, 1e-4); /* sd = 0.05 */
}

/* rr and crr: response size, bursts for rr only, pinning. */
static void test_rr_profile(void)
{
    const char *t = "[sweep]\ntransports = tcp\ntests = stream, rr, crr\nsock-sizes = 0\n"
                    "msg-sizes = 1, 1K\nsessions = 1\nduration = 1\nresp-size = 64K\n"
                    "bursts = 0, 4\ncpu = 0-1\nserver-cpu = 1\n";
    vs_profile p;
    vs_matrix m;
    vs_err e;
    int rr = 0, crr = 0, stream = 0;

    CU_ASSERT_EQUAL_FATAL(vs_profile_parse(t, "rr.profile", &p, &e), 0);
    CU_ASSERT_EQUAL(p.resp, 65536);
    CU_ASSERT_EQUAL(p.nbursts, 2);
    CU_ASSERT_STRING_EQUAL(p.cpus, "0,1");
    CU_ASSERT_STRING_EQUAL(p.server_cpus, "1");
    CU_ASSERT_EQUAL_FATAL(vs_matrix_expand(&p, NULL, &m, &e), 0);
    CU_ASSERT_EQUAL(m.n, 2 + 2 * 2 + 2); /* stream x2, rr x2 bursts x2, crr x2 */
    for (int i = 0; i < m.n; i++) {
        const vs_point *pt = &m.pts[i];
        stream += pt->test == VS_TEST_STREAM && pt->resp == 0 && pt->burst == 0;
        rr += pt->test == VS_TEST_RR && pt->resp == 65536;
        crr += pt->test == VS_TEST_CRR && pt->resp == 65536 && pt->burst == 0;
    }
    CU_ASSERT_EQUAL(stream, 2);
    CU_ASSERT_EQUAL(rr, 4);
    CU_ASSERT_EQUAL(crr, 2);
    vs_matrix_free(&m);
    vs_profile_free(&p);
    bad("[sweep]\nbursts = 0, 0\n", ":2", "twice");
    bad("[sweep]\nbursts = 2000\n", ":2", "burst");
    bad("[sweep]\nresp-size = 0\n", ":2", "response size");
    bad("[sweep]\ncpu = 3-1\n", ":2", "CPU list");
}

/* zerocopy and congestion: read, checked, off and "" by default. */
static void test_send_option_keys(void)
{
    const char *t = "[sweep]\ntransports = tcp\ntests = stream\nsock-sizes = 0\nmsg-sizes = 64K\n"
                    "sessions = 1\nduration = 1\nzerocopy = yes\n"
                    "congestion = reno\n";
    vs_profile p;
    vs_err e;

    CU_ASSERT_EQUAL_FATAL(vs_profile_parse(t, "zc.profile", &p, &e), 0);
    CU_ASSERT_EQUAL(p.zerocopy, 1);
    CU_ASSERT_STRING_EQUAL(p.congestion, "reno");
    vs_profile_free(&p);
    CU_ASSERT_EQUAL_FATAL(vs_profile_parse("[sweep]\ntransports = tcp\ntests = stream\n"
                                           "sock-sizes = 0\nmsg-sizes = 1K\nsessions = 1\n"
                                           "duration = 1\n", "plain.profile", &p, &e), 0);
    CU_ASSERT_EQUAL(p.zerocopy, 0);
    CU_ASSERT_STRING_EQUAL(p.congestion, "");
    vs_profile_free(&p);
    bad("[sweep]\nzerocopy = maybe\n", ":2", "yes or no");
    bad("[sweep]\ncongestion = re no\n", ":2", "bad algorithm name");
}

/* The latency profile: every transport, rr and crr, 1 B to 64 KB, 1 and 5
 * sessions, the response as large as the request. */
static void test_latency_builtin(void)
{
    vs_profile p;
    vs_matrix m;
    vs_err e;
    int skip[VS_TR_COUNT] = { 0 };

    CU_ASSERT_EQUAL_FATAL(vs_profile_load("latency", &p, &e), 0);
    CU_ASSERT_EQUAL(p.ntransports, VS_TR_COUNT);
    CU_ASSERT_EQUAL_FATAL(vs_matrix_expand(&p, NULL, &m, &e), 0);
    CU_ASSERT_EQUAL(m.n, 4 * 2 * 5 * 2);
    CU_ASSERT_EQUAL(m.pts[0].msg, 1);
    CU_ASSERT_EQUAL(m.pts[m.n - 1].msg, 65536);
    for (int i = 0; i < m.n; i++)
        CU_ASSERT_EQUAL(m.pts[i].resp, m.pts[i].msg);
    vs_matrix_free(&m);
    skip[VS_TR_HVSOCK] = 1; /* as on Linux */
    CU_ASSERT_EQUAL_FATAL(vs_matrix_expand(&p, skip, &m, &e), 0);
    CU_ASSERT_EQUAL(m.n, 60);
    vs_matrix_free(&m);
    vs_profile_free(&p);
}

static const CU_TestInfo tests[] = {
    { "a good profile", test_good_profile },
    { "bad profiles name file, line and key", test_bad_profiles },
    { "until-ci defaults", test_until_ci_defaults },
    { "built-in profiles; paper is 192 runs, 4.8 h", test_builtins },
    { "matrix order and skipped transports", test_matrix_order_and_skip },
    { "t table", test_t_table },
    { "stop rule", test_stop_rule },
    { "rr and crr keys: response size, bursts, pinning", test_rr_profile },
    { "the latency profile", test_latency_builtin },
    { "zerocopy and congestion keys", test_send_option_keys },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("profile", tests)
