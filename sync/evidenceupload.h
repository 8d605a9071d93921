#pragma once

namespace rounds {

class ApiClient;
class Store;

// Files this computer recorded reach the server with the next sync, before the records that name them
// are pushed (the server approves a material only with its file complete): each file named by a field
// flagged as a file reference in any local record (models/filereferences.h: a meeting expense's
// receipt, a consent's evidence, a material's file and thumbnail) that sits in the evidence folder beside
// the database (models/meetingrepository.h, evidence::store) and is not known complete on the server is
// uploaded by FileTransfer, resuming what an earlier sync left. A failure is logged and kept in
// file_state (rounds-cli files); it never fails the sync, the next one tries again. Returns how many
// files were sent.
namespace evidenceupload {
int run(Store &store, ApiClient &api);
}

} // namespace rounds
