# Installation to standard paths and two Debian packages: `rounds` (client: rounds, rounds-cli, desktop
# integration) and `rounds-server` (server with a systemd unit running as its own user on /var/lib/rounds).
#   cmake --preset release && cmake --build --preset release --target package
include(GNUInstallDirs)

if(ROUNDS_BUILD_GUI)
    install(TARGETS rounds rounds-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT client)
    install(FILES ${CMAKE_SOURCE_DIR}/resources/linux/rounds.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT client)
    install(FILES ${CMAKE_SOURCE_DIR}/resources/linux/io.github.rounds.Rounds.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT client)
    install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/rounds.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT client)
    install(FILES ${CMAKE_SOURCE_DIR}/docs/sync.md DESTINATION ${CMAKE_INSTALL_DOCDIR}/../rounds COMPONENT client)
    # The bundled Breeze icons' source and licence (LGPL-3.0+), beside the binary that carries them.
    install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/README.md ${CMAKE_SOURCE_DIR}/resources/icons/breeze-copyright
                  ${CMAKE_SOURCE_DIR}/resources/icons/COPYING.LGPL-3 ${CMAKE_SOURCE_DIR}/resources/icons/COPYING.GPL-3
            DESTINATION ${CMAKE_INSTALL_DOCDIR}/../rounds/icons COMPONENT client)
endif()
install(TARGETS rounds-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
install(FILES ${CMAKE_SOURCE_DIR}/resources/linux/rounds-server.service DESTINATION lib/systemd/system COMPONENT server)
install(FILES ${CMAKE_SOURCE_DIR}/docs/server.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/rounds-server COMPONENT server)

set(CPACK_PACKAGE_NAME rounds)
set(CPACK_PACKAGE_VENDOR "Rounds")
set(CPACK_PACKAGE_CONTACT "Rounds maintainers <maintainers@rounds.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL server)
if(ROUNDS_BUILD_GUI)
    list(APPEND CPACK_COMPONENTS_ALL client)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # dependencies by name, from the libraries the binaries link
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME rounds)
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION office)
set(CPACK_COMPONENT_CLIENT_DESCRIPTION "Offline-first CRM for pharmaceutical field forces (desktop client and rounds-cli)")
# Loaded at run time, so shlibdeps cannot see them: the SVG icon engine and the keychain backend.
# ICU 72 (pinyin search keys and the Chinese collation, models/pinyin.h) is linked, so shlibdeps finds it
# too; it is named here so the dependency stays if the client ever loads it another way.
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "libqt6svg6, libicu72")
set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, fonts-wqy-microhei | fonts-noto-cjk")
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME rounds-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_COMPONENT_SERVER_DESCRIPTION "Rounds sync server (embedded SQLite; PostgreSQL for larger deployments)")
# A CJK font for the Chinese PDF of `rounds-server hcp export --pdf --lang zh_CN`.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, fonts-wqy-microhei | fonts-noto-cjk")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    "${CMAKE_SOURCE_DIR}/packaging/debian/rounds-server/postinst;${CMAKE_SOURCE_DIR}/packaging/debian/rounds-server/prerm")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
