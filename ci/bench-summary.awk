# bench-summary.awk - `make bench`'s tables (ci/bench.sh). Plain POSIX awk
# (Debian's mawk). Reads raw.csv then fixed.csv, in that order:
#   raw.csv:   net,sock,msg,sessions,round,tool,gbps,sd   (one measurement)
#   fixed.csv: net,round,tool,ms                          (fixed cost of a run)
# Writes OUT/summary.csv (one row per point) and OUT/bench.md, and prints
# the table and the issue-12 targets (met/missed) on stdout. Ratios are of
# medians; geometric means are over the points of one network.
# Variables: out (directory).

BEGIN { FS = "," }
FNR == 1 { file++; next }
file == 1 { add_run() }
file == 2 { add_fixed() }
END { summarise() }

function add_run(    p, t) {
    p = $1 SUBSEP $2 SUBSEP $3 SUBSEP $4
    t = $6
    if (!(p in seen_point)) { seen_point[p] = 1; points[++np] = p }
    if (!(t in seen_tool)) { seen_tool[t] = 1; tools[++nt] = t }
    if ($7 != "nan" && $7 != "") g[p, t, ++ng[p, t]] = $7 + 0
    if ($8 != "nan" && $8 != "") s[p, t, ++ns[p, t]] = $8 + 0
}

function add_fixed() {
    if (!(($1) in seen_fnet)) { seen_fnet[$1] = 1; fnets[++nfn] = $1 }
    if (!(($3) in seen_ftool)) { seen_ftool[$3] = 1; ftools[++nft] = $3 }
    fx[$1, $3, ++nfx[$1, $3]] = $4 + 0
}

# stat(arr, key, n): median, min and max of arr[key, 1..n] into M, LO, HI.
function stat(arr, key, n,    i, j, v, tmp) {
    if (n == 0) { M = LO = HI = "nan"; return }
    for (i = 1; i <= n; i++) {
        v = arr[key, i]
        for (j = i - 1; j >= 1 && tmp[j] > v; j--) tmp[j + 1] = tmp[j]
        tmp[j + 1] = v
    }
    LO = tmp[1]; HI = tmp[n]
    M = n % 2 ? tmp[(n + 1) / 2] : (tmp[n / 2] + tmp[n / 2 + 1]) / 2
}

function size(b) {
    if (b >= 1048576 && b % 1048576 == 0) return (b / 1048576) "M"
    if (b >= 1024 && b % 1024 == 0) return (b / 1024) "K"
    return b
}

function num(v, fmt) { return v == "nan" ? "-" : sprintf(fmt, v) }
function ratio(a, b) { return (a == "nan" || b == "nan" || b == 0) ? "nan" : a / b }

# Figures of every point and tool into the arrays med/lo/hi and sd*.
function collect(    i, k, p, t) {
    for (i = 1; i <= np; i++)
        for (k = 1; k <= nt; k++) {
            p = points[i]; t = tools[k]
            stat(g, p SUBSEP t, ng[p, t]); med[p, t] = M; lo[p, t] = LO; hi[p, t] = HI
            stat(s, p SUBSEP t, ns[p, t]); sdm[p, t] = M; sdlo[p, t] = LO; sdhi[p, t] = HI
        }
}

function is_subject(t) { return t ~ /^vsbench/ }

# A short column label: vsbench -> vs, vsbench-quarter -> vs-q, vsbench-msg -> vs-m.
function short(t,    s) {
    s = t; sub(/^vsbench/, "vs", s); sub(/-quarter$/, "-q", s); sub(/-msg$/, "-m", s)
    return s
}

function summarise() {
    collect()
    write_csv()
    print_table()
    targets()
    write_markdown()
}

function write_csv(    f, i, k, p, t, u, q, line) {
    f = out "/summary.csv"
    line = "net,sock,msg,sessions"
    for (k = 1; k <= nt; k++) {
        t = tools[k]
        line = line "," t "_runs," t "_gbps_median," t "_gbps_min," t "_gbps_max," \
               t "_sd_median," t "_sd_min," t "_sd_max"
    }
    for (k = 1; k <= nt; k++) if (is_subject(tools[k])) {
        if ("netperf" in seen_tool) line = line "," tools[k] "_per_netperf"
        if ("iperf3" in seen_tool) line = line "," tools[k] "_per_iperf3"
    }
    print line > f
    for (i = 1; i <= np; i++) {
        p = points[i]; split(p, q, SUBSEP)
        line = q[1] "," q[2] "," q[3] "," q[4]
        for (k = 1; k <= nt; k++) {
            t = tools[k]
            line = line "," ng[p, t] + 0 "," med[p, t] "," lo[p, t] "," hi[p, t] "," \
                   sdm[p, t] "," sdlo[p, t] "," sdhi[p, t]
        }
        for (k = 1; k <= nt; k++) if (is_subject(u = tools[k])) {
            if ("netperf" in seen_tool) line = line "," ratio(med[p, u], med[p, "netperf"])
            if ("iperf3" in seen_tool) line = line "," ratio(med[p, u], med[p, "iperf3"])
        }
        print line > f
    }
    close(f)
}

