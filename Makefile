# vsbench - one non-recursive GNU Makefile for everything.
#
#   make help         every target with one line each (the `##` comments)
#   V=1               show full commands
#
# The target OS comes from the compiler (`$(CC) -dumpmachine`), not from
# uname, so `make CC=x86_64-w64-mingw32-gcc` is a Windows build. Objects
# go to build/<triplet>/.

ifeq ($(origin CC),default)
CC := gcc
endif
V ?= 0
Q := $(if $(filter 1,$(V)),,@)
say = $(if $(filter 1,$(V)),,@printf '  %-7s %s\n' $(1) $(2);)

TRIPLET := $(shell $(CC) -dumpmachine 2>/dev/null)
BUILD := build/$(TRIPLET)
PREFIX ?= /usr/local

ifneq (,$(findstring mingw,$(TRIPLET)))
OS := win
EXE := .exe
BIN := bin/win64
OS_CPPFLAGS := -D__USE_MINGW_ANSI_STDIO=1 -D_WIN32_WINNT=0x0A00
OS_LIBS := -lws2_32 -liphlpapi -lbcrypt
else
OS := posix
EXE :=
BIN := bin
OS_CPPFLAGS := -D_GNU_SOURCE
OS_LIBS := -lpthread -lm
endif

CFLAGS ?= -O2 -g
# The runner links statically (copied into VMs as one file); `make asan`
# clears it, since the sanitizers need the dynamic loader.
STATIC ?= -static
WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wno-missing-field-initializers -Wno-format-truncation
override CFLAGS += -std=c11 $(WARN)
override CPPFLAGS += -I. $(OS_CPPFLAGS) -MMD -MP

GIT_REV := $(shell git describe --always --dirty --abbrev=10 2>/dev/null || echo unknown)
obj = $(patsubst %.c,$(BUILD)/%.o,$(1))

# Third-party libraries from pinned archives: HDR_*, INIH_*, CUNIT_*,
# JANSSON_*, XLSXWRITER_*, ZLIB_LIBS; make deps, deps-list, deps-check,
# notices.
include mk/deps.mk

# ---- what is built from what ----------------------------------------------

