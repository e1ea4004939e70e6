# vsbench - one non-recursive GNU Makefile for everything.
#
#   make              bin/vsbench (static) and bin/vsreport
#   make test         unit tests (CUnit) and integration tests
#   make report       a quick sweep on this machine -> out/report/index.html
#   make windows      bin/win64/vsbench.exe with x86_64-w64-mingw32-gcc
#   make vm-test      vsock for real inside a QEMU guest (tests/vm)
#   make netns-test   two hosts in network namespaces (tests/netns)
#   make bench        speed comparisons (not part of test)
#   make install      PREFIX=/usr/local
#   V=1               show full commands
#
# The target OS comes from the compiler (`$(CC) -dumpmachine`), not from
# uname, so `make CC=x86_64-w64-mingw32-gcc` is a Windows build.

CC ?= cc
ifeq ($(origin CC),default)
CC := gcc
endif
V ?= 0
Q := $(if $(filter 1,$(V)),,@)
say = $(if $(filter 1,$(V)),,@printf '  %-7s %s\n' $(1) $(2);)

TRIPLET := $(shell $(CC) -dumpmachine 2>/dev/null)
BUILD := build/$(TRIPLET)

ifneq (,$(findstring mingw,$(TRIPLET)))
OS := win
EXE := .exe
BIN := bin/win64
OS_CPPFLAGS := -D__USE_MINGW_ANSI_STDIO=1 -D_WIN32_WINNT=0x0A00
OS_LIBS := -lws2_32 -liphlpapi
STATIC := -static
else
OS := posix
EXE :=
BIN := bin
OS_CPPFLAGS := -D_GNU_SOURCE
OS_LIBS := -lpthread -lm
STATIC := -static
endif

CFLAGS ?= -O2 -g
WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wno-missing-field-initializers -Wno-format-truncation
override CFLAGS += -std=c11 $(WARN)
override CPPFLAGS += -I. $(OS_CPPFLAGS) -MMD -MP

GIT_REV := $(shell git describe --always --dirty --abbrev=10 2>/dev/null || echo unknown)

# ---- sources ---------------------------------------------------------------

PLATFORM_SRC := platform/err.c platform/addr.c platform/cpu.c platform/sysinfo.c \
                platform/hvsock.c \
                $(wildcard platform/*_$(OS).c)
CORE_SRC := $(PLATFORM_SRC) $(wildcard workloads/*.c) \
            $(filter-out runner/main.c runner/cmd_%.c,$(wildcard runner/*.c))
VSBENCH_SRC := runner/main.c $(wildcard runner/cmd_*.c)

obj = $(patsubst %.c,$(BUILD)/%.o,$(1))
GEN_PROFILES := $(BUILD)/gen/profiles_builtin.c
CORE_OBJ := $(call obj,$(CORE_SRC)) $(BUILD)/gen/profiles_builtin.o
VSBENCH_OBJ := $(call obj,$(VSBENCH_SRC))
CORE_LIB := $(BUILD)/libvscore.a

INIH_LIBS := -linih

.PHONY: all static test unit-test integration-test netns-test vm-test report \
        windows windows-test windows-dist bench install clean FORCE
.DEFAULT_GOAL := all

all: $(BIN)/vsbench$(EXE)

static: $(BIN)/vsbench$(EXE)

# ---- rules -----------------------------------------------------------------

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# The revision is rebuilt into version.o only when it changes.
$(BUILD)/git-rev: FORCE
	@mkdir -p $(dir $@)
	@echo '$(GIT_REV)' | cmp -s - $@ || echo '$(GIT_REV)' > $@
$(BUILD)/runner/version.o: $(BUILD)/git-rev
$(BUILD)/runner/version.o: override CPPFLAGS += -DVS_GIT_REV='"$(GIT_REV)"'

$(CORE_LIB): $(CORE_OBJ)
	$(call say,AR,$@)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

# The runner is static so that it can be copied into any VM.
$(BIN)/vsbench$(EXE): $(VSBENCH_OBJ) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(call say,LINK,$@)
	$(Q)$(CC) $(STATIC) $(LDFLAGS) -o $@ $(VSBENCH_OBJ) $(CORE_LIB) $(INIH_LIBS) $(OS_LIBS) 2>$(BUILD)/link.log \
	    || { cat $(BUILD)/link.log; rm -f $@; exit 1; }
	@# glibc warns that static getaddrinfo needs NSS modules for names; numeric
	@# addresses (what VMs use) need nothing. Show any other warning.
	@grep -v -e 'requires at runtime the shared' -e ': in function' $(BUILD)/link.log || true

clean:
	rm -rf build bin out

-include $(shell find build -name '*.d' 2>/dev/null)

# ---- tests -----------------------------------------------------------------

UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_BIN := $(BUILD)/tests/unit_tests$(EXE)

$(UNIT_BIN): $(call obj,$(UNIT_SRC)) $(CORE_LIB)
	$(call say,LINK,$@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $(call obj,$(UNIT_SRC)) $(CORE_LIB) -lcunit $(INIH_LIBS) $(OS_LIBS)

unit-test: $(UNIT_BIN)
	$(UNIT_BIN)

integration-test: all
	tests/integration/run.sh

test: unit-test integration-test netns-test

netns-test: all
	tests/netns/run.sh

# ---- Windows ---------------------------------------------------------------

MINGW_CC ?= x86_64-w64-mingw32-gcc

# A MinGW build of inih is needed for sweeps on Windows; without one the
# Windows runner is built without the sweep command (see docs/windows.md).
windows:
	$(MAKE) CC=$(MINGW_CC) INIH_LIBS= all

# Profiles are compiled in, so a runner copied into a VM knows them.
$(GEN_PROFILES): runner/embed-profiles.sh $(sort $(wildcard profiles/*.profile))
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)
	$(Q)sh runner/embed-profiles.sh $(sort $(wildcard profiles/*.profile)) > $@.tmp && mv $@.tmp $@
$(BUILD)/gen/profiles_builtin.o: $(GEN_PROFILES)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<
