#pragma once

#include "common/sqlite/layerguard.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSql)