# Sweep profiles are read with inih: Debian's libinih on Linux, the pinned
# archive for MinGW (INIH_* of mk/deps.mk), so every runner has `sweep`.
# The runner's cryptography (platform/crypto.h): Debian's Nettle, whose
# libnettle.a the static runner takes; CNG (bcrypt, in OS_LIBS) on Windows.
ifeq ($(OS),posix)
CRYPTO_LIBS := $(or $(shell pkg-config --libs nettle 2>/dev/null),-lnettle)
else
CRYPTO_LIBS :=
endif
PLATFORM_SRC := platform/err.c platform/addr.c platform/cpu.c platform/sysinfo.c \
                platform/facts.c platform/facts_parse.c platform/facts_netparse.c \
                platform/hvsock.c platform/net.c platform/net_dial.c platform/fs.c \
                platform/cidr.c platform/sockext.c \
                $(wildcard platform/*_$(OS).c)
# Layers (docs/architecture.md): libvsbase.a is core/ (the vocabulary both
# binaries share) and platform/ (OS code); libvsrunner.a is runner/ and
# workloads/ without the commands. vsreport links only libvsbase.a.
BASE_SRC := $(wildcard core/*.c) $(PLATFORM_SRC)
RUNNER_SRC := $(wildcard workloads/*.c) \
              $(filter-out runner/main.c runner/cmd_%.c,$(wildcard runner/*.c))
GEN_PROFILES := $(BUILD)/gen/profiles_builtin.c
RUNNER_OBJ_EXTRA := $(BUILD)/gen/profiles_builtin.o
VSBENCH_SRC := runner/main.c $(wildcard runner/cmd_*.c)

BASE_LIB := $(BUILD)/libvsbase.a
RUNNER_LIB := $(BUILD)/libvsrunner.a
VSBENCH_OBJ := $(call obj,$(VSBENCH_SRC))

# History engines (analysis/db.h): SQLite and PostgreSQL's libpq where
# pkg-config finds them on Linux (HAVE_SQLITE=0 / HAVE_LIBPQ=0 to leave
# one out). SQLITE_SRC=DIR (a folder holding SQLite's amalgamation,
# sqlite3.c and sqlite3.h) compiles SQLite in instead, on any target: the
# only way a Windows build gets a history (it never has libpq). A build
# without an engine links its *_none.c stub, and `vsreport history` says
# what the build lacks. Only vsreport links them; the runner stays static
# without them.
ifneq ($(SQLITE_SRC),)
HAVE_SQLITE := 1
SQLITE_OBJ := $(BUILD)/sqlite/sqlite3.o
SQLITE_LIBS :=
SQLITE_CPPFLAGS := -I$(SQLITE_SRC)
else ifeq ($(OS),posix)
HAVE_SQLITE ?= $(shell pkg-config --exists sqlite3 2>/dev/null && echo 1 || echo 0)
SQLITE_LIBS := -lsqlite3
else
HAVE_SQLITE ?= 0
endif
ifeq ($(OS),posix)
HAVE_LIBPQ ?= $(shell pkg-config --exists libpq 2>/dev/null && echo 1 || echo 0)
else
HAVE_LIBPQ := 0
endif
DB_SRC := analysis/db_sqlite$(if $(filter 1,$(HAVE_SQLITE)),,_none).c \
          analysis/db_pg$(if $(filter 1,$(HAVE_LIBPQ)),,_none).c
DB_LIBS := $(if $(filter 1,$(HAVE_SQLITE)),$(SQLITE_LIBS)) $(if $(filter 1,$(HAVE_LIBPQ)),-lpq)
PQ_CPPFLAGS := $(if $(filter 1,$(HAVE_LIBPQ)),$(shell pkg-config --cflags libpq 2>/dev/null))
DB_STUB_OBJ := $(call obj,analysis/db_sqlite_none.c analysis/db_pg_none.c)

REPORT_LIB_SRC := $(filter-out analysis/db_%.c,$(wildcard analysis/*.c)) $(DB_SRC) \
                  $(filter-out reports/vsreport.c,$(wildcard reports/*.c))
REPORT_LIB_OBJ := $(call obj,$(REPORT_LIB_SRC)) $(SQLITE_OBJ)

# On Linux libraries come from pkg-config (every one ships a .pc in
# Debian), each named with the Debian package that brings it: a missing
# one stops the build with one line naming the package instead of a
# compiler error. For MinGW they are the pinned archives of mk/deps.mk,
# built before anything that includes their headers, and every exe is
# linked statically (no DLL travels with it).
# (The history engines are optional; see HAVE_SQLITE, HAVE_LIBPQ above.)
REPORT_PKGS := jansson=libjansson-dev xlsxwriter=libxlsxwriter-dev
# Nettle (HMAC-SHA256 for --auth-key, platform/crypto_posix.c) links
# statically into the runner; on Windows the system's CNG (-lbcrypt).
RUNNER_PKGS := inih=libinih-dev nettle=nettle-dev
TEST_PKGS := cunit=libcunit1-dev gsl=libgsl-dev
pc_modules = $(foreach p,$(1),$(firstword $(subst =, ,$(p))))
ifeq ($(OS),posix)
REPORT_CPPFLAGS := $(shell pkg-config --cflags $(call pc_modules,$(REPORT_PKGS)) 2>/dev/null)
REPORT_BASE_LIBS := $(shell pkg-config --libs $(call pc_modules,$(REPORT_PKGS)) 2>/dev/null) -lm
REPORT_PREREQ := libs-report
RUNNER_PREREQ := libs-runner
TEST_PREREQ := libs-test
EXE_LDFLAGS :=
else
REPORT_CPPFLAGS := $(sort $(JANSSON_CPPFLAGS) $(XLSXWRITER_CPPFLAGS))
REPORT_BASE_LIBS := $(JANSSON_LIBS) $(XLSXWRITER_LIBS)
REPORT_PREREQ := $(JANSSON_DEPS) $(XLSXWRITER_DEPS)
RUNNER_PREREQ := $(INIH_DEPS)
TEST_PREREQ := $(CUNIT_DEPS)
EXE_LDFLAGS := -static
endif
REPORT_LIBS := $(REPORT_BASE_LIBS) $(DB_LIBS)

# A suite that needs what this build lacks is left out: the SQLite engine's
# without SQLite, the GSL oracle outside Linux.
UNIT_SRC := $(filter-out $(if $(filter 1,$(HAVE_SQLITE)),,tests/unit/test_history_sqlite.c),\
                          $(wildcard tests/unit/*.c))
# GSL (GPL-3) is only the oracle of analysis/tdist.c in the Linux unit
# tests; no shipped binary links it (make gsl-check). Windows has no FIFOs
# for test_dataset_posix.c.
ifeq ($(OS),posix)
ORACLE_LIBS := -lgsl -lgslcblas
else
UNIT_SRC := $(filter-out tests/unit/test_tdist_gsl.c tests/unit/test_dataset_posix.c,$(UNIT_SRC))
ORACLE_LIBS :=
endif
UNIT_BIN := $(BUILD)/tests/unit_tests$(EXE)

.PHONY: all static test tests unit-test gsl-check integration-test netns-test history-test vm-test \
        report nightly memcheck windows windows-test windows-dist bench install clean help \
        asan fuzz \
        check-sizes FORCE libs-report libs-runner libs-test
.DEFAULT_GOAL := all

all: $(BIN)/vsbench$(EXE) $(BIN)/vsreport$(EXE) ## bin/vsbench (static) and bin/vsreport

# The default build is already static; `make static` is its other name.
static: $(BIN)/vsbench$(EXE) ## bin/vsbench alone (static, copy it into any VM)

help: ## this list
	@echo "make TARGET (V=1 shows full commands; CC=x86_64-w64-mingw32-gcc builds for Windows)"
	@sed -n 's/^\([a-z-]*\):.*## \(.*\)/  \1\t\2/p' $(MAKEFILE_LIST) | expand -t 20

# ---- libraries --------------------------------------------------------------

# check_pkgs: fail with the Debian packages to install for missing modules.
check_pkgs = @missing=; for p in $(1); do pkg-config --exists "$${p%%=*}" || \
	missing="$$missing $${p\#*=}"; done; [ -z "$$missing" ] || { echo "missing libraries:" \
	"apt-get install$$missing (or, as root: make deps-build)" >&2; exit 1; }

libs-report:
	$(call check_pkgs,pkg-config=pkg-config $(REPORT_PKGS))
libs-runner:
	$(call check_pkgs,pkg-config=pkg-config $(RUNNER_PKGS))
libs-test:
	$(call check_pkgs,pkg-config=pkg-config $(TEST_PKGS))

# ---- Debian packages per target (ci/packages/*.txt) -------------------------
# deps-TARGET installs what TARGET needs (as root; otherwise it prints the
# apt-get command): the lists named here. The targets below run their own
# deps step first, then the rest in a sub-make, which sees the libraries
# pkg-config finds only after the install.
DEPS_LISTS_build := build
DEPS_LISTS_report := build report
DEPS_LISTS_test := build report test
DEPS_LISTS_memcheck := build report test memcheck
DEPS_LISTS_windows := build windows
DEPS_LISTS_vm := build vm
DEPS_LISTS_bench := build bench
DEPS_LISTS_asan := build report test
DEPS_LISTS_fuzz := build fuzz
DEPS_TARGETS := deps-build deps-report deps-test deps-memcheck deps-windows deps-vm deps-bench \
    deps-asan deps-fuzz
.PHONY: $(DEPS_TARGETS)
$(DEPS_TARGETS): deps-%:
	@ci/deps.sh $* $(DEPS_LISTS_$*)
deps-test: ## install the Debian packages make test needs (likewise deps-build, -report, -memcheck, -windows, -vm, -bench, -asan, -fuzz)

# ---- rules -----------------------------------------------------------------

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(CPPFLAGS) $(INIH_CPPFLAGS) $(CFLAGS) -c -o $@ $<

# Objects that include a library's headers wait for it: the pkg-config
# check above on Linux, the library's build for MinGW.
$(REPORT_LIB_OBJ) $(call obj,reports/vsreport.c): | $(REPORT_PREREQ)
$(REPORT_LIB_OBJ) $(call obj,reports/vsreport.c): override CPPFLAGS += $(REPORT_CPPFLAGS)
$(call obj,runner/profile.c platform/crypto_posix.c): | $(RUNNER_PREREQ)
$(call obj,$(UNIT_SRC)): | $(TEST_PREREQ) $(REPORT_PREREQ)
$(call obj,$(UNIT_SRC)): override CPPFLAGS += $(REPORT_CPPFLAGS) $(CUNIT_CPPFLAGS)

# SQLite's amalgamation (SQLITE_SRC), compiled as upstream ships it.
ifneq ($(SQLITE_SRC),)
$(SQLITE_OBJ): $(SQLITE_SRC)/sqlite3.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(OS_CPPFLAGS) -DSQLITE_OMIT_LOAD_EXTENSION -O2 -w -c -o $@ $<
$(SQLITE_SRC)/sqlite3.c:
	@echo "SQLITE_SRC=$(SQLITE_SRC) holds no sqlite3.c: give the folder of SQLite's" \
	    "amalgamation (sqlite3.c, sqlite3.h; https://sqlite.org/download.html)" >&2; exit 1
$(BUILD)/analysis/db_sqlite.o: override CPPFLAGS += $(SQLITE_CPPFLAGS)
endif

# Profiles are compiled in, so a runner copied into a VM knows them.
$(GEN_PROFILES): runner/embed-profiles.sh $(sort $(wildcard profiles/*.profile))
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)
	$(Q)sh runner/embed-profiles.sh $(sort $(wildcard profiles/*.profile)) > $@.tmp && mv $@.tmp $@
$(BUILD)/gen/profiles_builtin.o: $(GEN_PROFILES)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# The revision is rebuilt into version.o only when it changes.
$(BUILD)/git-rev: FORCE
	@mkdir -p $(dir $@)
	@echo '$(GIT_REV)' | cmp -s - $@ || echo '$(GIT_REV)' > $@
$(BUILD)/core/version.o: $(BUILD)/git-rev
$(BUILD)/core/version.o: override CPPFLAGS += -DVS_GIT_REV='"$(GIT_REV)"'

$(BASE_LIB): $(call obj,$(BASE_SRC))
	$(call say,AR,$@)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(RUNNER_LIB): $(call obj,$(RUNNER_SRC)) $(RUNNER_OBJ_EXTRA)
	$(call say,AR,$@)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

# The runner is static so that it can be copied into any VM.
$(BIN)/vsbench$(EXE): $(VSBENCH_OBJ) $(RUNNER_LIB) $(BASE_LIB)
	@mkdir -p $(dir $@)
	$(call say,LINK,$@)
	$(Q)$(CC) $(STATIC) $(LDFLAGS) -o $@ $(VSBENCH_OBJ) $(RUNNER_LIB) $(BASE_LIB) $(INIH_LIBS) $(HDR_LIBS) \
	    $(CRYPTO_LIBS) $(OS_LIBS) \
	    2>$(BUILD)/link.log || { cat $(BUILD)/link.log; rm -f $@; exit 1; }
	@# glibc warns that static getaddrinfo needs NSS modules for host names;
	@# numeric addresses (what VMs use) need nothing. Show any other warning.
	@grep -v -e 'requires at runtime the shared' -e ': in function' $(BUILD)/link.log || true

# The history engines chosen (HAVE_SQLITE, HAVE_LIBPQ, SQLITE_SRC): when they
# change, what links them is linked again.
DB_CONFIG := $(BUILD)/db-config
$(DB_CONFIG): FORCE
	@mkdir -p $(dir $@)
	@echo '$(DB_SRC) $(SQLITE_SRC)' | cmp -s - $@ || echo '$(DB_SRC) $(SQLITE_SRC)' > $@
linked = $(filter-out $(DB_CONFIG),$^)

$(BIN)/vsreport$(EXE): $(call obj,reports/vsreport.c) $(REPORT_LIB_OBJ) $(BASE_LIB) $(DB_CONFIG)
	@mkdir -p $(dir $@)
	$(call say,LINK,$@)
	$(Q)$(CC) $(EXE_LDFLAGS) $(LDFLAGS) -o $@ $(linked) $(REPORT_LIBS) $(HDR_LIBS) $(OS_LIBS)

$(BUILD)/analysis/db_pg.o: override CPPFLAGS += $(PQ_CPPFLAGS)

# core/latency.c wraps HdrHistogram_c (mk/deps.mk), which both binaries link.
$(call obj,core/latency.c): | $(HDR_DEPS)
$(call obj,core/latency.c): override CPPFLAGS += $(HDR_CPPFLAGS)

# vsreport as a build without any history engine would be (for the tests).
NODB_OBJ := $(filter-out $(call obj,$(DB_SRC)) $(SQLITE_OBJ),$(REPORT_LIB_OBJ)) $(DB_STUB_OBJ)
$(BUILD)/vsreport-nodb$(EXE): $(call obj,reports/vsreport.c) $(NODB_OBJ) $(BASE_LIB)
	$(call say,LINK,$@)
	$(Q)$(CC) $(EXE_LDFLAGS) $(LDFLAGS) -o $@ $^ $(REPORT_BASE_LIBS) $(HDR_LIBS) $(OS_LIBS)

# ---- tests -----------------------------------------------------------------

$(UNIT_BIN): $(call obj,$(UNIT_SRC)) $(REPORT_LIB_OBJ) $(RUNNER_LIB) $(BASE_LIB) $(DB_CONFIG)
	@mkdir -p $(dir $@)
	$(call say,LINK,$@)
	$(Q)$(CC) $(EXE_LDFLAGS) $(LDFLAGS) -o $@ $(linked) $(CUNIT_LIBS) $(REPORT_LIBS) $(ORACLE_LIBS) \
	    $(INIH_LIBS) $(HDR_LIBS) $(CRYPTO_LIBS) $(OS_LIBS)

unit-test: $(UNIT_BIN) ## CUnit suites (tests/unit; one file per suite)
	$(UNIT_BIN)

# A misbehaving peer for the hostile tests (tests/tools/hostile.c).
HOSTILE_BIN := $(BUILD)/tests/hostile$(EXE)
$(HOSTILE_BIN): $(call obj,tests/tools/hostile.c) $(RUNNER_LIB) $(BASE_LIB)
	@mkdir -p $(dir $@)
	$(call say,LINK,$@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(CRYPTO_LIBS) $(OS_LIBS)

integration-test: all $(HOSTILE_BIN) ## the real binaries on loopback (tests/integration)
	HOSTILE=$(abspath $(HOSTILE_BIN)) tests/integration/run.sh

netns-test: all ## two hosts in network namespaces (tests/netns)
	tests/netns/run.sh
	tests/netns/compare.sh
	tests/netns/facts.sh
	tests/netns/latency.sh

# Both history engines: a throw-away PostgreSQL cluster on a unix socket.
history-test: all $(BUILD)/vsreport-nodb$(EXE) ## the history on SQLite and a throw-away PostgreSQL
	tests/history/run.sh

check-sizes: ## no function over 60 lines, no file over 600
	ci/check-sizes.sh

# make test: its Debian packages first, the build (parallel under -j), then
# every suite one after another: the timed suites (sweeps, compare verdicts)
# must not share the CPUs with each other.
test: deps-test ## everything CI runs first (installs its Debian packages first)
	+$(Q)$(MAKE) --no-print-directory all $(UNIT_BIN) $(BUILD)/vsreport-nodb$(EXE)
	+$(Q)$(MAKE) --no-print-directory -j1 tests
tests: check-sizes deps-check unit-test gsl-check integration-test netns-test history-test

# No shipped binary links GSL; the unit tests, which do, prove the check sees it.
gsl-check: all $(UNIT_BIN) ## no shipped binary links GSL (tests/no-gsl.sh)
	tests/no-gsl.sh --control $(UNIT_BIN) $(BIN)/vsbench$(EXE) $(BIN)/vsreport$(EXE)

# The unit tests and a real serve/run pair under valgrind.
memcheck: deps-memcheck ## unit tests and a serve/run pair under valgrind
	+$(Q)$(MAKE) --no-print-directory all $(UNIT_BIN)
	tests/memcheck.sh

# ---- sanitizers and fuzzing -----------------------------------------------

# Both binaries and the unit tests with AddressSanitizer and UBSan in their
# own build directory (dynamic: the sanitizers refuse -static), then the
# unit and integration tests with them; any report fails the run.
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
ASAN_DIR := build/asan-$(TRIPLET)
asan: deps-asan ## ASan+UBSan builds (build/asan-*), then the unit and integration tests with them
	+$(Q)$(MAKE) --no-print-directory BUILD=$(ASAN_DIR) BIN=$(ASAN_DIR)/bin STATIC= \
	    CFLAGS="-O1 -g $(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" $(ASAN_DIR)/bin/vsbench \
	    $(ASAN_DIR)/bin/vsreport $(ASAN_DIR)/tests/unit_tests
	tests/asan.sh $(ASAN_DIR)

# libFuzzer targets (tests/fuzz/fuzz_*.c), built with clang, ASan and UBSan
# in build/fuzz-*; each runs FUZZ_SECONDS from its seed corpus
# (tests/fuzz/corpus/NAME) and prints its executions; a crash fails.
FUZZ_SECONDS ?= 60
# clang knows some of gcc's warning options by other names; ethtool's
# variable-sized header inside a struct is the GNU extension the kernel API needs.
CLANG_WARN := -Wno-unknown-warning-option -Wno-gnu-variable-sized-type-not-at-end
FUZZ_DIR := build/fuzz-$(TRIPLET)
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
fuzz: deps-fuzz ## libFuzzer on the decoders, frame reader, CSV, profile, results loader, latency logs (FUZZ_SECONDS each)
	+$(Q)$(MAKE) --no-print-directory CC=clang BUILD=$(FUZZ_DIR) \
	    CFLAGS="-O1 -g $(SAN_FLAGS) -fsanitize=fuzzer-no-link $(CLANG_WARN)" \
	    $(FUZZ_NAMES:%=$(FUZZ_DIR)/fuzz/%)
	tests/fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_NAMES)

$(BUILD)/fuzz/%: $(BUILD)/tests/fuzz/fuzz_%.o $(REPORT_LIB_OBJ) $(RUNNER_LIB) $(BASE_LIB)
	@mkdir -p $(dir $@)
	$(call say,LINK,$@)
	$(Q)$(CC) $(SAN_FLAGS) -fsanitize=fuzzer -o $@ $^ $(REPORT_LIBS) $(INIH_LIBS) $(HDR_LIBS) \
	    $(CRYPTO_LIBS) $(OS_LIBS)
$(call obj,$(wildcard tests/fuzz/*.c)): override CPPFLAGS += $(REPORT_CPPFLAGS)

vm-test: deps-vm ## vsock for real inside a QEMU guest (tests/vm)
	+$(Q)$(MAKE) --no-print-directory $(BIN)/vsbench$(EXE) $(BIN)/vsreport$(EXE)
	tests/vm/run.sh $(BIN)/vsbench$(EXE)

# ---- reports ---------------------------------------------------------------

report: deps-report ## a quick sweep on this machine -> out/report/index.html (installs its Debian packages first)
	+$(Q)$(MAKE) --no-print-directory all
	ci/make-report.sh

# Benchmarks: they report, they never fail on a figure (docs/bench.md); the
# last times vsreport on a 200 MB runs.csv. deps-bench installs what
# Debian's main has; ci/bench.sh adds non-free for netperf when needed.
bench: deps-bench ## vsbench vs netperf and iperf3, loopback and veth (BENCH_QUICK=1: ~5 min); vsreport on 200 MB
	+$(Q)$(MAKE) --no-print-directory all
	ci/bench.sh
	ci/bench-rr.sh
	ci/bench-reader.sh

# A nightly regression check on this machine (docs/nightly.md).
nightly: deps-report ## the nightly regression check on this machine (docs/nightly.md)
	+$(Q)$(MAKE) --no-print-directory all
	ci/nightly

# ---- Windows ---------------------------------------------------------------

MINGW_CC ?= x86_64-w64-mingw32-gcc
WIN_BUILD := build/$(shell $(MINGW_CC) -dumpmachine 2>/dev/null)
WIN_EXES := bin/win64/vsbench.exe bin/win64/vsreport.exe
WIN_ZIP := bin/vsbench-win64.zip

windows: deps-windows ## bin/win64/vsbench.exe and vsreport.exe with MinGW (-Werror clean)
	$(MAKE) CC=$(MINGW_CC) all

# Under wine, against the Linux build: the runner's interop, the unit
# suites, the outputs byte for byte, a sweep with Ctrl-C and --resume,
# and the zip in a fresh prefix (docs/windows.md).
windows-test: windows-dist all $(UNIT_BIN) ## the Windows build under wine, against Linux (tests/windows)
	$(MAKE) CC=$(MINGW_CC) deps-check $(WIN_BUILD)/tests/unit_tests.exe \
	    $(WIN_BUILD)/tests/fake_gnuplot.exe
	tests/no-gsl.sh $(WIN_EXES)
	tests/windows/run.sh
	tests/windows/unit.sh $(UNIT_BIN) $(WIN_BUILD)/tests/unit_tests.exe
	tests/windows/identity.sh
	tests/windows/sweep.sh
	tests/windows/dist.sh $(WIN_ZIP) $(WIN_BUILD)/tests/fake_gnuplot.exe

# A stand-in for gnuplot.exe in the tests (tests/windows/fake_gnuplot.c).
$(BUILD)/tests/fake_gnuplot$(EXE): $(BUILD)/tests/windows/fake_gnuplot.o
	$(call say,LINK,$@)
	$(Q)$(CC) $(EXE_LDFLAGS) $(LDFLAGS) -o $@ $^

# A zip to copy into a Windows VM: both exes, README, LICENSE, the
# third-party notices, docs and profiles, in one folder.
WIN_DIST := build/dist/vsbench-win64
windows-dist: windows ## bin/vsbench-win64.zip to copy into a Windows VM
	$(MAKE) CC=$(MINGW_CC) notices
	rm -rf $(WIN_DIST) && mkdir -p $(WIN_DIST)/profiles $(WIN_DIST)/docs
	cp $(WIN_EXES) README.md LICENSE $(WIN_BUILD)/THIRD-PARTY-NOTICES.txt $(WIN_DIST)/
	cp docs/*.md docs/*.1 $(WIN_DIST)/docs/
	cp profiles/*.profile $(WIN_DIST)/profiles/
	cd $(dir $(WIN_DIST)) && rm -f $(CURDIR)/$(WIN_ZIP) && zip -qrX $(CURDIR)/$(WIN_ZIP) $(notdir $(WIN_DIST))
	@echo "$(WIN_ZIP): $$(stat -c %s $(WIN_ZIP)) bytes"

# ---- install ---------------------------------------------------------------

install: all ## binaries, profiles and man pages under PREFIX (/usr/local)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/vsbench/profiles
	install -m 755 $(BIN)/vsbench $(BIN)/vsreport $(DESTDIR)$(PREFIX)/bin/
	install -m 644 profiles/*.profile $(DESTDIR)$(PREFIX)/share/vsbench/profiles/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 docs/vsbench.1 docs/vsreport.1 $(DESTDIR)$(PREFIX)/share/man/man1/

clean: ## remove build/, bin/ and out/
	rm -rf build bin out

FORCE:

-include $(shell find build -name '*.d' 2>/dev/null)
