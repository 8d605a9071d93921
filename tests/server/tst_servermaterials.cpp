// The server's content rules (docs/content.md, docs/sync-protocol.md "Content"; server/contentrules.*)
// against a real rounds-server: a material becomes approved only with a file the server holds complete,
// and a pushed page view (content_view) is refused with material_unavailable when its material could not
// be presented when it started (draft, withdrawn before, outside valid_from..valid_to with a day's grace,
// another version), or with consent_required when it names an HCP who does not allow activity tracking.

#include "server/demoorg.h"
#include "server/serverprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace rounds::test;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QString day(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

QString sha(const QByteArray &b)
{
    return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestServerMaterials : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void approvedNeedsCompleteFile();
    void draftIsNeverPresented();
    void validTo_data();
    void validTo();
    void validFrom_data();
    void validFrom();
    void withdrawnBeforeOrAfterStart();
    void versionMustMatch_data();
    void versionMustMatch();
    void trackingConsent();
    void materialAddCommand();
    void materialAddRefusesBadInput();

private:
    QString token(const QString &user);
    QJsonObject push(const QString &user, const QString &entity, const QString &id, const QJsonObject &set,
        qint64 base = 0);
    // An approved material (its file uploaded first) with these fields over the defaults; its id.
    QString material(const QJsonObject &fields);
    QJsonObject view(
        const QString &materialId, const QDateTime &startedAt, qint64 version = 1, const QString &hcpId = {});
    void setSetting(const QString &key, const QJsonValue &value);
    static QString statusOf(const QJsonObject &result) { return result.value("status").toString(); }
    static QString codeOf(const QJsonObject &r)
    {
        return r.value("error").toObject().value("code").toString();
    }
    static QString fieldOf(const QJsonObject &r)
    {
        return r.value("error").toObject().value("field").toString();
    }

    ServerProcess m_server;
    DemoOrg m_org;
    QHash<QString, QString> m_tokens;
    QString m_product;
    QString m_fileRef;
    QStringList m_hcps;
};

void TestServerMaterials::initTestCase()
{
    QVERIFY(m_server.createDemo(60, 10, 1, {QStringLiteral("--without-consent")}));
    QVERIFY(m_server.start());
    QVERIFY(m_org.load(m_server));
    const QList<QJsonObject> products = m_org.all(QStringLiteral("product"));
    QVERIFY(!products.isEmpty());
    m_product = products.first().value("id").toString();
    m_hcps = m_org.hcpsOnlyIn(QStringLiteral("SH-01"));
    QVERIFY(m_hcps.size() >= 4);
    // One file every approved material below names.
    const QByteArray pdf = "%PDF-1.4 test material " + newId().toLatin1();
    const HttpReply r = m_server.request(
        "PUT", QStringLiteral("/api/v1/files/") + sha(pdf), pdf, token(QStringLiteral("admin")));
    QCOMPARE(r.status, 200);
    m_fileRef = QStringLiteral("sha256:%1:detail-aid.pdf").arg(sha(pdf));
}

QString TestServerMaterials::token(const QString &user)
{
    if (!m_tokens.contains(user))
        m_tokens.insert(user, m_server.login(user));
    return m_tokens.value(user);
}

QJsonObject TestServerMaterials::push(
    const QString &user, const QString &entity, const QString &id, const QJsonObject &set, qint64 base)
{
    const HttpReply r = m_server.push(token(user), QJsonArray {mutation(entity, id, set, base)});
    if (r.status != 200) {
        qWarning("push answered %d: %s", r.status, r.body.constData());
        return {};
    }
    return r.json.value("results").toArray().at(0).toObject();
}

QString TestServerMaterials::material(const QJsonObject &fields)
{
    QJsonObject set {{"title", "心安宁 detail aid"}, {"product_id", m_product}, {"status", "approved"},
        {"file", m_fileRef}, {"material_version", 1}, {"language", "zh_CN"}};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        set.insert(it.key(), it.value());
    const QString id = newId();
    const QJsonObject r = push(QStringLiteral("admin"), QStringLiteral("material"), id, set);
    if (statusOf(r) != QLatin1String("applied"))
        qWarning("material refused: %s", QJsonDocument(r).toJson().constData());
    return id;
}

