#include "ui/conflicts/conflictsview.h"

#include "common/protocol/errors.h"
#include "common/protocol/messages.h"
#include "models/conflictlistmodel.h"
#include "models/hcpqueries.h"
#include "models/storewatcher.h"
#include "sync/session.h"
#include "sync/syncledger.h"
#include "ui/common/dates.h"
#include "ui/common/pendingmarkproxy.h"
#include "ui/common/prompter.h"
#include "ui/common/widgets.h"
#include "ui/history/historylabels.h"

#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rounds {

namespace {

// The ledger keeps each value as a one-element JSON array (so null and strings survive); unwrap it.
QJsonValue jsonValueOf(const QString &jsonText)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(jsonText.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1)
        return doc.array().at(0);
    return QJsonValue(jsonText);
}

// A field as people call it: the schema's one label table, which rounds-cli and the History panel share.
QString fieldLabel(const QString &entity, const QString &field)
{
    return protocol::Messages::fieldLabel(entity, field);
}

// A stored JSON text as a person reads it: strings bare, date-times in local time, null as a dash.
QString readable(const QString &jsonText)
{
    const QJsonValue v = jsonValueOf(jsonText);
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("—");
    if (v.isString()) {
        const QString s = v.toString();
        const QDateTime dt = QDateTime::fromString(s, Qt::ISODate);
        if (s.size() > 10 && dt.isValid())
            return Dates::dateTime(dt);
        return s;
    }
    if (v.isBool())
        return v.toBool() ? ConflictsView::tr("yes") : ConflictsView::tr("no");
    if (v.isDouble())
        return QLocale().toString(v.toDouble());
    const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

QLabel *valueLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setFrameShape(QFrame::StyledPanel);
    label->setMargin(8);
    label->setMinimumHeight(48);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    label->setFont(f);
    return label;
}

} // namespace

