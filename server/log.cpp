#include "server/log.h"

Q_LOGGING_CATEGORY(lcServer, "rounds.server", QtInfoMsg)
