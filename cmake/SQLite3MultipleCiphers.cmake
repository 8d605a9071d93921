# SQLite for every target of ours: SQLite3 Multiple Ciphers (utelle, MIT; https://utelle.github.io/
# SQLite3MultipleCiphers/), a current SQLite amalgamation with page encryption built in, so the client's
# store is encrypted at rest (docs/privacy.md, "Encrypted store"). Debian 12 has no such SQLite (its
# SQLCipher 3.4.1 is built on an SQLite without the FTS5 trigram search and window functions the store
# uses). The amalgamation comes from the npm package better-sqlite3-multiple-ciphers, which ships it in
# deps/sqlite3/: a pinned version, checked against its SHA-512, downloaded once into ROUNDS_DEPS_CACHE.
#
# It defines the static library rounds_sqlite3mc and the name SQLite::SQLite3 for it, so every target that
# linked Debian's libsqlite3 (client, rounds-cli, server, tests, benchmarks) links this one instead: one
# SQLite in each process. The server's database stays unencrypted (it opens without a key).
#
# Offline: put the tarball at ${ROUNDS_DEPS_CACHE}/<file name below>, or pass -DROUNDS_SQLITE3MC_TARBALL=FILE.

set(ROUNDS_SQLITE3MC_PACKAGE better-sqlite3-multiple-ciphers)
set(ROUNDS_SQLITE3MC_PACKAGE_VERSION 13.0.3) # SQLite 3.53.4, SQLite3 Multiple Ciphers 2.4.0
set(ROUNDS_SQLITE3MC_SHA512
    51869b33cdabd49f384cb59cfd2b33a07b3a5e8a56a65ff61c283736e8b52546855e0fd52ecc3390fa306224612bfe027ed23c760b62930c9941e70c95dac6c5)
