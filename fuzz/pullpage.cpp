// Fuzz target: a pull page as the client receives it (PROTOCOL.md, Pull). The bytes are parsed as the
// engine parses an answer, every change goes through PulledChange::fromJson and the strict and lenient
// record decoders, and the page is applied to a real client store (Store::applyPage), which must
// answer ok or an error and never crash. The store lives for the whole run, so pages build on each
// other like a long sync.

#include "fuzz/fuzz.h"
#include "models/store.h"
#include "common/protocol/codec.h"
#include "common/protocol/schema.h"

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
    QTemporaryDir dir;
    Store store;
    Env()
    {
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
    const QJsonObject page = doc.object();
    QList<PulledChange> changes;
    for (const QJsonValue &v : page.value(QLatin1String("changes")).toArray()) {
        QString why;
        if (auto c = PulledChange::fromJson(v.toObject(), &why))
            changes << *c;
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
    QHash<QString, qint64> cursors;
    const QJsonObject c = page.value(QLatin1String("cursors")).toObject();
    for (auto it = c.begin(); it != c.end(); ++it)
        cursors.insert(it.key(), it.value().toInteger());
    QStringList revoked;
    for (const QJsonValue &v : page.value(QLatin1String("revoked_buckets")).toArray())
        revoked << v.toString();
    (void)env.store.applyPage(changes, cursors, revoked);
    return 0;
}
