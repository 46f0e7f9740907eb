# `cmake --install` and the Debian package (CPack).
#
#   bin/lerbrief
#   share/lerbrief/{fonts,layouts,data,starter,schema}   found by src/app/paths.cpp
#                                                         relative to bin/
#   share/man/man1/lerbrief.1
#   share/bash-completion/completions/lerbrief
#   share/doc/lerbrief/                                   README, content and layout
#                                                         references, licences
#
# `cpack -G DEB` (or `cmake --build B --target package`) builds
# lerbrief_<version>_<arch>.deb for prefix /usr; its Depends come from
# dpkg-shlibdeps (the shared libraries the binary links) plus hyphen-en-us
# (the hyphenation patterns, read at run time).
include(GNUInstallDirs)

set(LERBRIEF_SHARE "${CMAKE_INSTALL_DATADIR}/lerbrief")
install(TARGETS lerbrief RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(DIRECTORY fonts/ DESTINATION "${LERBRIEF_SHARE}/fonts")
install(DIRECTORY layouts/ DESTINATION "${LERBRIEF_SHARE}/layouts" FILES_MATCHING PATTERN "*.yaml")
install(DIRECTORY data/ DESTINATION "${LERBRIEF_SHARE}/data")
install(DIRECTORY starter/ DESTINATION "${LERBRIEF_SHARE}/starter")
install(DIRECTORY docs/schema/ DESTINATION "${LERBRIEF_SHARE}/schema" FILES_MATCHING PATTERN "*.json")
install(FILES docs/lerbrief.1 DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES completions/lerbrief.bash DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions"
        RENAME lerbrief)
install(FILES README.md docs/CONTENT.md docs/LAYOUTS.md docs/PRINTING.md DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(FILES fonts/LICENSE DESTINATION "${CMAKE_INSTALL_DOCDIR}" RENAME LICENSE.fonts)
install(FILES data/LICENSE DESTINATION "${CMAKE_INSTALL_DOCDIR}" RENAME LICENSE.data)

set(LERBRIEF_MAINTAINER "lerbrief maintainers <maintainers@lerbrief.invalid>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lerbrief)
set(CPACK_PACKAGE_VENDOR lerbrief)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "print-ready briefing booklets and fact sheets about the LER ecosystem")
set(CPACK_PACKAGE_DESCRIPTION
    "lerbrief turns YAML content about the Learning and Employment Record (LER) ecosystem into print-ready PDF: a briefing booklet with an ecosystem diagram and a front/back fact sheet per stakeholder group.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${LERBRIEF_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "hyphen-en-us")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
include(CPack)
