#pragma once

// Every header of the sqlite layer includes this one. The widgets (rounds_ui) and the executables are
// built with ROUNDS_NO_SQLITE_LAYER, so a view that reaches for the database behind the client data
// layer's back fails to compile instead of slipping through review (docs/architecture.md).
#ifdef ROUNDS_NO_SQLITE_LAYER
#error                                                                                                       \
    "ui/ and app/ must not include the sqlite layer: read through a typed query of models/ (docs/architecture.md)"
#endif
