# Which files carry user-visible strings (every tr() of the client), for lupdate and the ctest check.
set(ROUNDS_TS_FILES
    ${CMAKE_SOURCE_DIR}/translations/rounds_zh_CN.ts
    ${CMAKE_SOURCE_DIR}/translations/rounds_en.ts)
file(GLOB_RECURSE ROUNDS_TR_SOURCES CONFIGURE_DEPENDS
    ${CMAKE_SOURCE_DIR}/app/*.cpp ${CMAKE_SOURCE_DIR}/ui/*.cpp ${CMAKE_SOURCE_DIR}/ui/*.h
    ${CMAKE_SOURCE_DIR}/sync/*.cpp ${CMAKE_SOURCE_DIR}/sync/*.h ${CMAKE_SOURCE_DIR}/models/*.cpp ${CMAKE_SOURCE_DIR}/models/*.h
    ${CMAKE_SOURCE_DIR}/common/*.cpp ${CMAKE_SOURCE_DIR}/common/*.h
    ${CMAKE_SOURCE_DIR}/server/hcpreport.cpp) # the server's one translated text: the HCP report (PDF)
# The sqlite layer carries no user-visible text of its own; the protocol's field labels, validation
# sentences and refusals (common/protocol/messages.cpp) are read by the client and rounds-cli.
list(FILTER ROUNDS_TR_SOURCES EXCLUDE REGEX "/common/sqlite/")
set(ROUNDS_TR_SOURCE_LIST ${CMAKE_BINARY_DIR}/translation-sources.lst)
list(JOIN ROUNDS_TR_SOURCES "\n" _rounds_tr_lines)
file(CONFIGURE OUTPUT ${ROUNDS_TR_SOURCE_LIST} CONTENT "${_rounds_tr_lines}\n")
