#include "server/materialcommands.h"

#include "common/protocol/codec.h"
#include "common/protocol/files.h"
#include "common/protocol/schema.h"
#include "common/protocol/values.h"
#include "server/commandline.h"
#include "server/feed.h"
#include "server/filestore.h"
#include "server/materialfile.h"
#include "server/privacyrules.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace rounds::server {

using namespace cli;

namespace {

const QString kCommand = QStringLiteral("material add");

struct KeyMessage
{
    int page = 0; // 0: the whole material
    QString text;
};

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// "PAGE:TEXT" (PAGE a page number, or "all" for the whole material).
bool parseKeyMessage(const QString &arg, KeyMessage *out, QString *problem)
{
    const qsizetype colon = arg.indexOf(QLatin1Char(':'));
    const QString page = arg.left(colon).trimmed();
    out->text = arg.mid(colon + 1).trimmed();
    bool ok = false;
    out->page = page == QLatin1String("all") ? 0 : page.toInt(&ok);
    if (colon < 0 || out->text.isEmpty() || (page != QLatin1String("all") && (!ok || out->page < 1))) {
        *problem
            = QStringLiteral("--key-message wants PAGE:TEXT (PAGE a page number from 1, or all), not '%1'")
                  .arg(arg);
        return false;
    }
    return true;
}

// The product named NAME: its id or name (exact, then ignoring case), live and active or not.
std::optional<StoredRecord> findProduct(StoreReader &r, const QString &name, QString *error)
{
    const QList<StoredRecord> all = r.all(QStringLiteral("product"));
    QStringList names;
    for (const bool exact : {true, false}) {
        for (const StoredRecord &p : all) {
            if (p.deleted)
                continue;
            const QString n = str(p.record.fields, "name");
            if (exact)
                names << n;
            if (p.record.id == name || n.compare(name, exact ? Qt::CaseSensitive : Qt::CaseInsensitive) == 0)
                return p;
        }
    }
    *error = names.isEmpty()
        ? QStringLiteral("no product named '%1': the store has no products").arg(name)
        : QStringLiteral("no product named '%1'; products: %2").arg(name, names.join(QStringLiteral(", ")));
    return std::nullopt;
}

QString firstAdmin(StoreReader &r)
{
    for (const StoredRecord &u : r.all(QStringLiteral("user"))) {
        if (!u.deleted && str(u.record.fields, "role") == QLatin1String("admin"))
            return u.record.id;
    }
    return {};
}

int addMaterial(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption product(QStringLiteral("product"),
        QStringLiteral("The product, by name (or id); required."), QStringLiteral("NAME"));
    const QCommandLineOption title(QStringLiteral("title"),
        QStringLiteral("The material's title (up to 200 characters); required."), QStringLiteral("TEXT"));
    const QCommandLineOption validFrom(QStringLiteral("valid-from"),
        QStringLiteral("First day it may be presented (YYYY-MM-DD; default: none)."), QStringLiteral("DATE"));
    const QCommandLineOption validTo(QStringLiteral("valid-to"),
        QStringLiteral("Last day it may be presented (YYYY-MM-DD, inclusive; default: none)."),
        QStringLiteral("DATE"));
    const QCommandLineOption language(QStringLiteral("language"),
        QStringLiteral("The material's language, e.g. zh_CN or en (default zh_CN)."), QStringLiteral("L"),
        QStringLiteral("zh_CN"));
    const QCommandLineOption approvalCode(QStringLiteral("approval-code"),
        QStringLiteral("The medical/legal approval code (up to 64 characters)."), QStringLiteral("CODE"));
    const QCommandLineOption approve(QStringLiteral("approve"),
        QStringLiteral("Store it approved (reps may present it); without this it is a draft."));
    const QCommandLineOption keyMessage(QStringLiteral("key-message"),
        QStringLiteral("A key message the material carries, on page PAGE (or 'all' for the whole material); "
                       "the product's key message with this text, created when it is new. Repeatable."),
        QStringLiteral("PAGE:TEXT"));
    p.addOptions({product, title, validFrom, validTo, language, approvalCode, approve, keyMessage});
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A PDF or an image (PNG, JPEG, ...)."));
    if (const int rc = parse(p, kCommand,
            QStringLiteral(
                "Adds a material (docs/content.md): stores FILE in the server's file store as an upload "
                "would, reads its page count and renders a thumbnail of page 1, and writes the "
                "material record (a draft unless --approve) and its key messages, audited as "
                "changes by rounds-server. Prints the new material's id."),
            args);
        rc >= 0)
        return rc;
    if (p.positionalArguments().size() != 1)
        return usage(QStringLiteral("one FILE, please"), kCommand);
    if (!p.isSet(product) || !p.isSet(title) || p.value(title).trimmed().isEmpty())
        return usage(QStringLiteral("--product and --title are required"), kCommand);
    QDate from, to;
    for (const auto &[option, date] : {std::pair {&validFrom, &from}, std::pair {&validTo, &to}}) {
        if (!p.isSet(*option))
            continue;
        *date = QDate::fromString(p.value(*option), Qt::ISODate);
        if (!date->isValid())
            return usage(QStringLiteral("--%1 wants a date YYYY-MM-DD, not '%2'")
                             .arg(option->names().first(), p.value(*option)),
                kCommand);
    }
    if (from.isValid() && to.isValid() && to < from)
        return usage(QStringLiteral("--valid-to lies before --valid-from"), kCommand);
    QList<KeyMessage> messages;
    for (const QString &arg : p.values(keyMessage)) {
        KeyMessage m;
        QString problem;
        if (!parseKeyMessage(arg, &m, &problem))
            return usage(problem, kCommand);
        messages << m;
    }

    const QString path = p.positionalArguments().first();
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
        return fail(
            QStringLiteral("cannot read %1: %2")
                .arg(path, QFileInfo::exists(path) ? file.errorString() : QStringLiteral("no such file")));
    const qint64 size = file.size();

    return onStore(p, false, [&](Storage &storage, QString *error) {
        qint64 maxBytes = protocol::files::DefaultMaxBytes;
        QString adminId;
        std::optional<StoredRecord> productRecord;
        QString problem;
        if (!storage.read(
                [&](StoreReader &r) {
                    maxBytes = protocol::files::maxBytesFromJson(
                        privacyrules::settingValue(r, protocol::files::MaxBytesKey), &problem)
                                   .value_or(protocol::files::DefaultMaxBytes);
                    adminId = firstAdmin(r);
                    productRecord = findProduct(r, p.value(product), &problem);
                },
                error))
            return false;
        if (!productRecord) {
            *error = problem;
            return false;
        }
        if (size > maxBytes) {
            *error = QStringLiteral("%1 has %2 bytes, more than files.max_bytes (%3)")
                         .arg(path)
                         .arg(size)
                         .arg(maxBytes);
            return false;
        }
        const QByteArray bytes = file.readAll();
        if (bytes.size() != size) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return false;
        }
        materialfile::Inspected inspected;
        if (!materialfile::inspect(bytes, path, &inspected, error))
            return false;
        for (const KeyMessage &m : messages) {
            if (m.page > inspected.pageCount) {
                *error = QStringLiteral("--key-message names page %1, but %2 has %3 page(s)")
                             .arg(m.page)
                             .arg(path)
                             .arg(inspected.pageCount);
                return false;
            }
        }

        const QString name = QFileInfo(path).fileName();
        QJsonObject fields {{QStringLiteral("title"), p.value(title).trimmed()},
            {QStringLiteral("product_id"), productRecord->record.id},
            {QStringLiteral("kind"), inspected.kind}, {QStringLiteral("language"), p.value(language)},
            {QStringLiteral("material_version"), 1},
            {QStringLiteral("status"),
                p.isSet(approve) ? QStringLiteral("approved") : QStringLiteral("draft")},
            {QStringLiteral("file_size"), size}, {QStringLiteral("page_count"), inspected.pageCount}};
        if (from.isValid())
            fields.insert(QStringLiteral("valid_from"), from.toString(Qt::ISODate));
        if (to.isValid())
            fields.insert(QStringLiteral("valid_to"), to.toString(Qt::ISODate));
        if (p.isSet(approvalCode))
            fields.insert(QStringLiteral("approval_code"), p.value(approvalCode));
        // The file's name travels in the reference; cut it so the reference fits the field.
        fields.insert(QStringLiteral("file"),
            protocol::files::reference(QString(64, QLatin1Char('0')), name.left(200)));
        const protocol::Entity &entity = *protocol::Schema::instance().entity(QStringLiteral("material"));
        QJsonObject normalized;
        if (const auto bad = protocol::validateChanges(entity, fields, true, &normalized)) {
            *error = QStringLiteral("%1: %2").arg(bad->field, bad->message);
            return false;
        }

        // The bytes first, so an approved material names a file the server holds complete.
        const std::unique_ptr<FileStore> files = openFileStore(storeLocation(p), error);
        QString sha, thumbSha;
        if (!files || !materialfile::store(*files, bytes, adminId, &sha, error))
            return false;
        normalized.insert(QStringLiteral("file"), protocol::files::reference(sha, name.left(200)));
        if (!inspected.thumbnailPng.isEmpty()) {
            if (!materialfile::store(*files, inspected.thumbnailPng, adminId, &thumbSha, error))
                return false;
            normalized.insert(QStringLiteral("thumbnail"),
                protocol::files::reference(thumbSha, QStringLiteral("thumbnail.png")));
        }

        const QString id = protocol::newUuid();
        const QString note = QStringLiteral("rounds-server material add");
        int created = 0;
        const bool ok = storage.write(
            [&](StoreWriter &w) {
                Feed feed(w, Actor {adminId, QStringLiteral("rounds-server"), {}});
                feed.commit(std::nullopt,
                    StoredRecord {QStringLiteral("material"), {id, 0, {}, {}, normalized, {}}, false}, note);
                const QString productId = productRecord->record.id;
                QHash<QString, QString> known; // text → key_message id of this product
                for (const StoredRecord &k : w.all(QStringLiteral("key_message"))) {
                    if (!k.deleted && str(k.record.fields, "product_id") == productId)
                        known.insert(str(k.record.fields, "text"), k.record.id);
                }
                for (const KeyMessage &m : messages) {
                    QString messageId = known.value(m.text);
                    if (messageId.isEmpty()) {
                        messageId = protocol::newUuid();
                        known.insert(m.text, messageId);
                        feed.commit(std::nullopt,
                            StoredRecord {QStringLiteral("key_message"),
                                {messageId, 0, {}, {},
                                    {{QStringLiteral("product_id"), productId},
                                        {QStringLiteral("text"), m.text}, {QStringLiteral("active"), true}},
                                    {}},
                                false},
                            note);
                        ++created;
                    }
                    feed.commit(std::nullopt,
                        StoredRecord {QStringLiteral("material_key_message"),
                            {protocol::newUuid(), 0, {}, {},
                                {{QStringLiteral("material_id"), id},
                                    {QStringLiteral("key_message_id"), messageId},
                                    {QStringLiteral("page"), m.page > 0 ? QJsonValue(m.page) : QJsonValue()}},
                                {}},
                            false},
                        note);
                }
                return true;
            },
            error);
        if (!ok)
            return false;
        err() << "rounds-server: material " << id << " (" << inspected.kind << ", " << inspected.pageCount
              << " page(s), " << size << " bytes, " << normalized.value(QLatin1String("status")).toString()
              << ") added to " << str(productRecord->record.fields, "name") << " with " << messages.size()
              << " key message(s), " << created << " new" << Qt::endl;
        out() << id << Qt::endl;
        return true;
    });
}

} // namespace

int materialCommand(const QStringList &args)
{
    if (args.value(0) == QLatin1String("add"))
        return addMaterial(args.mid(1));
    return usage(
        QStringLiteral("material add FILE --product NAME --title TEXT [...]: see material add --help"),
        QStringLiteral("material add"));
}

} // namespace rounds::server
