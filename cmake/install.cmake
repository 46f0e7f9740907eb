# `cmake --install` and the Debian package (CPack).
#
#   bin/lerbrief
#   share/lerbrief/{fonts,layouts,data,starter,starter-es,strings,schema}   found by src/app/paths.cpp
#                                                         relative to bin/
#   share/man/man1/lerbrief.1
#   share/bash-completion/completions/lerbrief
#   share/doc/lerbrief/                                   README, CHANGELOG, content
#                                                         and layout references,
#                                                         licences, copyright
#
# `cpack -G DEB` (or `cmake --build B --target package`) builds
# lerbrief_<version>_<arch>.deb for prefix /usr; its Depends come from
# dpkg-shlibdeps (the shared libraries the binary links) plus hyphen-en-us
# (the hyphenation patterns, read at run time) and fonts-liberation2 (the
# fonts). Before packaging, cmake/deb-layout.cmake turns the staged install
# into what Debian wants: the man page and changelog compressed, and the fonts
# replaced by links to fonts-liberation2's byte-identical files. `lintian` on
# the .deb prints no error or warning (tests/cli/package_test.cpp).
include(GNUInstallDirs)

set(LERBRIEF_SHARE "${CMAKE_INSTALL_DATADIR}/lerbrief")
install(TARGETS lerbrief RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
# The compilers' version strings (.comment), which dh_strip removes too.
if(CMAKE_OBJCOPY)
  install(CODE "execute_process(COMMAND \"${CMAKE_OBJCOPY}\" --remove-section=.comment
    \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/lerbrief\" COMMAND_ERROR_IS_FATAL ANY)")
endif()
install(DIRECTORY fonts/ DESTINATION "${LERBRIEF_SHARE}/fonts" FILES_MATCHING PATTERN "*.ttf")
install(DIRECTORY layouts/ DESTINATION "${LERBRIEF_SHARE}/layouts" FILES_MATCHING PATTERN "*.yaml")
install(DIRECTORY data/ DESTINATION "${LERBRIEF_SHARE}/data")
install(DIRECTORY starter/ DESTINATION "${LERBRIEF_SHARE}/starter")
install(DIRECTORY starter-es/ DESTINATION "${LERBRIEF_SHARE}/starter-es")
install(DIRECTORY strings/ DESTINATION "${LERBRIEF_SHARE}/strings" FILES_MATCHING PATTERN "*.yaml")
install(DIRECTORY docs/schema/ DESTINATION "${LERBRIEF_SHARE}/schema" FILES_MATCHING PATTERN "*.json")
install(FILES docs/lerbrief.1 DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES completions/lerbrief.bash DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions"
        RENAME lerbrief)
install(FILES README.md CHANGELOG.md docs/CONTENT.md docs/LAYOUTS.md docs/PRINTING.md
        DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(FILES packaging/copyright DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(FILES fonts/LICENSE DESTINATION "${CMAKE_INSTALL_DOCDIR}" RENAME LICENSE.fonts)
install(FILES data/LICENSE DESTINATION "${CMAKE_INSTALL_DOCDIR}" RENAME LICENSE.data)

set(LERBRIEF_MAINTAINER "lerbrief maintainers <maintainers@lerbrief.invalid>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lerbrief)
set(CPACK_PACKAGE_VENDOR lerbrief)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "print-ready briefing booklets and fact sheets about the LER ecosystem")
# The extended description (CPack puts the summary above it): lines of at
# most 80 characters (lintian).
set(CPACK_PACKAGE_DESCRIPTION
"lerbrief turns YAML content about the Learning and Employment Record (LER)
ecosystem into print-ready PDF: a briefing booklet with an ecosystem diagram,
a front/back fact sheet per stakeholder group and, for a convening, an
agenda, worksheets, table tents and name badges. It ships the LER Ecosystem
Map's content (CC BY 4.0) and reads a copy of the map's website directly.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${LERBRIEF_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The layouts' fonts are fonts-liberation2's files (cmake/deb-layout.cmake);
# 2.1.5 is the version fonts/ holds and the tests check (fonts/README.md).
# librsvg is loaded with dlopen (diagram/rsvg_library.h): dpkg-shlibdeps cannot see it.
# rsvg_handle_render_document is from 2.46.
# ICU's collation (the glossary's order by language) is loaded with dlopen
# too (load/collate.cpp): the package of the ICU the build found.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "librsvg2-2 (>= 2.46), libicu${LERBRIEF_ICU_MAJOR}, hyphen-en-us, fonts-liberation2 (>= 2.1.5)")
set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_CURRENT_LIST_DIR}/deb-layout.cmake")
# Other languages' hyphenation patterns (strings/<language>.yaml names the
# file): without them that language's text is set unhyphenated, with a warning.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "hyphen-es")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
include(CPack)
