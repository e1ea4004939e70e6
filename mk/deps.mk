# mk/deps.mk - third-party libraries built from pinned upstream archives
# (included by the Makefile after TRIPLET, BUILD, OS and OS_CPPFLAGS).
#
# Each archive is named below with its upstream, the commit it was made
# from and its SHA-256. The archives are looked for in THIRD_PARTY_DIR
# (../shared/third_party when it exists, else ./third_party); a missing
# one stops the build with the list of files to fetch. The checksum is
# verified before unpacking; a mismatch is refused. Sources are unpacked
# and built under build/<triplet>/deps/, each once (a stamp per archive):
#
#   deps/src/NAME-VERSION/   the pristine upstream tree
#   deps/include/            headers, laid out as an install would
#   deps/lib/                static libraries
#   deps/stamp/NAME.*        unpacked / built
#
# What is built depends on the target: on Linux only HdrHistogram_c (not
# packaged by Debian; the runner links it statically); for MinGW all of
# them (zlib comes from Debian's libz-mingw-w64-dev). For every library
# the rest of the build uses three variables, the same on every target:
#
#   X_CPPFLAGS   -I flags          X_LIBS   what to link (with its zlib)
#   X_DEPS       prerequisites (stamps) of anything compiled against X
#
# for X in HDR, INIH, CUNIT, JANSSON, XLSXWRITER; on Linux the last four
# are Debian's packages. Nothing from the archives is ever committed.
# `make deps` builds them, `make deps-list` prints the table,
# `make deps-check` links and runs a smoke program against each, and
# `make notices` writes build/<triplet>/THIRD-PARTY-NOTICES.txt.

THIRD_PARTY_DIR ?= $(if $(wildcard ../shared/third_party/SHA256SUMS),../shared/third_party,third_party)
DEPS_DIR := $(BUILD)/deps
DEPS_SRC := $(DEPS_DIR)/src
DEPS_OBJ := $(DEPS_DIR)/obj
DEPS_INC := $(DEPS_DIR)/include
DEPS_LIB := $(DEPS_DIR)/lib
DEPS_STAMP := $(DEPS_DIR)/stamp
# Upstream code is built as its release would be: optimised, its own
# warnings not ours (we do not patch it).
DEPS_CFLAGS ?= -O2 -g -w

# ---- the archives ----------------------------------------------------------
# dep_N_archive: file name; _dir: its top directory; _url: upstream tag;
# _commit: what `git archive --prefix=DIR/` was run on; _sha256: the pin.

dep_inih_archive := inih-r55.tar.gz
dep_inih_dir := inih-r55
dep_inih_url := https://github.com/benhoyt/inih/archive/refs/tags/r55.tar.gz
dep_inih_commit := f7f69c6cff2681d84bae371130b4a018cb2171e6
dep_inih_sha256 := 23f45135a077823e85f47721c6c1fa20de64a3e6b0646a88fc8b1859e9a10148

dep_cunit_archive := CUnit-2.1-3.tar.gz
dep_cunit_dir := CUnit-2.1-3
dep_cunit_url := https://github.com/jacklicn/CUnit/archive/refs/tags/v2.1-3.tar.gz
dep_cunit_commit := 069dffca8080d9bc9bac6ef3daa9312df41dc32d
dep_cunit_sha256 := afc5a8ab608765160f97f97302dadebcaf645777c66b2c83973326c26bcab618

dep_jansson_archive := jansson-2.14.tar.gz
dep_jansson_dir := jansson-2.14
dep_jansson_url := https://github.com/akheron/jansson/archive/refs/tags/v2.14.tar.gz
dep_jansson_commit := 684e18c927e89615c2d501737e90018f4930d6c5
dep_jansson_sha256 := 07db1532fc295f9b953ec9ae214b5a310e1f21ff3f61a5a9905b3084eb16512a

