#include "common/protocol/log.h"

Q_LOGGING_CATEGORY(lcProtocol, "rounds.protocol", QtInfoMsg)