QJsonObject TestServerMaterials::view(
    const QString &materialId, const QDateTime &startedAt, qint64 version, const QString &hcpId)
{
    QJsonObject v {{"territory_id", m_org.territory.value(QStringLiteral("SH-01"))},
        {"rep_id", m_org.user.value(QStringLiteral("rep.sh01"))}, {"material_id", materialId},
        {"material_version", version}, {"page", 1}, {"started_at", iso(startedAt)}, {"duration_ms", 3000},
        {"mode", hcpId.isEmpty() ? "preview" : "in_call"}};
    if (!hcpId.isEmpty())
        v.insert("hcp_id", hcpId);
    return v;
}

void TestServerMaterials::setSetting(const QString &key, const QJsonValue &value)
{
    const QJsonObject r = push(QStringLiteral("admin"), QStringLiteral("setting"), newId(),
        QJsonObject {{"key", key}, {"value", value}});
    QCOMPARE(statusOf(r), QStringLiteral("applied"));
}

void TestServerMaterials::approvedNeedsCompleteFile()
{
    const QString admin = QStringLiteral("admin");
    const QByteArray bytes(4096, 'p');
    const QString ref = QStringLiteral("sha256:%1:later.pdf").arg(sha(bytes));
    const QJsonObject draft {
        {"title", "Later"}, {"product_id", m_product}, {"status", "draft"}, {"file", ref}};
    // A draft may name a file the server does not hold yet (created offline, uploaded later).
    const QString id = newId();
    QCOMPARE(statusOf(push(admin, "material", id, draft)), QStringLiteral("applied"));
    // Approved while the server holds none of it: refused on `file`, nothing changes.
    QJsonObject approve = draft;
    approve.insert("status", "approved");
    QJsonObject r = push(admin, "material", id, approve, 1);
    QCOMPARE(statusOf(r), QStringLiteral("rejected"));
    QCOMPARE(codeOf(r), QStringLiteral("invalid_request"));
    QCOMPARE(fieldOf(r), QStringLiteral("file"));
    QCOMPARE(m_server.storedRecord(id).value("status").toString(), QStringLiteral("draft"));
    // Half of it uploaded: still refused.
    const HttpReply half = m_server.request("PUT", QStringLiteral("/api/v1/files/") + sha(bytes),
        bytes.left(2048), token(admin), {{"Content-Range", "bytes 0-2047/4096"}});
    QCOMPARE(half.status, 200);
    r = push(admin, "material", id, approve, 1);
    QCOMPARE(statusOf(r), QStringLiteral("rejected"));
    QCOMPARE(fieldOf(r), QStringLiteral("file"));
    // Complete: applied.
    const HttpReply rest = m_server.request("PUT", QStringLiteral("/api/v1/files/") + sha(bytes),
        bytes.mid(2048), token(admin), {{"Content-Range", "bytes 2048-4095/4096"}});
    QCOMPARE(rest.status, 200);
    QCOMPARE(statusOf(push(admin, "material", id, approve, 1)), QStringLiteral("applied"));
    // A new approved material naming a file that never came is refused at creation too.
    QJsonObject missing = approve;
    missing.insert("file", QStringLiteral("sha256:%1:x.pdf").arg(sha("never uploaded")));
    r = push(admin, "material", newId(), missing);
    QCOMPARE(statusOf(r), QStringLiteral("rejected"));
    QCOMPARE(fieldOf(r), QStringLiteral("file"));
}

void TestServerMaterials::draftIsNeverPresented()
{
    const QString id = material({{"status", "draft"}});
    const QJsonObject r
        = push("rep.sh01", "content_view", newId(), view(id, QDateTime::currentDateTimeUtc().addSecs(-600)));
    QCOMPARE(statusOf(r), QStringLiteral("rejected"));
    QCOMPARE(codeOf(r), QStringLiteral("material_unavailable"));
    QCOMPARE(fieldOf(r), QStringLiteral("material_id"));
    QVERIFY(m_server.scalar(QStringLiteral("SELECT count(*) FROM records WHERE entity = 'content_view' AND "
                                           "data LIKE ?1"),
                {QStringLiteral("%") + id + QStringLiteral("%")})
        == 0);
}

