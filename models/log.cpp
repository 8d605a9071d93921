#include "models/log.h"

Q_LOGGING_CATEGORY(lcStore, "rounds.store", QtInfoMsg)
