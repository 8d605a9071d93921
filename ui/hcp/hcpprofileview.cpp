#include "ui/hcp/hcpprofileview.h"
#include "ui/history/historydialog.h"

#include "common/protocol/enumlabels.h"
#include "common/protocol/messages.h"
#include "models/hcpqueries.h"
#include "models/localday.h"
#include "models/store.h"
#include "models/storewatcher.h"
#include "sync/session.h"
#include "ui/common/dates.h"
#include "ui/common/labels.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"
#include "ui/hcp/consentpanel.h"
#include "ui/hcp/contenthistorypanel.h"
#include "ui/hcp/personaldatabutton.h"
#include "ui/hcp/supporttrendwidget.h"

#include <QAction>
#include <QComboBox>
#include <QDate>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace rounds {

namespace {

const QStringList kWatched {QStringLiteral("hcp"), QStringLiteral("visit"), QStringLiteral("visit_detail"),
    QStringLiteral("hcp_tag"), QStringLiteral("change_request"), QStringLiteral("meeting_attendee"),
    QStringLiteral("meeting"), QStringLiteral("visit_plan"), QStringLiteral("user"),
    QStringLiteral("institution"), QStringLiteral("department"), QStringLiteral("alignment"),
    QStringLiteral("territory")};

QLabel *contactLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString categoryLabel(const QString &category)
{
    return EnumLabels::label(QStringLiteral("hcp_tag"), QStringLiteral("category"), category);
}

} // namespace