// valid_to is inclusive, and the server allows the view's UTC day one day past it (the laptop's time
// zone): the last accepted moment is the end of valid_to + 1 day, UTC.
void TestServerMaterials::validTo_data()
{
    QTest::addColumn<int>("daysAfter");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("on valid_to") << 0 << QTime(12, 0) << true;
    QTest::newRow("a day before") << -1 << QTime(12, 0) << true;
    QTest::newRow("at the limit: the grace day, 23:59:59") << 1 << QTime(23, 59, 59) << true;
    QTest::newRow("above: two days after, 00:00") << 2 << QTime(0, 0) << false;
    QTest::newRow("well above") << 30 << QTime(8, 0) << false;
}

void TestServerMaterials::validTo()
{
    QFETCH(int, daysAfter);
    QFETCH(QTime, time);
    QFETCH(bool, accepted);
    const QDate to = QDate::currentDate().addDays(-40);
    const QString id = material({{"valid_from", day(to.addDays(-365))}, {"valid_to", day(to)}});
    const QJsonObject r = push(
        "rep.sh01", "content_view", newId(), view(id, QDateTime(to.addDays(daysAfter), time, Qt::UTC)));
    if (accepted) {
        QCOMPARE(statusOf(r), QStringLiteral("applied"));
    } else {
        QCOMPARE(statusOf(r), QStringLiteral("rejected"));
        QCOMPARE(codeOf(r), QStringLiteral("material_unavailable"));
        QCOMPARE(fieldOf(r), QStringLiteral("started_at"));
    }
}

void TestServerMaterials::validFrom_data()
{
    QTest::addColumn<int>("daysAfter");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("on valid_from, 00:00") << 0 << QTime(0, 0) << true;
    QTest::newRow("a day after") << 1 << QTime(12, 0) << true;
    QTest::newRow("at the limit: the grace day before, 00:00") << -1 << QTime(0, 0) << true;
    QTest::newRow("below: two days before, 23:59:59") << -2 << QTime(23, 59, 59) << false;
    QTest::newRow("well below") << -30 << QTime(8, 0) << false;
}

void TestServerMaterials::validFrom()
{
    QFETCH(int, daysAfter);
    QFETCH(QTime, time);
    QFETCH(bool, accepted);
    const QDate from = QDate::currentDate().addDays(-10);
    const QString id = material({{"valid_from", day(from)}, {"valid_to", day(from.addDays(365))}});
    const QJsonObject r = push(
        "rep.sh01", "content_view", newId(), view(id, QDateTime(from.addDays(daysAfter), time, Qt::UTC)));
    if (accepted) {
        QCOMPARE(statusOf(r), QStringLiteral("applied"));
    } else {
        QCOMPARE(statusOf(r), QStringLiteral("rejected"));
        QCOMPARE(codeOf(r), QStringLiteral("material_unavailable"));
        QCOMPARE(fieldOf(r), QStringLiteral("started_at"));
    }
}

// A view recorded offline before the withdrawal reached the server is kept; one that started at or
// after the moment the server stored the withdrawal is refused.
void TestServerMaterials::withdrawnBeforeOrAfterStart()
{
    const QString id = material({});
    const QJsonObject w = push("admin", "material", id, QJsonObject {{"status", "withdrawn"}}, 1);
    QCOMPARE(statusOf(w), QStringLiteral("applied"));
    const QString updatedAt
        = m_server.query(QStringLiteral("SELECT updated_at FROM records WHERE id = ?1"), {id})
              .value(0)
              .value(0);
    const QDateTime at = QDateTime::fromString(updatedAt, Qt::ISODate);
    QVERIFY2(at.isValid(), qPrintable(updatedAt));
    const QDateTime second = at.addMSecs(-at.time().msec()); // started_at travels in whole seconds

    QJsonObject r = push("rep.sh01", "content_view", newId(), view(id, second.addSecs(-1)));
    QCOMPARE(statusOf(r), QStringLiteral("applied"));
    r = push("rep.sh01", "content_view", newId(), view(id, at.addSecs(1)));
    QCOMPARE(statusOf(r), QStringLiteral("rejected"));
    QCOMPARE(codeOf(r), QStringLiteral("material_unavailable"));
    QCOMPARE(fieldOf(r), QStringLiteral("material_id"));
    r = push("rep.sh01", "content_view", newId(), view(id, at.addSecs(3600)));
    QCOMPARE(statusOf(r), QStringLiteral("rejected"));
    QCOMPARE(fieldOf(r), QStringLiteral("material_id"));
    // An expired status is judged alike.
    const QString expired = material({});
    QCOMPARE(statusOf(push("admin", "material", expired, QJsonObject {{"status", "expired"}}, 1)),
        QStringLiteral("applied"));
    r = push("rep.sh01", "content_view", newId(), view(expired, QDateTime::currentDateTimeUtc().addSecs(60)));
    QCOMPARE(fieldOf(r), QStringLiteral("material_id"));
    QCOMPARE(statusOf(push("rep.sh01", "content_view", newId(), view(expired, at.addDays(-1)))),
        QStringLiteral("applied"));
}