dep_xlsxwriter_archive := libxlsxwriter-1.1.4.tar.gz
dep_xlsxwriter_dir := libxlsxwriter-1.1.4
dep_xlsxwriter_url := https://github.com/jmcnamara/libxlsxwriter/archive/refs/tags/RELEASE_1.1.4.tar.gz
dep_xlsxwriter_commit := a699c57ba0db2abb361e362697d75b76b8a8ad66
dep_xlsxwriter_sha256 := 47d2a3da8dd670549965b4d2f68400869ed79916ff725b6fddcff915edfba507

dep_hdr_archive := HdrHistogram_c-0.9.4.tar.gz
dep_hdr_dir := HdrHistogram_c-0.9.4
dep_hdr_url := https://github.com/HdrHistogram/HdrHistogram_c/archive/refs/tags/HdrHistogram_c-0.9.4.tar.gz
dep_hdr_commit := 04db500b5f012db322b4c7ff2217c680b986fafe
dep_hdr_sha256 := ebaae69623773c5b6661c7a384f134687206f6ef83af79b97225b951113022fa

DEPS_ALL := inih cunit jansson xlsxwriter hdr
dep_stamp = $(DEPS_STAMP)/$(1).built

# ---- what each target builds and links -------------------------------------

HDR_CPPFLAGS := -I$(DEPS_INC)
HDR_DEPS := $(call dep_stamp,hdr)

ifeq ($(OS),win)
DEPS_BUILT := $(DEPS_ALL)
# -l:libz.a: zlib is linked statically even into a non -static link, so
# no zlib1.dll has to travel with the exes.
ZLIB_LIBS := -l:libz.a
INIH_CPPFLAGS := -I$(DEPS_INC)
INIH_LIBS := $(DEPS_LIB)/libinih.a
INIH_DEPS := $(call dep_stamp,inih)
CUNIT_CPPFLAGS := -I$(DEPS_INC)
CUNIT_LIBS := $(DEPS_LIB)/libcunit.a
CUNIT_DEPS := $(call dep_stamp,cunit)
JANSSON_CPPFLAGS := -I$(DEPS_INC)
JANSSON_LIBS := $(DEPS_LIB)/libjansson.a
JANSSON_DEPS := $(call dep_stamp,jansson)
XLSXWRITER_CPPFLAGS := -I$(DEPS_INC)
XLSXWRITER_LIBS := $(DEPS_LIB)/libxlsxwriter.a $(ZLIB_LIBS)
XLSXWRITER_DEPS := $(call dep_stamp,xlsxwriter)
else
DEPS_BUILT := hdr
# Debian's zlib1g-dev has libz.a: a -static link takes it.
ZLIB_LIBS := -lz
INIH_CPPFLAGS :=
INIH_LIBS := -linih
INIH_DEPS :=
CUNIT_CPPFLAGS :=
CUNIT_LIBS := -lcunit
CUNIT_DEPS :=
JANSSON_CPPFLAGS :=
JANSSON_LIBS := -ljansson
JANSSON_DEPS :=
XLSXWRITER_CPPFLAGS :=
XLSXWRITER_LIBS := -lxlsxwriter
XLSXWRITER_DEPS :=
endif
HDR_LIBS := $(DEPS_LIB)/libhdr_histogram.a $(ZLIB_LIBS)

.PHONY: deps deps-list deps-check
deps: $(foreach d,$(DEPS_BUILT),$(call dep_stamp,$(d))) ## build the pinned third-party libraries this target needs

# ---- fetch check, verify, unpack -------------------------------------------

dep_path = $(THIRD_PARTY_DIR)/$(dep_$(1)_archive)
DEPS_MISSING = $(foreach d,$(DEPS_BUILT),$(if $(wildcard $(call dep_path,$(d))),,$(d)))
dep_describe = printf '  %s\n      from   %s\n      sha256 %s\n      (git archive --prefix=%s/ %s)\n' \
    '$(dep_$(1)_archive)' '$(dep_$(1)_url)' '$(dep_$(1)_sha256)' '$(dep_$(1)_dir)' '$(dep_$(1)_commit)';

deps-list: ## the pinned source archives, their URLs and checksums
	@echo 'Source archives (THIRD_PARTY_DIR=$(THIRD_PARTY_DIR)); $(TRIPLET) builds: $(DEPS_BUILT)'
	@$(foreach d,$(DEPS_ALL),$(call dep_describe,$(d)))