HcpProfileView::HcpProfileView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("hcpProfileView"));

    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("hcpNameLabel"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.7);
    big.setBold(true);
    m_name->setFont(big);
    m_identity = new QLabel(this);
    m_identity->setObjectName(QStringLiteral("hcpIdentityLabel"));
    m_identity->setWordWrap(true);
    m_tier = new QLabel(this);
    m_tier->setObjectName(QStringLiteral("tierBadgeLabel"));
    m_tier->setAlignment(Qt::AlignCenter);
    m_tier->setMinimumSize(56, 40);
    m_tier->setStyleSheet(QStringLiteral("QLabel { background: #1f6fb2; color: white; border-radius: 6px; "
                                         "font-weight: 600; padding: 4px 10px; }"));
    m_stats = new QLabel(this);
    m_stats->setObjectName(QStringLiteral("hcpStatsLabel"));
    auto *logVisit = new QPushButton(tr("&Log a visit…"), this);
    logVisit->setObjectName(QStringLiteral("logVisitButton"));
    auto *plan = new QPushButton(tr("&Plan a visit tomorrow"), this);
    plan->setObjectName(QStringLiteral("planVisitButton"));
    connect(logVisit, &QPushButton::clicked, this, [this] { emit logVisitRequested(m_hcpId); });
    // Presenting opens a new visit, whose dialog starts the material picker (ui/visits/visitpresenting.cpp).
    auto *present = widgets::button(tr("Pre&sent…"), QStringLiteral("presentButton"), this);
    connect(present, &QPushButton::clicked, this, [this] { emit presentRequested(m_hcpId); });
    connect(plan, &QPushButton::clicked, this, [this] {
        const QDateTime when(QDate::currentDate().addDays(1), QTime(10, 0));
        if (!planVisit(when).isEmpty())
            showMessage(tr("Planned for %1.").arg(Dates::dateTime(when)), false);
    });
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("profileMessageLabel"));
    m_message->setWordWrap(true);

    // Contact and coverage: what a manager asks first about a doctor of the team.
    m_phone = contactLabel(QStringLiteral("hcpPhoneLabel"), this);
    m_address = contactLabel(QStringLiteral("hcpAddressLabel"), this);
    m_owners = contactLabel(QStringLiteral("hcpOwnersLabel"), this);
    auto *contact = new QFormLayout;
    contact->setContentsMargins(0, 4, 0, 0);
    contact->addRow(tr("Phone:"), m_phone);
    contact->addRow(tr("Address:"), m_address);
    contact->addRow(tr("Covered by:"), m_owners);

    // Back and forward between the profiles seen, like a browser's.
    m_backAction = new QAction(tr("Back"), this);
    m_backAction->setObjectName(QStringLiteral("profileBackAction"));
    m_backAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_backAction->setToolTip(tr("Back to the previous profile (Alt+Left)"));
    m_forwardAction = new QAction(tr("Forward"), this);
    m_forwardAction->setObjectName(QStringLiteral("profileForwardAction"));
    m_forwardAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_forwardAction->setToolTip(tr("Forward to the next profile (Alt+Right)"));
    // Window-wide, but only while the profile is on screen (a hidden widget's shortcuts do not fire).
    for (QAction *a : {m_backAction, m_forwardAction}) {
        a->setShortcutContext(Qt::WindowShortcut);
        addAction(a);
    }
    connect(m_backAction, &QAction::triggered, this, &HcpProfileView::goBack);
    connect(m_forwardAction, &QAction::triggered, this, &HcpProfileView::goForward);
    auto *back = new QToolButton(this);
    back->setObjectName(QStringLiteral("profileBackButton"));
    back->setDefaultAction(m_backAction);
    back->setArrowType(Qt::LeftArrow);
    back->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *forward = new QToolButton(this);
    forward->setObjectName(QStringLiteral("profileForwardButton"));
    forward->setDefaultAction(m_forwardAction);
    forward->setArrowType(Qt::RightArrow);
    forward->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *navigation = new QHBoxLayout;
    navigation->addWidget(back);
    navigation->addWidget(forward);
    navigation->addStretch();
    updateNavigation();

    auto *headerText = new QVBoxLayout;
    headerText->addWidget(m_name);
    headerText->addWidget(m_identity);
    headerText->addWidget(m_stats);
    headerText->addLayout(contact);
    auto *header = new QHBoxLayout;
    header->addWidget(m_tier, 0, Qt::AlignTop);
    header->addSpacing(8);
    header->addLayout(headerText, 1);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(logVisit);
    buttons->addWidget(plan);
    buttons->addWidget(present);
    auto *history = widgets::button(tr("&History…"), QStringLiteral("hcpHistoryButton"), this);
    connect(history, &QPushButton::clicked, this, [this] {
        if (!m_hcpId.isEmpty())
            HistoryDialog::open(m_session, QStringLiteral("hcp"), m_hcpId, m_name->text(), this);
    });
    buttons->addWidget(history);
    // Data-subject requests (export, erase) for SFE and admin; the role gate shows it to them only.
    m_personalData = new PersonalDataButton(session, this);
    connect(m_personalData, &PersonalDataButton::message, this, &HcpProfileView::showMessage);
    buttons->addWidget(m_personalData);
    buttons->addStretch();
    header->addLayout(buttons);

    // Left: the timeline.
    QGroupBox *timelineBox
        = widgets::named<QGroupBox>(QStringLiteral("timelineGroupBox"), tr("Visits and meetings"), this);
    m_timeline = new QTableWidget(0, 5, timelineBox);
    m_timeline->setObjectName(QStringLiteral("timelineTableWidget"));
    m_timeline->setHorizontalHeaderLabels({tr("Date"), tr("What"), tr("Details"), tr("By"), tr("Status")});
    m_timeline->verticalHeader()->hide();
    m_timeline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timeline->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timeline->setWordWrap(true);
    m_timeline->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_timeline->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_timeline->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_timeline->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_timeline->horizontalHeader()->setSectionResizeMode(4, QHeaderView::ResizeToContents);
    m_timeline->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_timeline, &QTableWidget::cellActivated, this, [this](int row, int) {
        const QString id = m_timeline->item(row, 0)->data(Qt::UserRole).toString();
        if (!id.isEmpty())
            emit visitActivated(id);
    });
    (new QVBoxLayout(timelineBox))->addWidget(m_timeline);

    // Right: upcoming plans, support, products, tags, follow-ups, change requests, correction.
    QGroupBox *upcomingBox
        = widgets::named<QGroupBox>(QStringLiteral("upcomingPlansGroupBox"), tr("Upcoming plans"), this);
    m_upcoming = new QListWidget(upcomingBox);
    m_upcoming->setObjectName(QStringLiteral("upcomingPlansListWidget"));
    m_upcoming->setMaximumHeight(90);
    (new QVBoxLayout(upcomingBox))->addWidget(m_upcoming);

    QGroupBox *supportBox
        = widgets::named<QGroupBox>(QStringLiteral("supportGroupBox"), tr("Support level"), this);
    m_trend = new SupportTrendWidget(supportBox);
    m_trendText = new QLabel(supportBox);
    m_trendText->setObjectName(QStringLiteral("supportTrendLabel"));
    auto *supportLayout = new QVBoxLayout(supportBox);
    supportLayout->addWidget(m_trend);
    supportLayout->addWidget(m_trendText);

    QGroupBox *productsBox
        = widgets::named<QGroupBox>(QStringLiteral("productsGroupBox"), tr("Products discussed"), this);
    m_products = new QLabel(productsBox);
    m_products->setObjectName(QStringLiteral("productsDiscussedLabel"));
    m_products->setWordWrap(true);
    (new QVBoxLayout(productsBox))->addWidget(m_products);

    QGroupBox *tagsBox = widgets::named<QGroupBox>(QStringLiteral("tagsGroupBox"), tr("Tags"), this);
    m_tags = new QListWidget(tagsBox);
    m_tags->setObjectName(QStringLiteral("tagsListWidget"));
    m_tags->setFlow(QListView::LeftToRight);
    m_tags->setWrapping(true);
    m_tags->setSpacing(3);
    m_tags->setMaximumHeight(84);
    m_tagCategory = new QComboBox(tagsBox);
    m_tagCategory->setObjectName(QStringLiteral("tagCategoryComboBox"));
    for (const EnumLabels::Choice &c :
        EnumLabels::values(QStringLiteral("hcp_tag"), QStringLiteral("category")))
        m_tagCategory->addItem(c.second, c.first);
    m_tagText = new QLineEdit(tagsBox);
    m_tagText->setObjectName(QStringLiteral("tagLineEdit"));
    m_tagText->setPlaceholderText(tr("New tag"));
    auto *addTagButton = new QPushButton(tr("Add"), tagsBox);
    addTagButton->setObjectName(QStringLiteral("addTagButton"));
    auto *removeTagButton = new QPushButton(tr("Remove"), tagsBox);
    removeTagButton->setObjectName(QStringLiteral("removeTagButton"));
    connect(addTagButton, &QPushButton::clicked, this, [this] {
        if (addTag(m_tagCategory->currentData().toString(), m_tagText->text()))
            m_tagText->clear();
    });
    connect(m_tagText, &QLineEdit::returnPressed, addTagButton, &QPushButton::click);
    connect(removeTagButton, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_tags->currentItem())
            removeTag(item->data(Qt::UserRole).toString());
    });
    auto *tagRow = new QHBoxLayout;
    tagRow->addWidget(m_tagCategory);
    tagRow->addWidget(m_tagText, 1);
    tagRow->addWidget(addTagButton);
    tagRow->addWidget(removeTagButton);
    auto *tagsLayout = new QVBoxLayout(tagsBox);
    tagsLayout->addWidget(m_tags);
    tagsLayout->addLayout(tagRow);

    QGroupBox *followUpsBox
        = widgets::named<QGroupBox>(QStringLiteral("followUpsGroupBox"), tr("Open follow-ups"), this);
    m_followUps = new QListWidget(followUpsBox);
    m_followUps->setObjectName(QStringLiteral("followUpsListWidget"));
    m_followUps->setMaximumHeight(90);
    (new QVBoxLayout(followUpsBox))->addWidget(m_followUps);

    QGroupBox *requestsBox = widgets::named<QGroupBox>(
        QStringLiteral("changeRequestsGroupBox"), tr("Corrections waiting for SFE"), this);
    m_changeRequests = new QListWidget(requestsBox);
    m_changeRequests->setObjectName(QStringLiteral("changeRequestsListWidget"));
    m_changeRequests->setMaximumHeight(70);
    m_correctionField = new QComboBox(requestsBox);
    m_correctionField->setObjectName(QStringLiteral("correctionFieldComboBox"));
    m_correctionField->addItem(tr("Title"), QStringLiteral("title"));
    m_correctionField->addItem(tr("Specialty"), QStringLiteral("specialty"));
    m_correctionField->addItem(tr("Phone"), QStringLiteral("phone"));
    m_correctionField->addItem(tr("E-mail"), QStringLiteral("email"));
    m_correctionValue = new QLineEdit(requestsBox);
    m_correctionValue->setObjectName(QStringLiteral("correctionValueLineEdit"));
    m_correctionValue->setPlaceholderText(tr("Correct value"));
    m_correctionReason = new QLineEdit(requestsBox);
    m_correctionReason->setObjectName(QStringLiteral("correctionReasonLineEdit"));
    m_correctionReason->setPlaceholderText(tr("Why (e.g. promoted in October)"));
    auto *propose = new QPushButton(tr("Propose a &correction"), requestsBox);
    propose->setObjectName(QStringLiteral("proposeCorrectionButton"));
    connect(propose, &QPushButton::clicked, this, [this] {
        if (proposeCorrection(m_correctionField->currentData().toString(), m_correctionValue->text(),
                m_correctionReason->text())) {
            m_correctionValue->clear();
            m_correctionReason->clear();
        }
    });
    auto *correctionRow = new QHBoxLayout;
    correctionRow->addWidget(m_correctionField);
    correctionRow->addWidget(m_correctionValue, 1);
    auto *requestsLayout = new QVBoxLayout(requestsBox);
    requestsLayout->addWidget(m_changeRequests);
    requestsLayout->addLayout(correctionRow);
    requestsLayout->addWidget(m_correctionReason);
    requestsLayout->addWidget(propose);

    auto *right = new QVBoxLayout;
    right->addWidget(upcomingBox);
    right->addWidget(supportBox);
    right->addWidget(productsBox);
    right->addWidget(tagsBox);
    right->addWidget(followUpsBox);
    right->addWidget(requestsBox);
    right->addStretch();
    // Under the timeline: consent per channel, captured and withdrawn here (docs/privacy.md).
    m_consent = new ConsentPanel(session, this);
    // What the HCP was shown in calls (issue 21): material, pages viewed, time, reactions.
    m_content = new ContentHistoryPanel(session, this);
    auto *left = new QVBoxLayout;
    left->addWidget(timelineBox, 1);
    left->addWidget(m_content);
    left->addWidget(m_consent);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(navigation);
    layout->addLayout(header);
    layout->addWidget(m_message);
    layout->addLayout(columns, 1);
    m_message->hide();

    new StoreWatcher(session->store(), kWatched, this, [this](const StoreChanges &) {
        if (!m_hcpId.isEmpty())
            reload();
    });
    bindActionsToRoles({logVisit, plan, present}, {m_tagCategory, m_tagText, addTagButton}, removeTagButton,
        {m_correctionField, m_correctionValue, m_correctionReason, propose});
}

