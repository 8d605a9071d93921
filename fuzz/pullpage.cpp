// Fuzz target: a pull page as the client receives it (PROTOCOL.md, Pull). The bytes are parsed as the
// engine parses an answer (PullPage::fromJson), every change's record also goes through the strict and
// lenient record decoders, and the page is applied to a real client store (Store::applyPage), which must
// answer ok or an error and never crash, and must leave exactly the cursors the protocol's rule
// (protocol::advanceCursors) computes: the sync session asks for the next page from those. The store
// lives for the whole run, so pages build on each other like a long sync.

#include "common/protocol/codec.h"
#include "common/protocol/schema.h"
#include "common/protocol/wire.h"
#include "fuzz/fuzz.h"
#include "models/store.h"
#include "models/storekeys.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>

using namespace rounds;

namespace {

struct Env
{
    MemoryStoreKeyring keys; // the store's key in memory: a fuzz run neither needs nor fills the keychain
    QTemporaryDir dir;
    Store store;
    Env()
    {
        storekeys::setKeyring(&keys);
        QLoggingCategory::setFilterRules(QStringLiteral("rounds.*.info=false\nrounds.*.warning=false"));
        if (!dir.isValid() || !store.open(dir.filePath(QStringLiteral("client.db"))).ok)
            std::abort();
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static Env env;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!doc.isObject())
        return 0;
    for (const QJsonValue &v : doc.object().value(QLatin1String("changes")).toArray()) {
        const QJsonObject record = v.toObject().value(QLatin1String("record")).toObject();
        if (const protocol::Entity *e
            = protocol::Schema::instance().entity(v.toObject().value(QLatin1String("entity")).toString())) {
            for (auto mode : {protocol::DecodeMode::Strict, protocol::DecodeMode::Lenient}) {
                protocol::Record r;
                if (!protocol::decodeRecord(*e, record, &r, mode))
                    (void)protocol::encodeRecord(r);
            }
        }
    }
    const std::optional<protocol::PullPage> page = protocol::PullPage::fromJson(doc.object());
    if (!page)
        return 0;
    const std::optional<protocol::PullPage> again = protocol::PullPage::fromJson(page->toJson());
    if (!again || again->toJson() != page->toJson())
        std::abort();
    const protocol::Cursors before = env.store.cursors();
    const ApplyResult applied = env.store.applyPage(page->changes, page->cursors, page->revokedBuckets);
    if (env.store.cursors() != (applied.ok ? page->advance(before) : before))
        std::abort();
    return 0;
}
