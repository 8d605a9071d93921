// The one builder of meeting compliance facts (common/compliance/facts.h) that client and server both
// call. The rows below are the cases where the client's factsOf and the server's build used to read a
// record differently; the expected values are the ones both ends now share.
#include "common/compliance/facts.h"

#include <QJsonObject>
#include <QTest>

using namespace rounds;
using namespace rounds::compliance;

namespace {

protocol::Record record(const QString &id, const QJsonObject &fields)
{
    protocol::Record r;
    r.id = id;
    r.fields = fields;
    return r;
}

// The store of the test: one HCP, Dr Li, tier A.
std::optional<QJsonObject> drLi(const QString &hcpId)
{
    if (hcpId != QLatin1String("hcp-li"))
        return std::nullopt;
    return QJsonObject {{QStringLiteral("full_name"), QStringLiteral("Dr Li")},
        {QStringLiteral("tier"), QStringLiteral("A")}};
}

} // namespace

class TestComplianceFacts : public QObject
{
    Q_OBJECT
private slots:
    void attendee_data()
    {
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<bool>("lookUp");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("hcpId");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("tier");
        QTest::addColumn<QString>("role");

        const QString li = QStringLiteral("hcp-li");
        // Kind and role missing: the schema's defaults (the server used to leave the role empty).
        QTest::newRow("no kind, no role")
            << QJsonObject {{QStringLiteral("hcp_id"), li}} << true << "hcp" << li << "Dr Li"
            << "A"
            << "attendee";
        // A null kind reads as missing, the same default.
        QTest::newRow("null kind") << QJsonObject {{QStringLiteral("kind"), QJsonValue()},
            {QStringLiteral("hcp_id"), li}}
                                   << true << "hcp" << li << "Dr Li"
                                   << "A"
                                   << "attendee";
        // The row's own name wins over the HCP's (the client used to take the HCP's full name).
        QTest::newRow("row names the HCP") << QJsonObject {{QStringLiteral("hcp_id"), li},
            {QStringLiteral("name"), QStringLiteral("Li Wei")}}
                                           << true << "hcp" << li << "Li Wei"
                                           << "A"
                                           << "attendee";
        // An HCP this store does not hold: named by the id (the client used to leave the name empty).
        QTest::newRow("HCP not in the store")
            << QJsonObject {{QStringLiteral("hcp_id"), QStringLiteral("hcp-zz")}} << true << "hcp"
            << "hcp-zz"
            << "hcp-zz"
            << ""
            << "attendee";
        // Without the lookup (the other meetings of the year): no tier, the id as the name.
        QTest::newRow("no lookup") << QJsonObject {{QStringLiteral("hcp_id"), li},
            {QStringLiteral("role"), QStringLiteral("speaker")}}
                                   << false << "hcp" << li << li << ""
                                   << "speaker";
        // A walk-in that names an HCP id (refused on push today, possible in old rows): the id is kept
        // as stored (the client used to drop it), no tier is looked up, and the rules do not count it
        // as the HCP (see hcpsOf).
        QTest::newRow("walk-in with an hcp_id")
            << QJsonObject {{QStringLiteral("kind"), QStringLiteral("walk_in")},
                   {QStringLiteral("hcp_id"), li}, {QStringLiteral("name"), QStringLiteral("Wang")}}
            << true << "walk_in" << li << "Wang"
            << ""
            << "attendee";
    }

    void attendee()
    {
        QFETCH(QJsonObject, fields);
        QFETCH(bool, lookUp);
        const Attendee a
            = attendeeFacts(record(QStringLiteral("a1"), fields), lookUp ? HcpLookup(drLi) : HcpLookup());
        QCOMPARE(a.id, QStringLiteral("a1"));
        QTEST(a.kind, "kind");
        QTEST(a.hcpId, "hcpId");
        QTEST(a.name, "name");
        QTEST(a.tier, "tier");
        QTEST(a.role, "role");
    }

    void expenseDefaults()
    {
        // A missing status is the schema's default (the server used to leave it empty).
        const Expense e = expenseFacts(record(QStringLiteral("e1"),
            {{QStringLiteral("category"), QStringLiteral("catering")},
                {QStringLiteral("amount_minor"), 12000}}));
        QCOMPARE(e.status, QStringLiteral("estimated"));
        QCOMPARE(e.amountMinor, 12000);
        QCOMPARE(e.category, QStringLiteral("catering"));
    }

    void meeting()
    {
        const MeetingFacts f = meetingFacts(QStringLiteral("m1"), {{QStringLiteral("budget_minor"), 50000}},
            {record(QStringLiteral("a1"), {{QStringLiteral("hcp_id"), QStringLiteral("hcp-li")}}),
                record(QStringLiteral("a2"),
                    {{QStringLiteral("kind"), QStringLiteral("walk_in")},
                        {QStringLiteral("hcp_id"), QStringLiteral("hcp-wang")},
                        {QStringLiteral("name"), QStringLiteral("Wang")}})},
            {}, drLi);
        QCOMPARE(f.status, QStringLiteral("draft"));
        QCOMPARE(f.budgetMinor, 50000);
        QCOMPARE(f.attendees.size(), 2);
        // Only rows of kind hcp are followed by the yearly rule.
        QCOMPARE(hcpsOf(f), QSet<QString> {QStringLiteral("hcp-li")});
    }

    void otherTransfers()
    {
        MeetingFacts f
            = meetingFacts(QStringLiteral("m1"), {{QStringLiteral("status"), QStringLiteral("submitted")}},
                {record(QStringLiteral("a1"), {{QStringLiteral("hcp_id"), QStringLiteral("hcp-li")}})}, {});
        const MeetingFacts other
            = meetingFacts(QStringLiteral("m2"), {{QStringLiteral("status"), QStringLiteral("held")}},
                {record(QStringLiteral("b1"),
                     {{QStringLiteral("hcp_id"), QStringLiteral("hcp-li")},
                         {QStringLiteral("fee_minor"), 30000}, {QStringLiteral("signed_in"), true}}),
                    record(QStringLiteral("b2"),
                        {{QStringLiteral("hcp_id"), QStringLiteral("hcp-zhao")},
                            {QStringLiteral("fee_minor"), 10000}, {QStringLiteral("signed_in"), true}})},
                {record(QStringLiteral("c1"),
                    {{QStringLiteral("category"), QStringLiteral("catering")},
                        {QStringLiteral("amount_minor"), 4000},
                        {QStringLiteral("status"), QStringLiteral("actual")}})});
        addOtherTransfers(f, other);
        // Dr Li's fee plus one of two catering shares; Dr Zhao does not attend m1, so is not counted.
        QCOMPARE(f.otherTransfers.value(QStringLiteral("hcp-li")), 32000);
        QVERIFY(!f.otherTransfers.contains(QStringLiteral("hcp-zhao")));
        QVERIFY(commitsMoney(QStringLiteral("held")));
        QVERIFY(!commitsMoney(QStringLiteral("cancelled")));
        QVERIFY(!commitsMoney(QStringLiteral("draft")));
    }
};

QTEST_APPLESS_MAIN(TestComplianceFacts)
#include "tst_compliancefacts.moc"