# The message of a missing archive lists every missing one at once.
define dep_missing_message
{ echo 'deps: missing source archive(s) in THIRD_PARTY_DIR=$(THIRD_PARTY_DIR):'; \
  $(foreach d,$(DEPS_MISSING),$(call dep_describe,$(d))) \
  echo 'Download each into $(abspath $(THIRD_PARTY_DIR))/ under the name shown (or pass'; \
  echo 'THIRD_PARTY_DIR=DIR) and run make again. Each is verified against its SHA-256'; \
  echo 'and a file with other bytes is refused. A GitHub tag tarball can differ (its top'; \
  echo 'directory is named after the tag): then copy the file from the project mirror'; \
  echo '(../shared/third_party on development and CI machines) or make it in a clone of'; \
  echo 'the upstream with: git archive --format=tar.gz --prefix=DIR/ -o FILE COMMIT'; } >&2
endef

# verify and unpack archive N into $(DEPS_SRC)/DIR
define dep_unpack_rule
$(DEPS_STAMP)/$(1).unpacked: $(wildcard $(call dep_path,$(1))) mk/deps.mk
	@mkdir -p $(DEPS_SRC) $(DEPS_STAMP)
	@[ -f '$(call dep_path,$(1))' ] || { $(dep_missing_message); exit 1; }
	$(call say,SHA256,$(dep_$(1)_archive))
	@sum=$$$$(sha256sum < '$(call dep_path,$(1))' | cut -d' ' -f1); \
	[ "$$$$sum" = '$(dep_$(1)_sha256)' ] || { \
	    echo 'deps: $(call dep_path,$(1)) has SHA-256 '"$$$$sum"',' >&2; \
	    echo '      expected $(dep_$(1)_sha256) (mk/deps.mk): refusing to unpack it.' >&2; \
	    echo '      Fetch it again: $(dep_$(1)_url)' >&2; exit 1; }
	$(call say,UNPACK,$(DEPS_SRC)/$(dep_$(1)_dir))
	$(Q)rm -rf '$(DEPS_SRC)/$(dep_$(1)_dir)' && tar -xzf '$(call dep_path,$(1))' --no-same-owner -C $(DEPS_SRC)
	$(Q)[ -d '$(DEPS_SRC)/$(dep_$(1)_dir)' ] || { echo 'deps: $(dep_$(1)_archive) has no $(dep_$(1)_dir)/' >&2; exit 1; }
	@touch $$@
endef
$(foreach d,$(DEPS_ALL),$(eval $(call dep_unpack_rule,$(d))))

# ---- build -----------------------------------------------------------------
# dep_lib N LIB SRCDIR SOURCES CPPFLAGS: compile SOURCES (relative to
# SRCDIR) into $(DEPS_LIB)/LIB with mk/deplib.mk, from clean objects.
define dep_lib
$(call say,DEP,$(2))
$(Q)rm -rf '$(DEPS_OBJ)/$(1)' '$(DEPS_LIB)/$(2)'
+$(Q)$(MAKE) --no-print-directory -f mk/deplib.mk LIB='$(DEPS_LIB)/$(2)' SRCDIR='$(3)' \
    OBJDIR='$(DEPS_OBJ)/$(1)' SOURCES='$(4)' DEP_CPPFLAGS='$(5)' DEP_CFLAGS='$(DEPS_CFLAGS)' \
    CC='$(CC)' AR='$(AR)'
endef

dep_src = $(DEPS_SRC)/$(dep_$(1)_dir)

# HdrHistogram_c: its C files; headers under include/hdr/ as it installs
# them. MinGW has no getline(), which its log reader calls: mk/compat/
# provides one, for that target only.
HDR_SOURCES := hdr_encoding.c hdr_histogram.c hdr_histogram_log.c hdr_interval_recorder.c \
               hdr_thread.c hdr_time.c hdr_writer_reader_phaser.c
