#pragma once

// The typed messages of the sync protocol (PROTOCOL.md, Pull and Push), shared by the server, the client's
// sync session and the fuzz targets, so both ends read and write the same shapes with the same checks.
#include "common/protocol/outboxmutation.h"
#include "common/protocol/pulledchange.h"
#include "common/protocol/pullpage.h"
#include "common/protocol/pullrequest.h"
#include "common/protocol/pushrequest.h"
#include "common/protocol/pushresult.h"
