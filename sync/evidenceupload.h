#pragma once

namespace rounds {

class ApiClient;
class Store;

// Meeting expense receipts reach the server with the next sync: each file named by a local expense's
// evidence ("sha256:<hex>:<name>") that sits in the evidence folder beside the database
// (models/meetingrepository.h) and is not known complete on the server is uploaded by FileTransfer,
// resuming what an earlier sync left. A failure is logged and kept in file_state (rounds-cli files);
// it never fails the sync, the next one tries again. Returns how many files were sent.
namespace evidenceupload {
int run(Store &store, ApiClient &api);
}

} // namespace rounds
