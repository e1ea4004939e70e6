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
OS_LIBS := -lws2_32 -liphlpapi
else
OS := posix
EXE :=
BIN := bin
OS_CPPFLAGS := -D_GNU_SOURCE
OS_LIBS := -lpthread -lm
endif

CFLAGS ?= -O2 -g
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

# inih reads sweep profiles: Debian's libinih on Linux. For MinGW it is
# compiled from a checkout given as INIH_SRC; without one the Windows
# runner has every command but sweep.
ifeq ($(OS),posix)
INIH_CPPFLAGS := $(shell pkg-config --cflags inih 2>/dev/null)
INIH_OBJ :=
INIH_LIBS := $(or $(shell pkg-config --libs inih 2>/dev/null),-linih)
HAVE_INIH := 1
else ifneq ($(INIH_SRC),)
INIH_CPPFLAGS := -I$(INIH_SRC)
INIH_OBJ := $(BUILD)/inih/ini.o
INIH_LIBS :=
HAVE_INIH := 1
else
HAVE_INIH := 0
INIH_CPPFLAGS :=
INIH_LIBS :=
endif

SWEEP_SRC := runner/profile.c runner/matrix.c runner/sweep.c runner/cmd_sweep.c
PLATFORM_SRC := platform/err.c platform/addr.c platform/cpu.c platform/sysinfo.c \
                platform/facts.c platform/facts_parse.c platform/facts_netparse.c \
                platform/hvsock.c platform/net.c platform/fs.c $(wildcard platform/*_$(OS).c)
# Layers (docs/architecture.md): libvsbase.a is core/ (the vocabulary both
# binaries share) and platform/ (OS code); libvsrunner.a is runner/ and
# workloads/ without the commands. vsreport links only libvsbase.a.
BASE_SRC := $(wildcard core/*.c) $(PLATFORM_SRC)
RUNNER_SRC := $(wildcard workloads/*.c) \
              $(filter-out runner/main.c runner/cmd_%.c $(SWEEP_SRC),$(wildcard runner/*.c))
GEN_PROFILES := $(BUILD)/gen/profiles_builtin.c

ifeq ($(HAVE_INIH),1)
RUNNER_SRC += $(filter-out runner/cmd_sweep.c,$(SWEEP_SRC))
RUNNER_OBJ_EXTRA := $(BUILD)/gen/profiles_builtin.o $(INIH_OBJ)
VSBENCH_SRC := runner/main.c $(filter-out runner/cmd_sweep_none.c,$(wildcard runner/cmd_*.c))
else
RUNNER_OBJ_EXTRA :=
VSBENCH_SRC := runner/main.c $(filter-out runner/cmd_sweep.c,$(wildcard runner/cmd_*.c))
endif

BASE_LIB := $(BUILD)/libvsbase.a
RUNNER_LIB := $(BUILD)/libvsrunner.a
VSBENCH_OBJ := $(call obj,$(VSBENCH_SRC))

# History engines (analysis/db.h): SQLite and PostgreSQL's libpq where
# pkg-config finds them (HAVE_SQLITE=0 / HAVE_LIBPQ=0 to leave one out).
# A build without an engine links its *_none.c stub, and `vsreport
# history` says what the build lacks. Only vsreport links them; the
# runner vsbench stays static without them.
ifeq ($(OS),posix)
HAVE_SQLITE ?= $(shell pkg-config --exists sqlite3 2>/dev/null && echo 1 || echo 0)
HAVE_LIBPQ ?= $(shell pkg-config --exists libpq 2>/dev/null && echo 1 || echo 0)
else
HAVE_SQLITE ?= 0
HAVE_LIBPQ ?= 0
endif
DB_SRC := analysis/db_sqlite$(if $(filter 1,$(HAVE_SQLITE)),,_none).c \
          analysis/db_pg$(if $(filter 1,$(HAVE_LIBPQ)),,_none).c
DB_LIBS := $(if $(filter 1,$(HAVE_SQLITE)),-lsqlite3) $(if $(filter 1,$(HAVE_LIBPQ)),-lpq)
PQ_CPPFLAGS := $(if $(filter 1,$(HAVE_LIBPQ)),$(shell pkg-config --cflags libpq 2>/dev/null))
DB_STUB_OBJ := $(call obj,analysis/db_sqlite_none.c analysis/db_pg_none.c)

REPORT_LIB_SRC := $(filter-out analysis/db_%.c,$(wildcard analysis/*.c)) $(DB_SRC) \
                  $(filter-out reports/vsreport.c,$(wildcard reports/*.c))
REPORT_LIB_OBJ := $(call obj,$(REPORT_LIB_SRC))

# Libraries come from pkg-config (every one ships a .pc in Debian), each
# named with the Debian package that brings it: a missing one stops the
# build with one line naming the package instead of a compiler error.
# (The history engines are optional; see HAVE_SQLITE, HAVE_LIBPQ above.)
REPORT_PKGS := jansson=libjansson-dev xlsxwriter=libxlsxwriter-dev
RUNNER_PKGS := inih=libinih-dev
TEST_PKGS := cunit=libcunit1-dev gsl=libgsl-dev
pc_modules = $(foreach p,$(1),$(firstword $(subst =, ,$(p))))
REPORT_CPPFLAGS := $(shell pkg-config --cflags $(call pc_modules,$(REPORT_PKGS)) 2>/dev/null)
REPORT_BASE_LIBS := $(shell pkg-config --libs $(call pc_modules,$(REPORT_PKGS)) 2>/dev/null) -lm
REPORT_LIBS := $(REPORT_BASE_LIBS) $(DB_LIBS)

UNIT_SRC := $(wildcard tests/unit/*.c)
# GSL (GPL-3) is only the oracle of analysis/tdist.c in the Linux unit
# tests; no shipped binary links it (make gsl-check).
ifeq ($(OS),posix)
ORACLE_LIBS := -lgsl -lgslcblas
else
UNIT_SRC := $(filter-out tests/unit/test_tdist_gsl.c,$(UNIT_SRC))
ORACLE_LIBS :=
endif
UNIT_BIN := $(BUILD)/tests/unit_tests$(EXE)

.PHONY: all static test unit-test gsl-check integration-test netns-test history-test vm-test \
        report nightly memcheck windows windows-test windows-dist bench install clean help \
        check-sizes FORCE libs-report libs-runner libs-test
.DEFAULT_GOAL := all

ifeq ($(OS),posix)
all: $(BIN)/vsbench$(EXE) $(BIN)/vsreport$(EXE) ## bin/vsbench (static) and bin/vsreport
else
all: $(BIN)/vsbench$(EXE)
endif

# The default build is already static; `make static` is its other name.
static: $(BIN)/vsbench$(EXE) ## bin/vsbench alone (static, copy it into any VM)

help: ## this list
	@echo "make TARGET (V=1 shows full commands; CC=x86_64-w64-mingw32-gcc builds for Windows)"
	@sed -n 's/^\([a-z-]*\):.*## \(.*\)/  \1\t\2/p' $(MAKEFILE_LIST) | expand -t 20

# ---- libraries --------------------------------------------------------------

# check_pkgs: fail with the Debian packages to install for missing modules.
check_pkgs = @missing=; for p in $(1); do pkg-config --exists "$${p%%=*}" || \
	missing="$$missing $${p\#*=}"; done; [ -z "$$missing" ] || { echo "missing libraries:" \
	"apt-get install$$missing (ci/debian-packages.txt lists everything)" >&2; exit 1; }

libs-report:
	$(call check_pkgs,pkg-config=pkg-config $(REPORT_PKGS))
libs-runner:
	$(call check_pkgs,pkg-config=pkg-config $(RUNNER_PKGS))
libs-test:
	$(call check_pkgs,pkg-config=pkg-config $(TEST_PKGS))

# ---- rules -----------------------------------------------------------------

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(CPPFLAGS) $(INIH_CPPFLAGS) $(CFLAGS) -c -o $@ $<

# Objects that include a library's headers wait for the check above.
ifeq ($(OS),posix)
$(REPORT_LIB_OBJ) $(call obj,reports/vsreport.c): | libs-report
$(REPORT_LIB_OBJ) $(call obj,reports/vsreport.c): override CPPFLAGS += $(REPORT_CPPFLAGS)
$(call obj,runner/profile.c): | libs-runner
$(call obj,$(UNIT_SRC)): | libs-test
endif

$(BUILD)/inih/ini.o: $(INIH_SRC)/ini.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(CPPFLAGS) $(INIH_CPPFLAGS) -O2 -c -o $@ $<

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
	$(Q)$(CC) -static $(LDFLAGS) -o $@ $(VSBENCH_OBJ) $(RUNNER_LIB) $(BASE_LIB) $(INIH_LIBS) $(OS_LIBS) \
	    2>$(BUILD)/link.log || { cat $(BUILD)/link.log; rm -f $@; exit 1; }
	@# glibc warns that static getaddrinfo needs NSS modules for host names;
	@# numeric addresses (what VMs use) need nothing. Show any other warning.
	@grep -v -e 'requires at runtime the shared' -e ': in function' $(BUILD)/link.log || true

$(BIN)/vsreport$(EXE): $(call obj,reports/vsreport.c) $(REPORT_LIB_OBJ) $(BASE_LIB)
	@mkdir -p $(dir $@)
	$(call say,LINK,$@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(REPORT_LIBS) $(OS_LIBS)

$(BUILD)/analysis/db_pg.o: override CPPFLAGS += $(PQ_CPPFLAGS)

# vsreport as a build without any history engine would be (for the tests).
NODB_OBJ := $(filter-out $(call obj,$(DB_SRC)),$(REPORT_LIB_OBJ)) $(DB_STUB_OBJ)
$(BUILD)/vsreport-nodb$(EXE): $(call obj,reports/vsreport.c) $(NODB_OBJ) $(BASE_LIB)
	$(call say,LINK,$@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(REPORT_BASE_LIBS) $(OS_LIBS)

# ---- tests -----------------------------------------------------------------

$(UNIT_BIN): $(call obj,$(UNIT_SRC)) $(REPORT_LIB_OBJ) $(RUNNER_LIB) $(BASE_LIB)
	@mkdir -p $(dir $@)
	$(call say,LINK,$@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(CUNIT_LIBS) $(REPORT_LIBS) $(ORACLE_LIBS) $(INIH_LIBS) $(OS_LIBS)

unit-test: $(UNIT_BIN) ## CUnit suites (tests/unit; one file per suite)
	$(UNIT_BIN)

integration-test: all ## the real binaries on loopback (tests/integration)
	tests/integration/run.sh

netns-test: all ## two hosts in network namespaces (tests/netns)
	tests/netns/run.sh
	tests/netns/compare.sh
	tests/netns/facts.sh

# Both history engines: a throw-away PostgreSQL cluster on a unix socket.
history-test: all $(BUILD)/vsreport-nodb$(EXE) ## the history on SQLite and a throw-away PostgreSQL
	tests/history/run.sh

check-sizes: ## no function over 60 lines, no file over 600
	ci/check-sizes.sh

test: check-sizes deps-check unit-test gsl-check integration-test netns-test history-test ## everything CI runs first

# No shipped binary links GSL; the unit tests, which do, prove the check sees it.
gsl-check: all $(UNIT_BIN) ## no shipped binary links GSL (tests/no-gsl.sh)
	tests/no-gsl.sh --control $(UNIT_BIN) $(BIN)/vsbench$(EXE) $(BIN)/vsreport$(EXE)

# The unit tests and a real serve/run pair under valgrind.
memcheck: all $(UNIT_BIN) ## unit tests and a serve/run pair under valgrind
	tests/memcheck.sh

vm-test: $(BIN)/vsbench$(EXE) ## vsock for real inside a QEMU guest (tests/vm)
	tests/vm/run.sh $(BIN)/vsbench$(EXE)

# ---- reports ---------------------------------------------------------------

report: all ## a quick sweep on this machine -> out/report/index.html
	ci/make-report.sh

# A benchmark: it reports, it never fails on a figure (docs/bench.md).
bench: all ## vsbench vs netperf and iperf3, loopback and veth (BENCH_QUICK=1: ~5 min)
	ci/bench.sh

# A nightly regression check on this machine (docs/nightly.md).
nightly: all ## the nightly regression check on this machine (docs/nightly.md)
	ci/nightly

# ---- Windows ---------------------------------------------------------------

MINGW_CC ?= x86_64-w64-mingw32-gcc

windows: ## bin/win64/vsbench.exe with MinGW (-Werror clean)
	$(MAKE) CC=$(MINGW_CC) all

windows-test: windows all ## the Windows runner under wine, against Linux (tests/windows)
	$(MAKE) CC=$(MINGW_CC) deps-check
	tests/no-gsl.sh bin/win64/*.exe
	tests/windows/run.sh

# A zip to copy into a Windows VM: the runner, README, profiles, docs,
# LICENSE and the third-party notices.
windows-dist: windows ## bin/vsbench-win64.zip to copy into a Windows VM
	$(MAKE) CC=$(MINGW_CC) notices
	rm -rf build/dist/vsbench-win64 && mkdir -p build/dist/vsbench-win64/profiles
	cp bin/win64/vsbench.exe README.md LICENSE docs/windows.md build/dist/vsbench-win64/
	cp build/x86_64-w64-mingw32/THIRD-PARTY-NOTICES.txt build/dist/vsbench-win64/
	cp profiles/*.profile build/dist/vsbench-win64/profiles/
	cd build/dist && rm -f ../../bin/vsbench-win64.zip && zip -qr ../../bin/vsbench-win64.zip vsbench-win64
	@echo "bin/vsbench-win64.zip"

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