void TestServerMaterials::versionMustMatch_data()
{
    QTest::addColumn<int>("viewVersion");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("below") << 1 << false;
    QTest::newRow("at") << 2 << true;
    QTest::newRow("above") << 3 << false;
}

void TestServerMaterials::versionMustMatch()
{
    QFETCH(int, viewVersion);
    QFETCH(bool, accepted);
    const QString id = material({{"material_version", 2}});
    const QJsonObject r = push("rep.sh01", "content_view", newId(),
        view(id, QDateTime::currentDateTimeUtc().addSecs(-60), viewVersion));
    if (accepted) {
        QCOMPARE(statusOf(r), QStringLiteral("applied"));
    } else {
        QCOMPARE(codeOf(r), QStringLiteral("material_unavailable"));
        QCOMPARE(fieldOf(r), QStringLiteral("material_version"));
    }
}

void TestServerMaterials::trackingConsent()
{
    const QString id = material({});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString rep = QStringLiteral("rep.sh01");
    const auto consent = [&](const QString &hcp, const QString &status, const QDateTime &captured) {
        const QJsonObject r = push(rep, "consent", newId(),
            QJsonObject {{"hcp_id", hcp}, {"channel", "activity_tracking"}, {"status", status},
                {"captured_at", iso(captured)}, {"source", "paper_form"}});
        QCOMPARE(statusOf(r), QStringLiteral("applied"));
    };
    // Consent not required (the company's setting is unset): an HCP with no record may be named.
    const QString free = m_hcps.at(0);
    QCOMPARE(statusOf(push(rep, "content_view", newId(), view(id, now.addSecs(-60), 1, free))),
        QStringLiteral("applied"));
    // Withdrawn before the view: refused on hcp_id; the same view anonymous is kept.
    const QString withdrawn = m_hcps.at(1);
    consent(withdrawn, "withdrawn", now.addDays(-2));
    QJsonObject r = push(rep, "content_view", newId(), view(id, now.addSecs(-60), 1, withdrawn));
    QCOMPARE(statusOf(r), QStringLiteral("rejected"));
    QCOMPARE(codeOf(r), QStringLiteral("consent_required"));
    QCOMPARE(fieldOf(r), QStringLiteral("hcp_id"));
    QCOMPARE(
        statusOf(push(rep, "content_view", newId(), view(id, now.addSecs(-60)))), QStringLiteral("applied"));
    // Withdrawn after the view started: the view was allowed then.
    QCOMPARE(statusOf(push(rep, "content_view", newId(), view(id, now.addDays(-3), 1, withdrawn))),
        QStringLiteral("applied"));

    // Consent required: granted passes, missing is refused.
    setSetting(QStringLiteral("consent.required"), true);
    const QString granted = m_hcps.at(2);
    consent(granted, "granted", now.addDays(-1));
    QCOMPARE(statusOf(push(rep, "content_view", newId(), view(id, now.addSecs(-60), 1, granted))),
        QStringLiteral("applied"));
    // Before the grant was captured: no consent then.
    r = push(rep, "content_view", newId(), view(id, now.addDays(-2), 1, granted));
    QCOMPARE(codeOf(r), QStringLiteral("consent_required"));
    const QString none = m_hcps.at(3);
    r = push(rep, "content_view", newId(), view(id, now.addSecs(-60), 1, none));
    QCOMPARE(codeOf(r), QStringLiteral("consent_required"));
    QCOMPARE(fieldOf(r), QStringLiteral("hcp_id"));
    setSetting(QStringLiteral("consent.required"), false);
}

