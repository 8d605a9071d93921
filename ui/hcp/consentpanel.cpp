#include "ui/hcp/consentpanel.h"

#include "common/protocol/enumlabels.h"
#include "models/consentqueries.h"
#include "models/referencequeries.h"
#include "models/storequeries.h"
#include "models/storewatcher.h"
#include "sync/session.h"
#include "ui/common/dates.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rounds {

using protocol::consent::State;

namespace {

const QString kConsent = QStringLiteral("consent");

QString stateText(const ConsentLine &l)
{
    switch (l.verdict.state) {
    case State::Allowed:
        return l.expiringSoon ? ConsentPanel::tr("Expires soon") : ConsentPanel::tr("Granted");
    case State::Missing:
        return ConsentPanel::tr("None");
    case State::Withdrawn:
        return ConsentPanel::tr("Withdrawn");
    case State::Expired:
        return ConsentPanel::tr("Expired");
    }
    return {};
}

theme::Tone stateTone(const ConsentLine &l)
{
    if (l.verdict.state == State::Allowed)
        return l.expiringSoon ? theme::Tone::Warning : theme::Tone::Success;
    if (l.verdict.state == State::Missing)
        return l.verdict.blocks ? theme::Tone::Warning : theme::Tone::Muted;
    return theme::Tone::Error;
}

} // namespace

ConsentPanel::ConsentPanel(Session *session, QWidget *parent)
    : QGroupBox(tr("Consent"), parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("consentGroupBox"));
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("consentTableWidget"));
    m_table->setHorizontalHeaderLabels({tr("Channel"), tr("State"), tr("Expires"), tr("Source · evidence")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { selectRow(row); });

    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("consentChannelComboBox"));
    for (const auto &[value, label] : EnumLabels::values(kConsent, QStringLiteral("channel")))
        m_channel->addItem(label, value);
    m_product = new QComboBox(this);
    m_product->setObjectName(QStringLiteral("consentProductComboBox"));
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("consentSourceComboBox"));
    for (const auto &[value, label] : EnumLabels::values(kConsent, QStringLiteral("source")))
        m_source->addItem(label, value);
    m_evidence = new QLineEdit(this);
    m_evidence->setObjectName(QStringLiteral("consentEvidenceLineEdit"));
    m_evidence->setPlaceholderText(tr("Evidence reference (form number, file name)"));
    m_evidence->setMaxLength(300);
    m_grant = new QPushButton(tr("Grant / renew"), this);
    m_grant->setObjectName(QStringLiteral("consentGrantButton"));
    m_withdraw = new QPushButton(tr("Withdraw"), this);
    m_withdraw->setObjectName(QStringLiteral("consentWithdrawButton"));
    connect(m_grant, &QPushButton::clicked, this, &ConsentPanel::grant);
    connect(m_withdraw, &QPushButton::clicked, this, &ConsentPanel::withdraw);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("consentMessageLabel"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *form = new QHBoxLayout;
    form->addWidget(m_channel);
    form->addWidget(m_product);
    form->addWidget(m_source);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_evidence, 1);
    actions->addWidget(m_grant);
    actions->addWidget(m_withdraw);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addLayout(actions);
    layout->addWidget(m_message);

    for (QWidget *w : {static_cast<QWidget *>(m_channel), static_cast<QWidget *>(m_product),
             static_cast<QWidget *>(m_source), static_cast<QWidget *>(m_evidence),
             static_cast<QWidget *>(m_grant), static_cast<QWidget *>(m_withdraw)})
        m_gate.bind(w, {{kConsent, RoleGate::Op::Create}});
    const auto apply = [this] {
        if (m_session->store())
            m_gate.apply(m_session->store()->policy());
    };
    apply();
    connect(m_session, &Session::accountChanged, this, apply);
    new StoreWatcher(m_session->store(), {kConsent, QStringLiteral("setting"), QStringLiteral("product")},
        this, [this](const StoreChanges &) { reload(); });
}

void ConsentPanel::setHcp(const QString &hcpId)
{
    m_hcpId = hcpId;
    m_message->hide();
    m_evidence->clear();
    reload();
}