// Every button and field here is a write; each shows only to a role whose writes the server accepts.
void HcpProfileView::bindActionsToRoles(const QList<QWidget *> &logAndPlan, const QList<QWidget *> &tagRow,
    QWidget *removeTag, const QList<QWidget *> &correction)
{
    using Op = RoleGate::Op;
    m_gate.bind(logAndPlan.at(0), {{QStringLiteral("visit"), Op::Create}});
    m_gate.bind(logAndPlan.at(1), {{QStringLiteral("visit_plan"), Op::Create}});
    for (QWidget *w : tagRow)
        m_gate.bind(w, {{QStringLiteral("hcp_tag"), Op::Create}});
    m_gate.bind(removeTag, {{QStringLiteral("hcp_tag"), Op::Change}});
    for (QWidget *w : correction)
        m_gate.bind(w, {{QStringLiteral("change_request"), Op::Create}});
    // An erasure changes the HCP's master data: SFE and admin, who file data-subject requests.
    m_gate.bind(m_personalData, {{QStringLiteral("hcp"), Op::Change}});
    const auto apply = [this] {
        if (m_session->store())
            m_gate.apply(m_session->store()->policy());
    };
    apply();
    connect(m_session, &Session::accountChanged, this, apply);
}

void HcpProfileView::setHcp(const QString &hcpId)
{
    if (hcpId != m_hcpId) {
        if (!m_hcpId.isEmpty())
            m_backStack << m_hcpId;
        m_forwardStack.clear();
    }
    display(hcpId);
}

