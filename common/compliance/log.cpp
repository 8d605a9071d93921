#include "common/compliance/log.h"

Q_LOGGING_CATEGORY(lcCompliance, "rounds.compliance", QtInfoMsg)
