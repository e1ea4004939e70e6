# mk/deplib.mk - compile a third-party library's sources into one static
# library; run by mk/deps.mk as a sub-make (so `make -j` compiles them in
# parallel). Parameters, all given on the command line:
#
#   LIB           the .a to make
#   SRCDIR        where SOURCES are (relative names are taken from it;
#                 absolute ones as they are)
#   SOURCES       the .c files
#   OBJDIR        where the objects go
#   DEP_CPPFLAGS  DEP_CFLAGS  CC  AR

src_path = $(if $(filter /%,$(1)),$(1),$(SRCDIR)/$(1))
obj_path = $(OBJDIR)/$(basename $(subst /,_,$(patsubst /%,%,$(1)))).o
OBJS := $(foreach s,$(SOURCES),$(call obj_path,$(s)))

$(LIB): $(OBJS)
	@mkdir -p $(dir $@)
	@rm -f $@ && $(AR) rcs $@ $^

# one rule per source: sources may share a base name in different folders
define deplib_object
$(call obj_path,$(1)): $(call src_path,$(1))
	@mkdir -p $(OBJDIR)
	$(if $(filter 1,$(V)),,@)$(CC) $(DEP_CPPFLAGS) $(DEP_CFLAGS) -c -o $$@ $$<
endef
$(foreach s,$(SOURCES),$(eval $(call deplib_object,$(s))))