void HcpProfileView::goBack()
{
    if (m_backStack.isEmpty())
        return;
    m_forwardStack << m_hcpId;
    display(m_backStack.takeLast());
}

void HcpProfileView::goForward()
{
    if (m_forwardStack.isEmpty())
        return;
    m_backStack << m_hcpId;
    display(m_forwardStack.takeLast());
}

void HcpProfileView::display(const QString &hcpId)
{
    m_hcpId = hcpId;
    m_message->hide();
    updateNavigation();
    m_consent->setHcp(hcpId);
    m_content->setHcp(hcpId);
    reload();
}

void HcpProfileView::updateNavigation()
{
    m_backAction->setEnabled(canGoBack());
    m_forwardAction->setEnabled(canGoForward());
}

void HcpProfileView::reload()
{
    HcpProfile profile;
    QString error;
    if (!HcpQueries::profile(m_session->store(), m_hcpId, &profile, &error))
        showMessage(widgets::readError(error), true);
    showIdentity(profile.summary);
    showCoverage(profile);
    fillTimeline(profile);
    fillTrendAndProducts(profile.visits);
    fillTags(profile.tags);
    fillChangeRequests(profile.changeRequests);
    const QString lastVisit = profile.visits.isEmpty() ? QString() : profile.visits.first().visitedAt;
    const int visitCount = int(profile.visits.size());
    m_stats->setText(tr("%n visit(s)", nullptr, visitCount)
        + (lastVisit.isEmpty() ? QString()
                               : tr(" · last visit: %1").arg(Dates::relative(LocalDay::of(lastVisit)))));
}