void ConsentPanel::fillProducts()
{
    const QString current = m_product->currentData().toString();
    QList<NamedItem> products;
    ReferenceQueries::products(m_session->store(), &products);
    m_product->clear();
    m_product->addItem(tr("All products"), QString());
    for (const NamedItem &p : std::as_const(products))
        m_product->addItem(p.name, p.id);
    m_product->setCurrentIndex(qMax(0, m_product->findData(current)));
}

void ConsentPanel::reload()
{
    fillProducts();
    m_table->setRowCount(0);
    if (m_hcpId.isEmpty())
        return;
    QList<ConsentLine> lines;
    QString error;
    if (!ConsentQueries::lines(
            m_session->store(), m_hcpId, QDateTime::currentDateTimeUtc(), &lines, &error)) {
        m_message->setText(widgets::readError(error));
        theme::setTone(m_message, theme::Tone::Error);
        m_message->show();
        return;
    }
    m_table->setRowCount(int(lines.size()));
    for (int i = 0; i < lines.size(); ++i) {
        const ConsentLine &l = lines.at(i);
        QString channel = EnumLabels::label(kConsent, QStringLiteral("channel"), l.channel);
        if (!l.productId.isEmpty())
            channel = QStringLiteral("  · %1").arg(l.productName);
        auto *channelItem = new QTableWidgetItem(channel);
        channelItem->setData(Qt::UserRole, l.channel);
        channelItem->setData(Qt::UserRole + 1, l.productId);
        m_table->setItem(i, 0, channelItem);
        auto *state = new QTableWidgetItem(stateText(l));
        state->setForeground(theme::toneColor(stateTone(l)));
        m_table->setItem(i, 1, state);
        m_table->setItem(i, 2,
            new QTableWidgetItem(l.verdict.expiresAt.isValid()
                    ? Dates::date(l.verdict.expiresAt.toLocalTime().date())
                    : QStringLiteral("—")));
        QString source;
        if (const auto &d = l.verdict.deciding) {
            source = EnumLabels::label(kConsent, QStringLiteral("source"), d->source);
            if (!d->evidence.isEmpty())
                source += QStringLiteral(" · ") + d->evidence;
        }
        m_table->setItem(i, 3, new QTableWidgetItem(source));
    }
    // Every line shows without scrolling inside the panel (the profile itself scrolls).
    int height = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth();
    for (int i = 0; i < m_table->rowCount(); ++i)
        height += m_table->rowHeight(i);
    m_table->setMinimumHeight(height);
}

void ConsentPanel::selectRow(int row)
{
    const QTableWidgetItem *item = m_table->item(row, 0);
    if (!item)
        return;
    m_channel->setCurrentIndex(qMax(0, m_channel->findData(item->data(Qt::UserRole))));
    m_product->setCurrentIndex(qMax(0, m_product->findData(item->data(Qt::UserRole + 1))));
}

bool ConsentPanel::grant()
{
    return record(true);
}

bool ConsentPanel::withdraw()
{
    return record(false);
}

bool ConsentPanel::record(bool granted)
{
    if (m_hcpId.isEmpty())
        return false;
    ConsentCapture c;
    c.hcpId = m_hcpId;
    c.channel = m_channel->currentData().toString();
    c.productId = m_product->currentData().toString();
    c.granted = granted;
    c.source = m_source->currentData().toString();
    c.evidence = m_evidence->text();
    const WriteResult w = ConsentQueries::capture(m_session->store(), c);
    if (!w.ok) {
        m_message->setText(tr("Not saved: %1").arg(w.error));
        theme::setTone(m_message, theme::Tone::Error);
        m_message->show();
        return false;
    }
    const QString channel = m_channel->currentText();
    m_message->setText(granted ? tr("Consent for %1 recorded.").arg(channel)
                               : tr("Withdrawal for %1 recorded.").arg(channel));
    theme::setTone(m_message, theme::Tone::Success);
    m_message->show();
    m_evidence->clear();
    reload();
    return true;
}

} // namespace rounds