ifeq ($(OS),win)
HDR_COMPAT := $(abspath mk/compat)
HDR_BUILD_FLAGS := -include $(HDR_COMPAT)/getline.h -I$(HDR_COMPAT)
HDR_SOURCES += $(HDR_COMPAT)/getline.c
endif
$(call dep_stamp,hdr): $(DEPS_STAMP)/hdr.unpacked mk/deplib.mk $(wildcard mk/compat/*)
	$(call dep_lib,hdr,libhdr_histogram.a,$(call dep_src,hdr)/src,$(HDR_SOURCES),$(OS_CPPFLAGS) $(HDR_BUILD_FLAGS))
	$(Q)mkdir -p $(DEPS_INC)/hdr && cp $(call dep_src,hdr)/src/hdr_*.h $(DEPS_INC)/hdr/
	@touch $@

# inih: one file, with its defaults (what Debian's libinih is built with).
$(call dep_stamp,inih): $(DEPS_STAMP)/inih.unpacked mk/deplib.mk
	$(call dep_lib,inih,libinih.a,$(call dep_src,inih),ini.c,$(OS_CPPFLAGS))
	$(Q)mkdir -p $(DEPS_INC) && cp $(call dep_src,inih)/ini.h $(DEPS_INC)/
	@touch $@

# CUnit: its framework and the basic, automated and console interfaces,
# compiled directly (its build is autotools); CUnit.h is made from
# CUnit.h.in as its configure would (VERSION 2.1, RELEASE 3).
CUNIT_SOURCES := Framework/CUError.c Framework/MyMem.c Framework/TestDB.c Framework/TestRun.c \
                 Framework/Util.c Basic/Basic.c Automated/Automated.c Console/Console.c
$(call dep_stamp,cunit): $(DEPS_STAMP)/cunit.unpacked mk/deplib.mk
	$(Q)mkdir -p $(DEPS_INC)/CUnit && cp $(call dep_src,cunit)/CUnit/Headers/*.h $(DEPS_INC)/CUnit/
	$(Q)sed -e 's/@VERSION@/2.1/' -e 's/@RELEASE@/3/' $(call dep_src,cunit)/CUnit/Headers/CUnit.h.in \
	    > $(DEPS_INC)/CUnit/CUnit.h
	$(call dep_lib,cunit,libcunit.a,$(call dep_src,cunit)/CUnit/Sources,$(CUNIT_SOURCES),$(OS_CPPFLAGS) -I$(DEPS_INC)/CUnit)
	@touch $@

# jansson: its C files. jansson_config.h is made from its template with
# the values its configure finds for MinGW-w64 (inline, long long,
# localeconv, both atomic builtins); jansson_private_config.h is left
# empty and its settings (what jansson's CMake detects for MinGW-w64)
# are passed as -D flags.
JANSSON_SOURCES := dump.c error.c hashtable.c hashtable_seed.c load.c memory.c pack_unpack.c \
                   strbuffer.c strconv.c utf.c value.c version.c
JANSSON_BUILD_FLAGS := -DHAVE_CONFIG_H \
    $(foreach h,FCNTL_H SCHED_H UNISTD_H SYS_PARAM_H SYS_STAT_H SYS_TIME_H SYS_TYPES_H STDINT_H \
        CLOSE GETPID GETTIMEOFDAY OPEN READ SYNC_BUILTINS ATOMIC_BUILTINS LOCALE_H SETLOCALE \
        INT32_T UINT32_T UINT16_T UINT8_T SSIZE_T,-DHAVE_$(h)=1) \
    -DUSE_URANDOM=1 -DUSE_WINDOWS_CRYPTOAPI=1 -DINITIAL_HASHTABLE_ORDER=3
$(call dep_stamp,jansson): $(DEPS_STAMP)/jansson.unpacked mk/deplib.mk
	$(Q)mkdir -p $(DEPS_INC) $(DEPS_OBJ)/jansson-config
	$(Q)sed -e 's/@json_inline@/inline/' -e 's/@json_have_long_long@/1/' \
	    -e 's/@json_have_localeconv@/1/' -e 's/@json_have_atomic_builtins@/1/' \
	    -e 's/@json_have_sync_builtins@/1/' $(call dep_src,jansson)/src/jansson_config.h.in \
	    > $(DEPS_INC)/jansson_config.h
	$(Q)echo '/* empty: mk/deps.mk passes the settings as -D flags */' \
	    > $(DEPS_OBJ)/jansson-config/jansson_private_config.h
	$(call dep_lib,jansson,libjansson.a,$(call dep_src,jansson)/src,$(JANSSON_SOURCES),\
	    $(OS_CPPFLAGS) $(JANSSON_BUILD_FLAGS) -I$(DEPS_INC) -I$(DEPS_OBJ)/jansson-config)
	$(Q)cp $(call dep_src,jansson)/src/jansson.h $(DEPS_INC)/
	@touch $@

# libxlsxwriter: its C files and its bundled minizip, tmpfileplus and md5,
# with the definitions its CMake build uses for a static MinGW library.
# (Its CMake build wants a C++ compiler and its Makefile a MinGW shell.)
XLSXWRITER_SOURCES := $(addprefix src/,app.c chart.c chartsheet.c comment.c content_types.c core.c \
    custom.c drawing.c format.c hash_table.c metadata.c packager.c relationships.c shared_strings.c \
    styles.c table.c theme.c utility.c vml.c workbook.c worksheet.c xmlwriter.c) \
    third_party/minizip/ioapi.c third_party/minizip/zip.c \
    third_party/tmpfileplus/tmpfileplus.c third_party/md5/md5.c
$(call dep_stamp,xlsxwriter): $(DEPS_STAMP)/xlsxwriter.unpacked mk/deplib.mk
	$(call dep_lib,xlsxwriter,libxlsxwriter.a,$(call dep_src,xlsxwriter),$(XLSXWRITER_SOURCES),\
	    $(OS_CPPFLAGS) -DNOCRYPT -DNOUNCRYPT -DUSE_FILE32API -I$(call dep_src,xlsxwriter)/include)
	$(Q)mkdir -p $(DEPS_INC) && cp -R $(call dep_src,xlsxwriter)/include/. $(DEPS_INC)/
	@touch $@

# ---- link checks -----------------------------------------------------------
# tests/deps/*.c against what this target links: HdrHistogram_c exactly
# as the runner is linked (-static, zlib), the other libraries as
# vsreport and the unit tests link them (static for MinGW: no DLLs).

DEPS_SMOKE := $(BUILD)/tests/deps/hdr_smoke$(EXE) $(BUILD)/tests/deps/libs_smoke$(EXE)
DEPS_SMOKE_LDFLAGS := $(if $(filter win,$(OS)),-static)
LIBS_SMOKE_DEPS := $(CUNIT_DEPS) $(INIH_DEPS) $(JANSSON_DEPS) $(XLSXWRITER_DEPS)
LIBS_SMOKE_CPPFLAGS := $(sort $(CUNIT_CPPFLAGS) $(INIH_CPPFLAGS) $(JANSSON_CPPFLAGS) $(XLSXWRITER_CPPFLAGS))
LIBS_SMOKE_LIBS := $(CUNIT_LIBS) $(INIH_LIBS) $(JANSSON_LIBS) $(XLSXWRITER_LIBS)

$(BUILD)/tests/deps/hdr_smoke.o: $(HDR_DEPS)
$(BUILD)/tests/deps/hdr_smoke.o: override CPPFLAGS += $(HDR_CPPFLAGS)
$(BUILD)/tests/deps/hdr_smoke$(EXE): $(BUILD)/tests/deps/hdr_smoke.o $(HDR_DEPS)
	$(call say,LINK,$@)
	$(Q)$(CC) -static $(LDFLAGS) -o $@ $< $(HDR_LIBS) $(OS_LIBS)

$(BUILD)/tests/deps/libs_smoke.o: $(LIBS_SMOKE_DEPS)
$(BUILD)/tests/deps/libs_smoke.o: override CPPFLAGS += $(LIBS_SMOKE_CPPFLAGS)
$(BUILD)/tests/deps/libs_smoke$(EXE): $(BUILD)/tests/deps/libs_smoke.o $(LIBS_SMOKE_DEPS)
	$(call say,LINK,$@)
	$(Q)$(CC) $(DEPS_SMOKE_LDFLAGS) $(LDFLAGS) -o $@ $< $(LIBS_SMOKE_LIBS) $(OS_LIBS)

deps-check: $(DEPS_SMOKE) $(BUILD)/THIRD-PARTY-NOTICES.txt ## link and run the third-party libraries (tests/deps)
	tests/deps/run.sh $(DEPS_SMOKE)

# ---- notices ---------------------------------------------------------------
# THIRD-PARTY-NOTICES.txt for the binaries of this target (name, what
# uses it, its licence text), for a binary distribution such as the
# Windows zip. Keep the list in step with what the binaries link.

ifeq ($(OS),win)
NOTICES := \
    'MinGW-w64 runtime (ZPL-2.1)' 'vsbench.exe, vsreport.exe' \
        /usr/share/doc/mingw-w64-x86-64-dev/copyright \
    'inih r55 (BSD-3-Clause)' 'vsbench.exe (profiles)' \
        $(call dep_src,inih)/LICENSE.txt \
    'jansson 2.14 (MIT)' 'vsreport.exe' $(call dep_src,jansson)/LICENSE \
    'libxlsxwriter 1.1.4 (BSD-2-Clause)' 'vsreport.exe' $(call dep_src,xlsxwriter)/License.txt \
    'HdrHistogram_c 0.9.4 (CC0-1.0 or BSD-2-Clause)' 'vsbench.exe, vsreport.exe (latency)' \
        $(call dep_src,hdr)/LICENSE.txt \
    'zlib 1.2.13 (Zlib)' 'vsreport.exe, vsbench.exe (latency logs)' \
        /usr/share/doc/libz-mingw-w64-dev/copyright
NOTICES_DEPS := $(foreach d,inih jansson xlsxwriter hdr,$(call dep_stamp,$(d)))
else
NOTICES := \
    'GNU C Library (LGPL-2.1-or-later)' 'vsbench (static)' /usr/share/doc/libc6/copyright \
    'GNU Lesser General Public License 2.1' 'the GNU C Library' /usr/share/common-licenses/LGPL-2.1 \
    'inih, Debian libinih (BSD-3-Clause)' 'vsbench (static)' /usr/share/doc/libinih-dev/copyright \
    'Nettle, Debian nettle-dev (LGPL-3.0-or-later or GPL-2.0-or-later)' \
        'vsbench (static; HMAC-SHA256 for --auth-key)' /usr/share/doc/nettle-dev/copyright \
    'GNU Lesser General Public License 3' 'Nettle' /usr/share/common-licenses/LGPL-3 \
    'GNU General Public License 3 (which the LGPL 3 builds on)' 'Nettle' \
        /usr/share/common-licenses/GPL-3 \
    'HdrHistogram_c 0.9.4 (CC0-1.0 or BSD-2-Clause)' 'vsbench, vsreport (latency)' \
        $(call dep_src,hdr)/LICENSE.txt \
    'zlib, Debian zlib1g (Zlib)' 'vsbench (latency logs)' /usr/share/doc/zlib1g-dev/copyright
NOTICES_DEPS := $(call dep_stamp,hdr)
endif
# SQLite compiled in from its amalgamation (the Makefile's SQLITE_SRC).
ifneq ($(SQLITE_SRC),)
NOTICES += 'SQLite (public domain)' 'vsreport (history)' mk/sqlite-notice.txt
endif

.PHONY: notices
notices: $(BUILD)/THIRD-PARTY-NOTICES.txt ## what the binaries contain and their licences (build/TRIPLET/THIRD-PARTY-NOTICES.txt)
$(BUILD)/THIRD-PARTY-NOTICES.txt: mk/notices.sh mk/deps.mk $(NOTICES_DEPS)
	$(call say,GEN,$@)
	$(Q)mk/notices.sh $(TRIPLET) $(NOTICES) > $@.tmp && mv $@.tmp $@
