# Run by CPack (CPACK_PRE_BUILD_SCRIPTS) on the staged install, after
# `cmake --install` and before the .deb is built: what Debian's policy asks of
# a package and a plain install does not need.
#
# - The man page and the changelog gzip-compressed (gzip -9n: no name or time
#   stamp, so the package stays reproducible); CHANGELOG.md becomes
#   changelog.gz, in Debian's changelog format (below).
# - The fonts: share/lerbrief/fonts/*.ttf are byte-identical to Debian's
#   fonts-liberation2 (fonts/README.md), which the package depends on, so each
#   becomes a relative link to /usr/share/fonts/truetype/liberation2/. The
#   binary opens them through the links as it opens any file in fonts/.
file(GLOB_RECURSE staged_bins LIST_DIRECTORIES false "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/bin/lerbrief")
list(LENGTH staged_bins n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "deb-layout: expected one bin/lerbrief under ${CPACK_TEMPORARY_INSTALL_DIRECTORY}, found ${n}")
endif()
cmake_path(GET staged_bins PARENT_PATH bin)
cmake_path(GET bin PARENT_PATH prefix)
set(share "${prefix}/share")

file(GLOB ttfs "${share}/lerbrief/fonts/*.ttf")
foreach(ttf IN LISTS ttfs)
  cmake_path(GET ttf FILENAME name)
  file(REMOVE "${ttf}")
  file(CREATE_LINK "../../fonts/truetype/liberation2/${name}" "${ttf}" SYMBOLIC)
endforeach()

# A native package's changelog.gz is read as a Debian changelog (lintian), so
# CHANGELOG.md's released sections become Debian changelog entries: a "## [x]
# - date" heading an entry, its "- " items the entry's "  * " items, with the
# ### headings and other prose left out ([Unreleased] too).
set(md "${share}/doc/lerbrief/CHANGELOG.md")
file(STRINGS "${md}" lines)
set(debian "")
set(in_release FALSE)
set(trailer "")
foreach(line IN LISTS lines)
  if(line MATCHES "^## \\[([^]]+)\\]( - ([0-9]+-[0-9]+-[0-9]+))?")
    string(APPEND debian "${trailer}")
    set(trailer "")
    set(in_release FALSE)
    if(NOT CMAKE_MATCH_1 STREQUAL "Unreleased")
      set(version "${CMAKE_MATCH_1}")
      execute_process(COMMAND date -u -R -d "${CMAKE_MATCH_3} 00:00" OUTPUT_VARIABLE when
                      OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
      if(debian)
        string(APPEND debian "\n")
      endif()
      string(APPEND debian "${CPACK_PACKAGE_NAME} (${version}) unstable; urgency=medium\n\n")
      set(trailer "\n -- ${CPACK_DEBIAN_PACKAGE_MAINTAINER}  ${when}\n")
      set(in_release TRUE)
    endif()
  elseif(in_release AND line MATCHES "^- (.*)")
    string(APPEND debian "  * ${CMAKE_MATCH_1}\n")
  elseif(in_release AND line MATCHES "^  ([^ ].*)")
    string(APPEND debian "    ${CMAKE_MATCH_1}\n")
  endif()
endforeach()
string(APPEND debian "${trailer}")
if(NOT debian)
  message(FATAL_ERROR "deb-layout: no released section in ${md}")
endif()
file(REMOVE "${md}")
file(WRITE "${share}/doc/lerbrief/changelog" "${debian}")
foreach(f "${share}/man/man1/lerbrief.1" "${share}/doc/lerbrief/changelog")
  execute_process(COMMAND gzip -9nf "${f}" COMMAND_ERROR_IS_FATAL ANY)
endforeach()
