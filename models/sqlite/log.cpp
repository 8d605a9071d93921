#include "models/sqlite/log.h"

Q_LOGGING_CATEGORY(lcSql, "rounds.sql", QtInfoMsg)