namespace {

QString writePdf(const QString &path, int pages)
{
    QPdfWriter pdf(path);
    QPainter p(&pdf);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            pdf.newPage();
        p.drawText(QRect(300, 300, 5000, 500), Qt::AlignLeft, QStringLiteral("Page %1").arg(i + 1));
    }
    p.end();
    return path;
}

QStringList addArgs(ServerProcess &server, const QStringList &more)
{
    return QStringList {
               QStringLiteral("material"), QStringLiteral("add"), QStringLiteral("--data"), server.dataDir()}
    + more;
}

} // namespace

void TestServerMaterials::materialAddCommand()
{
    QTemporaryDir dir;
    const QString pdf = writePdf(dir.filePath(QStringLiteral("aid.pdf")), 3);
    const QJsonObject product = m_org.records.value(m_product);
    QString existingProduct;
    for (const QJsonObject &k : m_org.all(QStringLiteral("key_message"))) {
        if (k.value("product_id").toString() == m_product) {
            existingProduct = k.value("text").toString();
            break;
        }
    }
    QVERIFY(!existingProduct.isEmpty());
    QByteArray out, err;
    const int code = ServerProcess::runCommand(
        addArgs(m_server,
            {pdf, QStringLiteral("--product"), product.value("name").toString().toUpper(),
                QStringLiteral("--title"), QStringLiteral("Scripted aid"), QStringLiteral("--approve"),
                QStringLiteral("--valid-from"), QStringLiteral("2026-01-01"), QStringLiteral("--valid-to"),
                QStringLiteral("2030-12-31"), QStringLiteral("--approval-code"), QStringLiteral("CODE-9"),
                QStringLiteral("--key-message"), QStringLiteral("2:一条新的关键信息"),
                QStringLiteral("--key-message"), QStringLiteral("all:") + existingProduct}),
        {}, &out, &err);
    QVERIFY2(code == 0, err.constData());
    const QString id = QString::fromUtf8(out).trimmed();
    const QJsonObject m = m_server.storedRecord(id);
    QCOMPARE(m.value("status").toString(), QStringLiteral("approved"));
    QCOMPARE(m.value("page_count").toInt(), 3);
    QCOMPARE(m.value("kind").toString(), QStringLiteral("pdf"));
    QCOMPARE(m.value("valid_to").toString(), QStringLiteral("2030-12-31"));
    QCOMPARE(m.value("approval_code").toString(), QStringLiteral("CODE-9"));
    QCOMPARE(m.value("product_id").toString(), m_product);
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString hash = sha(file.readAll());
    QCOMPARE(m.value("file").toString(), QStringLiteral("sha256:%1:aid.pdf").arg(hash));
    // The file and its thumbnail are served as any upload.
    const QString admin = token(QStringLiteral("admin"));
    QCOMPARE(m_server.request("HEAD", QStringLiteral("/api/v1/files/") + hash, {}, admin)
                 .header("Rounds-File-State"),
        QByteArray("complete"));
    const HttpReply thumb
        = m_server.get(QStringLiteral("/api/v1/files/") + m.value("thumbnail").toString().mid(7, 64), admin);
    QCOMPARE(thumb.status, 200);
    QVERIFY(thumb.body.startsWith("\x89PNG"));
    // One new key message (the existing text is reused), two links.
    QCOMPARE(m_server.scalar(
                 QStringLiteral("SELECT count(*) FROM records WHERE entity = 'key_message' AND data LIKE ?1"),
                 {QStringLiteral("%一条新的关键信息%")}),
        1);
    QCOMPARE(m_server.scalar(
                 QStringLiteral("SELECT count(*) FROM records WHERE entity = 'material_key_message' AND "
                                "data LIKE ?1"),
                 {QStringLiteral("%") + id + QStringLiteral("%")}),
        2);
    // Audited as rounds-server's change.
    QVERIFY(m_server.scalar(QStringLiteral("SELECT count(*) FROM audit WHERE record_id = ?1"), {id}) >= 1);
    // A rep may now present it: a view of it is kept.
    QCOMPARE(statusOf(push(
                 "rep.sh01", "content_view", newId(), view(id, QDateTime::currentDateTimeUtc().addSecs(-5)))),
        QStringLiteral("applied"));
    // Without --approve: a draft.
    QVERIFY(ServerProcess::runCommand(addArgs(m_server,
                                          {pdf, QStringLiteral("--product"), m_product,
                                              QStringLiteral("--title"), QStringLiteral("Draft aid")}),
                {}, &out, &err)
        == 0);
    QCOMPARE(m_server.storedRecord(QString::fromUtf8(out).trimmed()).value("status").toString(),
        QStringLiteral("draft"));
}