void HcpProfileView::showCoverage(const HcpProfile &profile)
{
    const HcpSummary &hcp = profile.summary;
    const QString none = tr("not recorded");
    m_phone->setText(hcp.phone.isEmpty() ? none : hcp.phone);
    m_address->setText(hcp.address.isEmpty() ? none : hcp.address);
    QStringList owners;
    for (const HcpOwner &o : profile.owners)
        owners << (o.repName.isEmpty() ? tr("%1 (no rep)").arg(o.territory)
                                       : tr("%1 (%2)").arg(o.repName, o.territory));
    m_owners->setText(owners.isEmpty() ? tr("no territory today") : owners.join(QStringLiteral(", ")));

    m_upcoming->clear();
    for (const HcpUpcomingPlan &p : profile.upcomingPlans) {
        QStringList parts {Dates::dateTime(p.plannedAt), Labels::channel(p.channel)};
        if (!p.repName.isEmpty())
            parts << p.repName;
        QString text = parts.join(QStringLiteral(" · "));
        if (!p.purpose.isEmpty())
            text += QStringLiteral(" — ") + p.purpose;
        auto *item = new QListWidgetItem(text, m_upcoming);
        item->setData(Qt::UserRole, p.id);
    }
    if (m_upcoming->count() == 0)
        new QListWidgetItem(tr("No visit planned."), m_upcoming);
}

void HcpProfileView::showIdentity(const HcpSummary &hcp)
{
    m_name->setText(hcp.isValid() ? hcp.name : tr("Choose an HCP in the list"));
    m_personalData->setHcp(hcp.isValid() ? m_hcpId : QString(), hcp.name);
    QStringList who;
    for (const QString &s : {hcp.title, hcp.specialty})
        if (!s.isEmpty())
            who << s;
    QStringList where;
    for (const QString &s : {hcp.institution, hcp.department, hcp.city})
        if (!s.isEmpty())
            where << s;
    m_identity->setText(
        who.join(QStringLiteral(" · ")) + QLatin1Char('\n') + where.join(QStringLiteral(" · ")));
    m_tier->setText(hcp.tier.isEmpty() ? QStringLiteral("–") : tr("Tier %1").arg(hcp.tier));
}