# Geometric mean of subject/reference over the points of one network.
function geomean(net, subj, ref,    i, p, q, r, sum, n) {
    for (i = 1; i <= np; i++) {
        p = points[i]; split(p, q, SUBSEP)
        if (q[1] != net) continue
        r = ratio(med[p, subj], med[p, ref])
        if (r == "nan" || r <= 0) continue
        sum += log(r); n++
    }
    return n ? exp(sum / n) : "nan"
}

function nets_list(    i, p, q, seen, n) {
    for (i = 1; i <= np; i++) {
        p = points[i]; split(p, q, SUBSEP)
        if (!(q[1] in seen)) { seen[q[1]] = 1; NETS[++n] = q[1] }
    }
    return n
}

# A median and its range; the range with two decimals below 10 Gbit/s, so
# that a range shown holds its median (0.57 [0.56-0.66], not [0.6-0.7]).
function cell(p, t,    f) {
    f = hi[p, t] < 10 ? "%.2f" : "%.1f"
    return num(med[p, t], "%.2f") " [" num(lo[p, t], f) "-" num(hi[p, t], f) "]"
}

function print_table(    i, k, p, q, t, hdr, nn, j) {
    hdr = sprintf("%-5s %5s %5s %2s", "net", "sock", "msg", "P")
    for (k = 1; k <= nt; k++) hdr = hdr sprintf(" %20s", tools[k] " Gbit/s")
    for (k = 1; k <= nt; k++) if (is_subject(t = tools[k])) {
        if ("netperf" in seen_tool) hdr = hdr sprintf(" %7s", short(t) "/np")
        if ("iperf3" in seen_tool) hdr = hdr sprintf(" %7s", short(t) "/ip")
    }
    hdr = hdr sprintf(" %9s %9s", "SD vsb", "SD netp")
    print "\nmedians [min-max] of interleaved runs; ratios of medians; SD = service demand, us/KB"
    print hdr
    for (i = 1; i <= np; i++) {
        p = points[i]; split(p, q, SUBSEP)
        line = sprintf("%-5s %5s %5s %2s", q[1], size(q[2]), size(q[3]), q[4])
        for (k = 1; k <= nt; k++) line = line sprintf(" %20s", cell(p, tools[k]))
        for (k = 1; k <= nt; k++) if (is_subject(t = tools[k])) {
            if ("netperf" in seen_tool)
                line = line sprintf(" %7s", num(ratio(med[p, t], med[p, "netperf"]), "%.2f"))
            if ("iperf3" in seen_tool)
                line = line sprintf(" %7s", num(ratio(med[p, t], med[p, "iperf3"]), "%.2f"))
        }
        line = line sprintf(" %9s %9s", num(sdm[p, "vsbench"], "%.3f"),
                            num(sdm[p, "netperf"], "%.3f"))
        print line
    }
    nn = nets_list()
    for (j = 1; j <= nn; j++)
        for (k = 1; k <= nt; k++) if (is_subject(t = tools[k]))
            printf "geometric mean %-5s %s: /netperf %s, /iperf3 %s\n", NETS[j], t,
                   num(geomean(NETS[j], t, "netperf"), "%.3f"),
                   num(geomean(NETS[j], t, "iperf3"), "%.3f")
    print_fixed()
}

function print_fixed(    j, k, line) {
    if (nfn == 0) return
    print "\nfixed cost per run (ms beyond the duration of a 1 s run; median [min-max]):"
    for (j = 1; j <= nfn; j++) {
        line = sprintf("  %-5s", fnets[j])
        for (k = 1; k <= nft; k++) {
            stat(fx, fnets[j] SUBSEP ftools[k], nfx[fnets[j], ftools[k]])
            fmed[fnets[j], ftools[k]] = M
            line = line sprintf("  %s %s [%s-%s]", ftools[k], num(M, "%.0f"),
                                num(LO, "%.0f"), num(HI, "%.0f"))
        }
        print line
    }
}

# ---- issue 12's targets ------------------------------------------------------

function verdict(ok) { return ok ? "met" : "MISSED" }

function target(line) { TL[++ntl] = line; print line }

