# Hardening for optimised builds, as Debian's dpkg-buildflags gives packages:
# fortified libc calls (-D_FORTIFY_SOURCE=2, which needs optimisation), a
# stack protector, a position-independent executable, and relocations made
# read-only before main (-z relro -z now). Sanitizer and fuzz builds leave it
# out: ASan replaces the libc functions _FORTIFY_SOURCE wraps.
# `lintian` on the package checks the result (tests/cli/package_test.cpp).
if(NOT LERBRIEF_SANITIZE AND NOT LERBRIEF_FUZZ AND CMAKE_BUILD_TYPE MATCHES "^(Release|RelWithDebInfo|MinSizeRel)$")
  include(CheckPIESupported)
  check_pie_supported(LANGUAGES C CXX)
  set(CMAKE_POSITION_INDEPENDENT_CODE ON)
  # -U first: some compilers (Ubuntu's) already define _FORTIFY_SOURCE.
  add_compile_options(-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2 -fstack-protector-strong)
  add_link_options(LINKER:-z,relro LINKER:-z,now)
endif()
