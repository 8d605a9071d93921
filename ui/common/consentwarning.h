#pragma once

#include <QDateTime>
#include <QString>

class QWidget;

namespace rounds {

class Store;

// The client's half of the consent rule (docs/privacy.md, Consent): before a record that contacts an HCP
// is saved (a visit on a channel, an HCP invited to a meeting), the user is warned when the rule blocks
// it (no consent, withdrawn or expired) and decides; offline, through the Prompter. Warn, not block: the
// server refuses it with consent_required and the client keeps the refusal as a rejection.
namespace consentwarning {

// True when the record may be saved: the rule does not block it, or the user chose to save anyway.
// `channel` is the consent channel (protocol::consent::channelOfVisit for a visit's channel).
bool confirmContact(
    QWidget *parent, Store *store, const QString &hcpId, const QString &channel, const QDateTime &at);

} // namespace consentwarning
} // namespace rounds