function targets_net(net,    i, p, q, r, miss, sdmiss, gm, gi, n, overlap) {
    for (i = 1; i <= np; i++) {
        p = points[i]; split(p, q, SUBSEP)
        if (q[1] != net) continue
        r = ratio(med[p, "vsbench"], med[p, "netperf"])
        if (r != "nan" && r < 0.97) {
            overlap = hi[p, "vsbench"] >= lo[p, "netperf"] ? ", ranges overlap" : ""
            miss = miss sprintf("%s/%s x%s %.2f%s; ", size(q[2]), size(q[3]), q[4],
                                r, overlap)
            n++
        }
        if (sdlo[p, "vsbench"] != "nan" && sdhi[p, "netperf"] != "nan" &&
            sdlo[p, "vsbench"] > sdhi[p, "netperf"])
            sdmiss = sdmiss sprintf("%s/%s x%s %.3f vs %.3f; ", size(q[2]), size(q[3]), q[4],
                                    sdm[p, "vsbench"], sdm[p, "netperf"])
    }
    target(sprintf("- %s, vsbench/netperf >= 0.97 at every point: %s%s", net,
                   verdict(n == 0), n ? sprintf(" at %d: %s", n, miss) : ""))
    gm = geomean(net, "vsbench", "netperf")
    target(sprintf("- %s, geometric mean vsbench/netperf >= 1.05: %s (%s)", net,
                   verdict(gm != "nan" && gm >= 1.05), num(gm, "%.3f")))
    gi = geomean(net, "vsbench", "iperf3")
    if ("iperf3" in seen_tool) target(sprintf("- %s, geometric mean vsbench/iperf3 >= 1.5: %s (%s)", net,
                   verdict(gi != "nan" && gi >= 1.5), num(gi, "%.3f")))
    target(sprintf("- %s, service demand no higher than netperf's beyond the noise " \
                   "(vsbench's lowest above netperf's highest): %s%s", net,
                   verdict(sdmiss == ""), sdmiss == "" ? "" : " at " sdmiss))
}

function targets(    j, nn, v, n) {
    if (!("vsbench" in seen_tool) || !("netperf" in seen_tool)) return
    print "\ntargets (issue 12):"
    nn = nets_list()
    for (j = 1; j <= nn; j++) targets_net(NETS[j])
    for (j = 1; j <= nfn; j++) {
        v = fmed[fnets[j], "vsbench"]; n = fmed[fnets[j], "netperf"]
        if (v == "" || n == "" || v == "nan" || n == "nan") continue
        target(sprintf("- %s, fixed cost per run <= 1.5x netperf's: %s (%.0f ms vs %.0f ms)",
                       fnets[j], verdict(v <= 1.5 * n), v, n))
    }
}

# ---- Markdown ----------------------------------------------------------------

function md_row(p,    q, k, t, line) {
    split(p, q, SUBSEP)
    line = "| " q[1] " | " size(q[2]) " | " size(q[3]) " | " q[4]
    for (k = 1; k <= nt; k++) line = line " | " cell(p, tools[k])
    for (k = 1; k <= nt; k++) if (is_subject(t = tools[k])) {
        if ("netperf" in seen_tool)
            line = line " | " num(ratio(med[p, t], med[p, "netperf"]), "%.2f")
        if ("iperf3" in seen_tool)
            line = line " | " num(ratio(med[p, t], med[p, "iperf3"]), "%.2f")
    }
    return line " | " num(sdm[p, "vsbench"], "%.3f") " | " num(sdm[p, "netperf"], "%.3f") " |"
}

function write_markdown(    f, k, t, hdr, sep, i, j, nn) {
    f = out "/bench.md"
    hdr = "| net | socket | message | sessions"; sep = "|---|---|---|---"
    for (k = 1; k <= nt; k++) { hdr = hdr " | " tools[k] " Gbit/s"; sep = sep "|---" }
    for (k = 1; k <= nt; k++) if (is_subject(t = tools[k])) {
        if ("netperf" in seen_tool) { hdr = hdr " | " t "/netperf"; sep = sep "|---" }
        if ("iperf3" in seen_tool) { hdr = hdr " | " t "/iperf3"; sep = sep "|---" }
    }
    print "\nMedians [min-max] of interleaved runs, ratios of medians; SD: service " \
          "demand in CPU us per KB (system-wide, both ends on this machine).\n" >> f
    print hdr " | SD vsbench | SD netperf |" >> f
    print sep "|---|---|" >> f
    for (i = 1; i <= np; i++) print md_row(points[i]) >> f
    print "" >> f
    nn = nets_list()
    for (j = 1; j <= nn; j++)
        for (k = 1; k <= nt; k++) if (is_subject(t = tools[k]))
            printf "Geometric mean on %s, %s: /netperf %s, /iperf3 %s.  \n", NETS[j], t,
                   num(geomean(NETS[j], t, "netperf"), "%.3f"),
                   num(geomean(NETS[j], t, "iperf3"), "%.3f") >> f
    md_fixed(f)
    if (ntl) print "\n## Targets (issue 12)\n" >> f
    for (i = 1; i <= ntl; i++) print TL[i] >> f
    close(f)
}

function md_fixed(f,    j, k, line) {
    if (nfn == 0) return
    print "\nFixed cost per run: milliseconds beyond the duration of a 1 s run, " \
          "median [min-max].\n" >> f
    line = "| net"; for (k = 1; k <= nft; k++) line = line " | " ftools[k]
    print line " |" >> f
    line = "|---"; for (k = 1; k <= nft; k++) line = line "|---"
    print line "|" >> f
    for (j = 1; j <= nfn; j++) {
        line = "| " fnets[j]
        for (k = 1; k <= nft; k++) {
            stat(fx, fnets[j] SUBSEP ftools[k], nfx[fnets[j], ftools[k]])
            line = line " | " num(M, "%.0f") " [" num(LO, "%.0f") "-" num(HI, "%.0f") "]"
        }
        print line " |" >> f
    }
}
