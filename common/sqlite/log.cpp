#include "common/sqlite/log.h"

Q_LOGGING_CATEGORY(lcSql, "rounds.sql", QtInfoMsg)