void TestServerMaterials::materialAddRefusesBadInput()
{
    QTemporaryDir dir;
    const QString pdf = writePdf(dir.filePath(QStringLiteral("aid.pdf")), 2);
    const QString text = dir.filePath(QStringLiteral("notes.txt"));
    QFile t(text);
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write("just some text");
    t.close();
    const QStringList title {QStringLiteral("--title"), QStringLiteral("T")};
    const QStringList product {QStringLiteral("--product"), m_product};
    struct Case
    {
        QStringList args;
        int code;
        const char *says;
    };
    const QList<Case> cases {
        {QStringList {pdf, QStringLiteral("--product"), QStringLiteral("Aspirin 9000")} + title, 1,
            "no product named 'Aspirin 9000'"},
        {QStringList {dir.filePath(QStringLiteral("none.pdf"))} + product + title, 1, "cannot read"},
        {QStringList {text} + product + title, 1, "neither a PDF nor an image"},
        {QStringList {pdf} + product + title
                + QStringList {QStringLiteral("--key-message"), QStringLiteral("3:x")},
            1, "names page 3"},
        {QStringList {pdf} + product + title
                + QStringList {QStringLiteral("--key-message"), QStringLiteral("x")},
            2, "PAGE:TEXT"},
        {QStringList {pdf} + product + title
                + QStringList {QStringLiteral("--valid-to"), QStringLiteral("2026-02-30")},
            2, "wants a date"},
        {QStringList {pdf} + product
                + QStringList {QStringLiteral("--title"), QStringLiteral("T"), QStringLiteral("--valid-from"),
                    QStringLiteral("2027-01-02"), QStringLiteral("--valid-to"), QStringLiteral("2027-01-01")},
            2, "before --valid-from"},
        {QStringList {pdf} + product, 2, "--title are required"},
    };
    const qint64 before
        = m_server.scalar(QStringLiteral("SELECT count(*) FROM records WHERE entity = 'material'"));
    for (const Case &c : cases) {
        QByteArray out, err;
        const int code = ServerProcess::runCommand(addArgs(m_server, c.args), {}, &out, &err);
        QVERIFY2(
            code == c.code, qPrintable(c.args.join(u' ') + QStringLiteral(" -> ") + QString::fromUtf8(err)));
        QVERIFY2(err.contains(c.says), err.constData());
    }
    // Too large for files.max_bytes: the limit at the file's size passes, one byte less is refused.
    const qint64 size = QFileInfo(pdf).size();
    QVERIFY(size > 1024);
    for (const qint64 limit : {size, size - 1}) {
        QVERIFY(ServerProcess::runCommand({QStringLiteral("setting"), QStringLiteral("--data"),
                    m_server.dataDir(), QStringLiteral("--key"), QStringLiteral("files.max_bytes"),
                    QStringLiteral("--value"), QString::number(limit)})
            == 0);
        QByteArray out, err;
        const int code = ServerProcess::runCommand(
            addArgs(m_server, QStringList {pdf} + product + title), {}, &out, &err);
        if (limit == size) {
            QVERIFY2(code == 0, err.constData());
        } else {
            QCOMPARE(code, 1);
            QVERIFY2(err.contains("more than files.max_bytes"), err.constData());
        }
    }
    QVERIFY(ServerProcess::runCommand({QStringLiteral("setting"), QStringLiteral("--data"),
                m_server.dataDir(), QStringLiteral("--key"), QStringLiteral("files.max_bytes"),
                QStringLiteral("--value"), QStringLiteral("268435456")})
        == 0);
    // Only the one at the limit was added.
    QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM records WHERE entity = 'material'")),
        before + 1);
}

QTEST_MAIN(TestServerMaterials)
#include "tst_servermaterials.moc"
