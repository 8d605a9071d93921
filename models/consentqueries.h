#pragma once

// Consent as the client reads and writes it (docs/privacy.md, Consent): the rule of
// common/protocol/consent.h over the local store, offline. Reads return false with the SQLite message;
// writes go through the store's write path like any record (a new `consent` record per capture, renewal
// or withdrawal).

#include "common/protocol/consent.h"
#include "models/store.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace rounds {

// One line of an HCP's consent: a channel (product-wide) or a channel for one product.
struct ConsentLine
{
    QString channel;
    QString productId; // empty: every product
    QString productName;
    protocol::consent::Verdict verdict;
    bool expiringSoon = false;
};

// A consent about to expire (Today): whose, which channel, when.
struct ExpiringConsent
{
    QString hcpId;
    QString hcpName;
    QString channel;
    QString productName;
    QDateTime expiresAt;
};

// What a rep captures (or renews, or withdraws).
struct ConsentCapture
{
    QString hcpId;
    QString channel;
    QString productId; // empty: every product
    bool granted = true;
    QDateTime capturedAt; // invalid: now
    QString source; // paper_form, verbal, online
    QString evidence;
    QDateTime expiresAt; // invalid: captured + the company's validity days
};

class ConsentQueries final
{
public:
    static bool rules(Store *store, protocol::consent::Rules *out, QString *error);
    static bool records(
        Store *store, const QString &hcpId, QList<protocol::consent::Record> *out, QString *error);
    // The verdict for one contact now (or at `at`): what the visit dialog and the attendee form warn about.
    static bool verdict(Store *store, const QString &hcpId, const QString &channel, const QDateTime &at,
        protocol::consent::Verdict *out, QString *error);
    // Every channel (product-wide), then each product that has records of its own, at `now`.
    static bool lines(
        Store *store, const QString &hcpId, const QDateTime &now, QList<ConsentLine> *out, QString *error);
    // Granted consents that end within the warning days after `now`, soonest first, at most `limit`.
    static bool expiring(
        Store *store, const QDateTime &now, int limit, QList<ExpiringConsent> *out, QString *error);
    // Writes the capture as a new record; its expires_at is filled from the company's validity days. A
    // grant sends the changes the server refused for want of it (resendRefused) again.
    static WriteResult capture(Store *store, const ConsentCapture &c);
    // The changes refused with consent_required that contact this HCP on this channel go back into the
    // outbox, after the consent (Store::resendRejected); how many.
    static int resendRefused(Store *store, const QString &hcpId, const QString &channel);
};

} // namespace rounds