ConflictsView::ConflictsView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("conflictsView"));
    m_model = new ConflictListModel(session->store(), this);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("conflictsTableView"));
    // The list shows words and local times, never the stored entity and field names or UTC text.
    m_shown = new PendingMarkProxy(PendingMarkProxy::NoPendingRole, this);
    m_shown->setSourceModel(m_model);
    m_shown->setFormatter([this](const QModelIndex &index, const QVariant &value) -> QVariant {
        const QString entity = m_model->data(index, ConflictListModel::EntityRole).toString();
        switch (index.column()) {
        case ConflictListModel::CreatedAt:
            return Dates::dateTime(value.toString());
        case ConflictListModel::Entity:
            return protocol::Messages::entityLabel(value.toString());
        case ConflictListModel::Field:
            return value.toString().isEmpty() ? tr("The whole record") : fieldLabel(entity, value.toString());
        default:
            return value;
        }
    });
    m_table->setModel(m_shown);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    // Record, mine and theirs are shown in full, side by side, below the list.
    for (int column :
        {int(ConflictListModel::Record), int(ConflictListModel::Mine), int(ConflictListModel::Theirs)})
        m_table->hideColumn(column);

    m_empty
        = new QLabel(tr("No conflicts. Everything you changed reached the server as you meant it."), this);
    m_empty->setObjectName(QStringLiteral("noConflictsLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    auto *detail = new QGroupBox(tr("Decide"), this);
    m_record = new QLabel(detail);
    m_record->setObjectName(QStringLiteral("conflictRecordLabel"));
    m_record->setWordWrap(true);
    m_field = new QLabel(detail);
    m_field->setObjectName(QStringLiteral("conflictFieldLabel"));
    m_base = valueLabel(QStringLiteral("baseValueLabel"), detail);
    m_mine = valueLabel(QStringLiteral("mineValueLabel"), detail);
    m_theirs = valueLabel(QStringLiteral("theirsValueLabel"), detail);
    m_keepMine = new QPushButton(tr("Keep &mine"), detail);
    m_keepMine->setObjectName(QStringLiteral("keepMineButton"));
    m_takeTheirs = new QPushButton(tr("Take &theirs"), detail);
    m_takeTheirs->setObjectName(QStringLiteral("takeTheirsButton"));
    m_editValue = new QPushButton(tr("&Edit the value…"), detail);
    m_editValue->setObjectName(QStringLiteral("editValueButton"));
    m_message = new QLabel(detail);
    m_message->setObjectName(QStringLiteral("conflictMessageLabel"));
    m_message->setWordWrap(true);

    auto *grid = new QGridLayout;
    auto *baseTitle = new QLabel(tr("Before (both started from)"), detail);
    auto *mineTitle = new QLabel(tr("Mine (this computer)"), detail);
    auto *theirsTitle = new QLabel(tr("Theirs (on the server now)"), detail);
    grid->addWidget(baseTitle, 0, 0);
    grid->addWidget(mineTitle, 0, 1);
    grid->addWidget(theirsTitle, 0, 2);
    grid->addWidget(m_base, 1, 0);
    grid->addWidget(m_mine, 1, 1);
    grid->addWidget(m_theirs, 1, 2);
    grid->addWidget(m_editValue, 2, 0);
    grid->addWidget(m_keepMine, 2, 1);
    grid->addWidget(m_takeTheirs, 2, 2);
    for (int c = 0; c < 3; ++c)
        grid->setColumnStretch(c, 1);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->addWidget(m_record);
    detailLayout->addWidget(m_field);
    detailLayout->addLayout(grid);
    detailLayout->addWidget(m_message);

    m_rejectedTitle = new QLabel(this);
    m_rejectedTitle->setObjectName(QStringLiteral("rejectedTitleLabel"));
    m_rejected = new QTableWidget(0, 3, this);
    m_rejected->setObjectName(QStringLiteral("rejectedTableWidget"));
    m_rejected->setHorizontalHeaderLabels({tr("Record"), tr("Server's reason"), tr("What to do")});
    m_rejected->horizontalHeader()->setStretchLastSection(true);
    m_rejected->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_rejected->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_rejected->verticalHeader()->hide();
    m_rejected->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rejected->setWordWrap(true);

    auto *title = new QLabel(tr("<b>Conflicts</b> — someone else changed the same thing while you were "
                                "offline. Choose what stays."),
        this);
    title->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    m_table->setMaximumHeight(260);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty);
    layout->addWidget(detail);
    layout->addWidget(m_rejectedTitle);
    layout->addWidget(m_rejected, 1);
    layout->addStretch();

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ConflictsView::showCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConflictsView::showCurrent);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ConflictsView::showCurrent);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ConflictsView::showCurrent);
    connect(m_keepMine, &QPushButton::clicked, this,
        [this] { resolveRow(currentRow(), QStringLiteral("mine")); });
    connect(m_takeTheirs, &QPushButton::clicked, this,
        [this] { resolveRow(currentRow(), QStringLiteral("theirs")); });
    connect(m_editValue, &QPushButton::clicked, this, [this] {
        const int row = currentRow();
        if (row < 0)
            return;
        const QString mine = m_model->data(m_model->index(row, 0), ConflictListModel::MineRole).toString();
        const QJsonValue current = jsonValueOf(mine);
        const std::optional<QString> typed = Prompter::instance().askText(this, tr("Edit the value"),
            tr("The value to keep for %1:")
                .arg(fieldLabel(
                    m_model->data(m_model->index(row, 0), ConflictListModel::EntityRole).toString(),
                    m_model->data(m_model->index(row, 0), ConflictListModel::FieldRole).toString())),
            current.isString() ? current.toString() : readable(mine));
        if (typed)
            resolveRow(row, QStringLiteral("other"),
                current.isDouble() ? QJsonValue(typed->toDouble()) : QJsonValue(*typed));
    });
    // Conflicts and refused changes come from sync answers and from other views' saves: any change
    // may add or close one.
    // The list itself is a model that follows the "conflict" rows; the refused list and the details
    // are read again here, keeping the selected conflict.
    auto *watcher = new StoreWatcher(session->store(), {}, this, [this](const StoreChanges &) {
        if (m_model->rowCount() > 0 && currentRow() < 0)
            selectRow(0);
        fillRejected();
        showCurrent();
    });
    watcher->deferWhileHidden();
    refresh();
}

ConflictsView::~ConflictsView() = default;

void ConflictsView::refresh()
{
    m_model->reload();
    if (m_model->rowCount() > 0 && currentRow() < 0)
        selectRow(0);
    fillRejected();
    showCurrent();
}

void ConflictsView::selectRow(int row)
{
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_shown->index(row, 0));
}

int ConflictsView::currentRow() const
{
    const QModelIndex i = m_table->selectionModel()->currentIndex();
    return i.isValid() && i.row() < m_model->rowCount() ? i.row() : -1;
}