// Visits (newest first, with their products) and meetings in one timeline; the recent follow-ups beside.
void HcpProfileView::fillTimeline(const HcpProfile &profile)
{
    struct Entry
    {
        QString when, what, details, by, status, visitId;
    };
    QList<Entry> entries;
    m_followUps->clear();
    const QDate today = QDate::currentDate();
    for (const HcpVisit &v : profile.visits) {
        QStringList details;
        if (!v.products.isEmpty())
            details << v.products.join(QStringLiteral(", "));
        if (!v.feedback.isEmpty())
            details << QStringLiteral("“%1”").arg(v.feedback);
        entries << Entry {v.visitedAt, tr("Visit · %1").arg(Labels::channel(v.channel)),
            details.join(QStringLiteral(" — ")), v.repName,
            v.status == QLatin1String("submitted") ? tr("Submitted") : tr("Draft"), v.id};
        if (!v.followUp.isEmpty() && v.followUpDue.isValid() && v.followUpDue >= today.addDays(-30)) {
            auto *item = new QListWidgetItem(
                tr("%1 — due %2").arg(v.followUp, Dates::date(v.followUpDue)), m_followUps);
            if (v.followUpDue < today)
                item->setForeground(theme::toneColor(theme::Tone::Error));
        }
    }
    if (m_followUps->count() == 0)
        new QListWidgetItem(tr("Nothing to follow up."), m_followUps);
    for (const HcpMeeting &m : profile.meetings) {
        entries << Entry {m.startsAt,
            m.role == QLatin1String("speaker")     ? tr("Meeting · speaker")
                : m.role == QLatin1String("chair") ? tr("Meeting · chair")
                                                   : tr("Meeting"),
            m.title, QString(), Labels::meetingStatus(m.status), QString()};
    }
    std::stable_sort(
        entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.when > b.when; });
    m_timeline->setRowCount(int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        const Entry &e = entries.at(i);
        auto *date = new QTableWidgetItem(Dates::date(e.when));
        date->setData(Qt::UserRole, e.visitId);
        m_timeline->setItem(i, 0, date);
        m_timeline->setItem(i, 1, new QTableWidgetItem(e.what));
        m_timeline->setItem(i, 2, new QTableWidgetItem(e.details));
        m_timeline->setItem(i, 3, new QTableWidgetItem(e.by));
        m_timeline->setItem(i, 4, new QTableWidgetItem(e.status));
    }
}

void HcpProfileView::fillTrendAndProducts(const QList<HcpVisit> &visits)
{
    QList<int> levels;
    QMap<QString, int> productCounts;
    for (const HcpVisit &v : visits) {
        if (v.hasSupportLevel)
            levels.prepend(v.supportLevel);
        for (const QString &p : v.products)
            productCounts[p] += 1;
    }
    m_trend->setLevels(levels);
    QStringList levelText;
    for (int l : std::as_const(levels))
        levelText << QString::number(l);
    m_trendText->setText(levels.isEmpty()
            ? tr("Not assessed yet.")
            : tr("Oldest to newest: %1").arg(levelText.join(QStringLiteral(" → "))));

    QList<QPair<int, QString>> ranked;
    for (auto it = productCounts.begin(); it != productCounts.end(); ++it)
        ranked << qMakePair(it.value(), it.key());
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList productText;
    for (const auto &p : std::as_const(ranked))
        productText << tr("%1 ×%2").arg(p.second).arg(p.first);
    m_products->setText(
        productText.isEmpty() ? tr("No product detailed yet.") : productText.join(QStringLiteral("   ")));
}

void HcpProfileView::fillTags(const QList<HcpTag> &tags)
{
    m_tags->clear();
    for (const HcpTag &t : tags) {
        auto *item
            = new QListWidgetItem(QStringLiteral("%1 · %2").arg(categoryLabel(t.category), t.tag), m_tags);
        item->setData(Qt::UserRole, t.id);
    }
}

