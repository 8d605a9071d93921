#include "sync/log.h"

Q_LOGGING_CATEGORY(lcSync, "rounds.sync", QtInfoMsg)