set(ROUNDS_SQLITE3MC_FILE ${ROUNDS_SQLITE3MC_PACKAGE}-${ROUNDS_SQLITE3MC_PACKAGE_VERSION}.tgz)
set(ROUNDS_SQLITE3MC_URL
    https://registry.npmjs.org/${ROUNDS_SQLITE3MC_PACKAGE}/-/${ROUNDS_SQLITE3MC_FILE})

if(DEFINED ENV{XDG_CACHE_HOME} AND NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
    set(_rounds_default_cache "$ENV{XDG_CACHE_HOME}/rounds")
else()
    set(_rounds_default_cache "$ENV{HOME}/.cache/rounds")
endif()
set(ROUNDS_DEPS_CACHE "${_rounds_default_cache}" CACHE PATH "Where downloaded third-party sources are kept")
set(ROUNDS_SQLITE3MC_TARBALL "" CACHE FILEPATH "A local copy of ${ROUNDS_SQLITE3MC_FILE} (offline builds)")

function(_rounds_sqlite3mc_tarball out)
    if(ROUNDS_SQLITE3MC_TARBALL)
        set(tarball "${ROUNDS_SQLITE3MC_TARBALL}")
    else()
        set(tarball "${ROUNDS_DEPS_CACHE}/${ROUNDS_SQLITE3MC_FILE}")
    endif()
    if(NOT EXISTS "${tarball}")
        message(STATUS "Downloading ${ROUNDS_SQLITE3MC_URL}")
        file(MAKE_DIRECTORY "${ROUNDS_DEPS_CACHE}")
        # A partial download never takes the final name; two builds downloading at once each use their own.
        string(RANDOM LENGTH 8 partial)
        set(partial "${tarball}.${partial}.part")
        file(DOWNLOAD "${ROUNDS_SQLITE3MC_URL}" "${partial}" STATUS status TIMEOUT 300)
        list(GET status 0 code)
        if(NOT code EQUAL 0)
            list(GET status 1 why)
            file(REMOVE "${partial}")
            message(FATAL_ERROR
                "Cannot download SQLite3 Multiple Ciphers (${ROUNDS_SQLITE3MC_URL}): ${why}.\n"
                "Offline? Copy ${ROUNDS_SQLITE3MC_FILE} to ${ROUNDS_DEPS_CACHE}/ (or pass "
                "-DROUNDS_SQLITE3MC_TARBALL=FILE) and configure again.")
        endif()
        file(SHA512 "${partial}" got)
        if(NOT got STREQUAL ROUNDS_SQLITE3MC_SHA512)
            file(REMOVE "${partial}")
            message(FATAL_ERROR "${ROUNDS_SQLITE3MC_URL} does not have the expected SHA-512 "
                                "(got ${got}); refusing to build with it.")
        endif()
        file(RENAME "${partial}" "${tarball}")
    endif()
    file(SHA512 "${tarball}" got)
    if(NOT got STREQUAL ROUNDS_SQLITE3MC_SHA512)
        message(FATAL_ERROR "${tarball} does not have the expected SHA-512 (got ${got}, want "
                            "${ROUNDS_SQLITE3MC_SHA512}). Remove it and configure again.")
    endif()
    set(${out} "${tarball}" PARENT_SCOPE)
endfunction()

set(ROUNDS_SQLITE3MC_DIR "${CMAKE_BINARY_DIR}/_deps/sqlite3mc-${ROUNDS_SQLITE3MC_PACKAGE_VERSION}")
set(_rounds_sqlite3mc_stamp "${ROUNDS_SQLITE3MC_DIR}/.extracted-${ROUNDS_SQLITE3MC_SHA512}")
if(NOT EXISTS "${_rounds_sqlite3mc_stamp}")
    _rounds_sqlite3mc_tarball(_rounds_sqlite3mc_tgz)
    file(REMOVE_RECURSE "${ROUNDS_SQLITE3MC_DIR}")
    file(ARCHIVE_EXTRACT INPUT "${_rounds_sqlite3mc_tgz}" DESTINATION "${ROUNDS_SQLITE3MC_DIR}"
         PATTERNS package/deps/sqlite3/sqlite3.c package/deps/sqlite3/sqlite3.h package/LICENSE)
    file(TOUCH "${_rounds_sqlite3mc_stamp}")
endif()

enable_language(C)
add_library(rounds_sqlite3mc STATIC "${ROUNDS_SQLITE3MC_DIR}/package/deps/sqlite3/sqlite3.c")
target_include_directories(rounds_sqlite3mc SYSTEM PUBLIC "${ROUNDS_SQLITE3MC_DIR}/package/deps/sqlite3")
# Always optimised, never instrumented by the sanitizers (it is not our code, and a Debug build of it
# would make every test and the benchmarks measure an unoptimised SQLite).
target_compile_options(rounds_sqlite3mc PRIVATE -O2 -w)
set_target_properties(rounds_sqlite3mc PROPERTIES POSITION_INDEPENDENT_CODE ON C_STANDARD 11)
# Debian 12's libsqlite3 options that change behaviour or limits the code relies on (`sqlite3 :memory:
# "pragma compile_options"`), the search's FTS5 and the store's dbstat test, and the cipher: AEGIS-256
# (authenticated: a wrong key or a changed page is an error, never garbage; AES-NI when the processor has
# it, found at run time). ChaCha20-Poly1305, SQLite3 Multiple Ciphers' default, made a first sync 28 %
# slower than a plain store here, AEGIS-256 about 10 % (docs/performance.md, "The encrypted store").
# Temporary files stay in files by default (the server's large sorts); the client's connections keep
# them in memory (PRAGMA temp_store = MEMORY, models/store/storeconnection.cpp).
target_compile_definitions(rounds_sqlite3mc PRIVATE
    SQLITE_THREADSAFE=1
    SQLITE_TEMP_STORE=1
    SQLITE_DEFAULT_AUTOVACUUM=0
    SQLITE_DEFAULT_CACHE_SIZE=-2000
    SQLITE_DEFAULT_FILE_FORMAT=4
    SQLITE_DEFAULT_PAGE_SIZE=4096
    SQLITE_DEFAULT_RECURSIVE_TRIGGERS=1
    SQLITE_DEFAULT_SYNCHRONOUS=2
    SQLITE_DEFAULT_WAL_SYNCHRONOUS=2
    SQLITE_DEFAULT_WAL_AUTOCHECKPOINT=1000
    SQLITE_ENABLE_COLUMN_METADATA
    SQLITE_ENABLE_DBSTAT_VTAB
    SQLITE_ENABLE_FTS3
    SQLITE_ENABLE_FTS3_PARENTHESIS
    SQLITE_ENABLE_FTS4
    SQLITE_ENABLE_FTS5
    SQLITE_ENABLE_MATH_FUNCTIONS
    SQLITE_ENABLE_RTREE
    SQLITE_ENABLE_UPDATE_DELETE_LIMIT
    SQLITE_LIKE_DOESNT_MATCH_BLOBS
    SQLITE_MAX_VARIABLE_NUMBER=250000
    SQLITE_MAX_SCHEMA_RETRY=25
    SQLITE_SECURE_DELETE
    SQLITE_SOUNDEX
    SQLITE_USE_URI=1
    SQLITE_OMIT_LOAD_EXTENSION
    SQLITE_DQS=3
    HAVE_USLEEP=1
    CODEC_TYPE=CODEC_TYPE_AEGIS)
find_package(Threads REQUIRED)
target_link_libraries(rounds_sqlite3mc PUBLIC Threads::Threads m)
add_library(SQLite::SQLite3 ALIAS rounds_sqlite3mc)