void HcpProfileView::fillChangeRequests(const QList<HcpChangeRequest> &requests)
{
    m_changeRequests->clear();
    for (const HcpChangeRequest &r : requests) {
        QStringList parts;
        for (auto it = r.fields.begin(); it != r.fields.end(); ++it)
            parts << QStringLiteral("%1 → %2").arg(
                protocol::Messages::fieldLabel(QStringLiteral("hcp"), it.key()),
                it.value().toVariant().toString());
        // SFE's decision reaches the rep by sync: approved and rejected requests say so (and why).
        QString text = parts.join(QStringLiteral(", "));
        if (r.status == QLatin1String("approved"))
            text = tr("Approved: %1").arg(text);
        else if (r.status == QLatin1String("rejected"))
            text = tr("Rejected: %1 (%2)").arg(text, r.decisionNote);
        new QListWidgetItem(text, m_changeRequests);
    }
    if (m_changeRequests->count() == 0)
        new QListWidgetItem(tr("None open."), m_changeRequests);
}

QString HcpProfileView::territory()
{
    const AccountInfo account = m_session->account();
    QString t;
    QString error;
    if (!HcpQueries::territoryFor(
            m_session->store(), m_hcpId, account.territoryIds, QDate::currentDate(), &t, &error))
        showMessage(widgets::readError(error), true);
    return t.isEmpty() ? account.territoryIds.value(0) : t;
}

void HcpProfileView::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    theme::setTone(m_message, error ? theme::Tone::Error : theme::Tone::Normal);
    m_message->show();
}

bool HcpProfileView::addTag(const QString &category, const QString &tag)
{
    if (tag.trimmed().isEmpty()) {
        showMessage(tr("Type the tag first."), true);
        return false;
    }
    const WriteResult w = m_session->store()->create(QStringLiteral("hcp_tag"),
        {{QStringLiteral("hcp_id"), m_hcpId}, {QStringLiteral("category"), category},
            {QStringLiteral("tag"), tag.trimmed()}, {QStringLiteral("source"), QStringLiteral("rep")}});
    if (!w.ok) {
        showMessage(tr("Not saved: %1").arg(w.error), true);
        return false;
    }
    reload();
    return true;
}

bool HcpProfileView::removeTag(const QString &tagId)
{
    const WriteResult w = m_session->store()->remove(QStringLiteral("hcp_tag"), tagId);
    if (!w.ok) {
        showMessage(tr("Not removed: %1").arg(w.error), true);
        return false;
    }
    reload();
    return true;
}

bool HcpProfileView::proposeCorrection(const QString &field, const QString &value, const QString &reason)
{
    if (value.trimmed().isEmpty()) {
        showMessage(tr("Type the correct value first."), true);
        return false;
    }
    const WriteResult w = m_session->store()->create(QStringLiteral("change_request"),
        {{QStringLiteral("territory_id"), territory()}, {QStringLiteral("entity"), QStringLiteral("hcp")},
            {QStringLiteral("record_id"), m_hcpId},
            {QStringLiteral("fields"), QJsonObject {{field, value.trimmed()}}},
            {QStringLiteral("reason"), reason.trimmed()},
            {QStringLiteral("status"), QStringLiteral("open")}});
    if (!w.ok) {
        showMessage(tr("Not saved: %1").arg(w.error), true);
        return false;
    }
    showMessage(tr("Sent to SFE for review. The profile changes when they approve it."), false);
    reload();
    return true;
}

QString HcpProfileView::planVisit(const QDateTime &when)
{
    const WriteResult w = m_session->store()->create(QStringLiteral("visit_plan"),
        {{QStringLiteral("territory_id"), territory()}, {QStringLiteral("hcp_id"), m_hcpId},
            {QStringLiteral("planned_at"), when.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("channel"), QStringLiteral("face_to_face")},
            {QStringLiteral("status"), QStringLiteral("planned")}});
    if (!w.ok) {
        showMessage(tr("Not planned: %1").arg(w.error), true);
        return {};
    }
    return w.id;
}

} // namespace rounds