bool ConflictsView::resolveRow(int row, const QString &choice, const QJsonValue &value)
{
    if (row < 0 || row >= m_model->rowCount())
        return false;
    const QModelIndex index = m_model->index(row, 0);
    const QString id = m_model->data(index, ConflictListModel::IdRole).toString();
    QString error;
    SyncLedger ledger(*m_session->store());
    if (!ledger.resolve(id.toLongLong(), choice, &error, value)) {
        m_message->setText(tr("Could not resolve: %1").arg(error));
        return false;
    }
    m_message->setText(choice == QLatin1String("theirs") ? tr("The server's value stays.")
                                                         : tr("Your value will be sent with the next sync."));
    if (m_model->rowCount() > 0)
        selectRow(qMin(row, m_model->rowCount() - 1));
    showCurrent();
    emit resolved();
    return true;
}

void ConflictsView::showCurrent()
{
    const int row = currentRow();
    const bool any = m_model->rowCount() > 0;
    m_table->setVisible(any);
    m_empty->setVisible(!any);
    for (QPushButton *b : {m_keepMine, m_takeTheirs, m_editValue})
        b->setEnabled(row >= 0);
    if (row < 0) {
        m_record->setText(any ? tr("Choose a conflict above.") : QString());
        m_field->clear();
        for (QLabel *l : {m_base, m_mine, m_theirs})
            l->clear();
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    const QString entity = m_model->data(index, ConflictListModel::EntityRole).toString();
    const QString recordId = m_model->data(index, ConflictListModel::RecordIdRole).toString();
    const QString field = m_model->data(index, ConflictListModel::FieldRole).toString();
    m_record->setText(describeRecord(entity, recordId));
    m_field->setText(field.isEmpty() ? tr("You deleted this record; it was changed on the server meanwhile.")
                                     : tr("Field: %1").arg(fieldLabel(entity, field)));
    // A field's values as the rest of the client shows them (enumeration labels, names of referenced
    // records, local times); a deleted record's sides as they are.
    const auto shown = [&](int role) {
        const QString json = m_model->data(index, role).toString();
        return field.isEmpty() ? readable(json)
                               : HistoryLabels::value(m_session->store(), entity, field, jsonValueOf(json));
    };
    m_base->setText(shown(ConflictListModel::BaseRole));
    m_mine->setText(shown(ConflictListModel::MineRole));
    m_theirs->setText(shown(ConflictListModel::TheirsRole));
}

QString ConflictsView::describeRecord(const QString &entity, const QString &recordId) const
{
    const std::optional<protocol::Record> r = m_session->store()->record(entity, recordId);
    const QString what = protocol::Messages::entityLabel(entity);
    if (!r)
        return what;
    const QString hcpId = r->fields.value(QLatin1String("hcp_id")).toString();
    if (!hcpId.isEmpty()) {
        HcpSummary hcp;
        QString error;
        const bool read = HcpQueries::summary(m_session->store(), hcpId, &hcp, &error);
        return tr("%1 with %2").arg(what, read ? hcp.name : widgets::readError(error));
    }
    const QString title = r->fields.value(QLatin1String("title")).toString();
    return title.isEmpty() ? what : tr("%1: %2").arg(what, title);
}

void ConflictsView::fillRejected()
{
    QList<OutboxMutation> rejected;
    for (const OutboxMutation &m : m_session->store()->outbox()) {
        if (m.state == QLatin1String("rejected"))
            rejected << m;
    }
    m_rejectedTitle->setText(tr("<b>Changes the server refused</b> (%n)", nullptr, int(rejected.size())));
    m_rejected->setRowCount(int(rejected.size()));
    for (int i = 0; i < rejected.size(); ++i) {
        const OutboxMutation &m = rejected.at(i);
        QString todo = tr("Correct the record and save it again, or tell your manager.");
        if (m.errorCode == QLatin1String("forbidden"))
            todo = tr("You may not change this. Ask your manager or SFE to do it.");
        else if (m.errorCode == QLatin1String(protocol::ErrorCode::ConsentRequired))
            todo = tr("Capture the HCP's consent for this channel in their profile: the change is then sent "
                      "again.");
        else if (m.errorCode == QLatin1String("invalid_request"))
            todo = tr("Correct %1 and save again.")
                       .arg(m.errorField.isEmpty() ? tr("the record")
                                                   : protocol::Messages::fieldLabel(m.entity, m.errorField));
        m_rejected->setItem(i, 0, new QTableWidgetItem(describeRecord(m.entity, m.recordId)));
        auto *reason = new QTableWidgetItem(
            protocol::Messages::refusal(m.errorCode, m.entity, m.errorField, m.errorMessage));
        reason->setToolTip(m.errorMessage);
        m_rejected->setItem(i, 1, reason);
        m_rejected->setItem(i, 2, new QTableWidgetItem(todo));
    }
    m_rejected->setVisible(!rejected.isEmpty());
}

} // namespace rounds
