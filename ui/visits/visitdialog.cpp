#include "ui/visits/visitdialog.h"

#include "common/protocol/consent.h"
#include "common/protocol/enumlabels.h"
#include "models/hcpqueries.h"
#include "models/referencequeries.h"
#include "models/store.h"
#include "models/visitqueries.h"
#include "ui/common/consentwarning.h"
#include "ui/common/dates.h"
#include "ui/common/datetimefield.h"
#include "ui/common/focusring.h"
#include "ui/common/icons.h"
#include "ui/common/labels.h"
#include "ui/common/screenfit.h"
#include "ui/common/widgets.h"
#include "ui/visits/visitbriefingpane.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rounds {

namespace {

enum ProductColumn { ProductCol, MessageCol, ReactionCol };

QWidget *withError(QWidget *field, QLabel *error, QWidget *parent)
{
    auto *box = new QWidget(parent);
    box->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

QJsonValue textOrNull(const QString &text)
{
    return text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text.trimmed());
}

QComboBox *comboAt(const QTableWidget *table, int row, int column)
{
    return qobject_cast<QComboBox *>(table->cellWidget(row, column));
}

// A table moves the keyboard focus into the cell widget of its new current cell; the rows change under
// Add, Remove, Up and Down, and the focus must stay on the button pressed (Up pressed three times moves
// a product three rows).
template<typename Change> void keepingFocus(Change change)
{
    const QPointer<QWidget> had = QApplication::focusWidget();
    change();
    if (had && had != QApplication::focusWidget())
        had->setFocus(Qt::OtherFocusReason);
}

} // namespace

VisitDialog::VisitDialog(
    Store *store, const AccountInfo &account, const QString &hcpId, const QString &visitId, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_account(account)
    , m_hcpId(hcpId)
    , m_visitId(visitId)
{
    setObjectName(QStringLiteral("visitDialog"));
    setWindowTitle(visitId.isEmpty() ? tr("Log a visit") : tr("Visit"));

    m_hcpLabel = new QLabel(this);
    m_hcpLabel->setObjectName(QStringLiteral("hcpLabel"));
    m_hcpLabel->setTextFormat(Qt::RichText);
    m_badge = new QLabel(this);
    m_badge->setObjectName(QStringLiteral("statusBadgeLabel"));
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setMargin(4);
    m_badge->setAutoFillBackground(true);

    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("channelComboBox"));
    for (const EnumLabels::Choice &c : EnumLabels::values(QStringLiteral("visit"), QStringLiteral("channel")))
        m_channel->addItem(c.second, c.first);

    m_briefing = new VisitBriefingPane(this);

    m_visitedAt = new DateTimeField(QDateTime::currentDateTime(), this);
    m_visitedAt->setObjectName(QStringLiteral("visitedAtDateTimeEdit"));
    m_visitedAt->setCalendarPopup(true);
    m_visitedAt->setDisplayFormat(Dates::datePattern() + QLatin1Char(' ') + Dates::timePattern());

    m_duration = new QSpinBox(this);
    m_duration->setObjectName(QStringLiteral("durationSpinBox"));
    m_duration->setRange(0, 24 * 60);
    m_duration->setSingleStep(5);
    m_duration->setValue(15);
    m_duration->setSuffix(tr(" min"));

    m_products = new QTableWidget(0, 3, this);
    m_products->setObjectName(QStringLiteral("productsTableWidget"));
    m_products->setHorizontalHeaderLabels({tr("Product"), tr("Key message"), tr("Reaction")});
    m_products->horizontalHeader()->setSectionResizeMode(ProductCol, QHeaderView::ResizeToContents);
    m_products->horizontalHeader()->setSectionResizeMode(MessageCol, QHeaderView::Stretch);
    m_products->horizontalHeader()->setSectionResizeMode(ReactionCol, QHeaderView::ResizeToContents);
    m_products->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_products->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_products->setSelectionMode(QAbstractItemView::SingleSelection);
    m_products->setMinimumHeight(120);
    // The table itself is no Tab stop: Tab goes from one row's combo boxes to the next row's, in reading
    // order (updateTabOrder), and a focused combo box makes its row the current one, which Remove, Up and
    // Down act on.
    m_products->setTabKeyNavigation(false);
    m_products->setFocusPolicy(Qt::NoFocus);
    m_products->setMaximumHeight(150);
    m_addProduct = new QPushButton(tr("Add product"), this);
    m_addProduct->setObjectName(QStringLiteral("addProductButton"));
    m_removeProduct = new QPushButton(tr("Remove"), this);
    m_removeProduct->setObjectName(QStringLiteral("removeProductButton"));
    m_moveUp = new QPushButton(tr("Up"), this);
    m_moveUp->setObjectName(QStringLiteral("moveProductUpButton"));
    m_moveDown = new QPushButton(tr("Down"), this);
    m_moveDown->setObjectName(QStringLiteral("moveProductDownButton"));
    m_present = new QPushButton(tr("Pres&ent…"), this);
    m_present->setObjectName(QStringLiteral("presentButton"));
    m_present->setToolTip(
        tr("Show materials of these products full screen; the pages viewed propose details"));
    connect(m_present, &QPushButton::clicked, this, &VisitDialog::startPresenting);
    connect(m_addProduct, &QPushButton::clicked, this, [this] {
        addProduct();
        // From the keyboard, the next thing to do is to choose the new row's product.
        if (QComboBox *product = comboAt(m_products, m_products->rowCount() - 1, ProductCol))
            product->setFocus(Qt::TabFocusReason);
    });
    connect(m_removeProduct, &QPushButton::clicked, this, [this] {
        if (!m_readOnly && m_products->currentRow() >= 0) {
            keepingFocus([this] { m_products->removeRow(m_products->currentRow()); });
            updateTabOrder();
            recheck();
        }
    });
    connect(m_moveUp, &QPushButton::clicked, this, [this] { moveProduct(-1); });
    connect(m_moveDown, &QPushButton::clicked, this, [this] { moveProduct(1); });

    m_feedback = new QPlainTextEdit(this);
    m_feedback->setObjectName(QStringLiteral("feedbackTextEdit"));
    m_feedback->setPlaceholderText(tr("What did the doctor say? Questions, objections, needs."));
    m_feedback->setMaximumHeight(80);
    m_feedback->setTabChangesFocus(true);

    m_supportLevel = new QComboBox(this);
    m_supportLevel->setObjectName(QStringLiteral("supportLevelComboBox"));
    m_supportLevel->addItem(Labels::supportLevel(0), 0);
    for (int level = 1; level <= 5; ++level)
        m_supportLevel->addItem(Labels::supportLevel(level), level);

    m_followUp = new QLineEdit(this);
    m_followUp->setObjectName(QStringLiteral("followUpLineEdit"));
    m_followUp->setPlaceholderText(tr("e.g. bring the new clinical data"));
    m_followUpDue = new DateTimeField(QDate::currentDate().addDays(7), this);
    m_followUpDue->setObjectName(QStringLiteral("followUpDueDateEdit"));
    m_followUpDue->setCalendarPopup(true);
    m_followUpDue->setDisplayFormat(Dates::datePattern());
    m_followUpDue->setEnabled(false);
    connect(m_followUp, &QLineEdit::textChanged, this,
        [this](const QString &t) { m_followUpDue->setEnabled(!m_readOnly && !t.trimmed().isEmpty()); });

    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("notesTextEdit"));
    m_notes->setMaximumHeight(60);
    m_notes->setTabChangesFocus(true);

    m_visitedAtError = widgets::errorLabel(QStringLiteral("visitedAtErrorLabel"), this);
    m_durationError = widgets::errorLabel(QStringLiteral("durationErrorLabel"), this);
    m_productsError = widgets::errorLabel(QStringLiteral("productsErrorLabel"), this);
    m_supportLevelError = widgets::errorLabel(QStringLiteral("supportLevelErrorLabel"), this);
    m_followUpError = widgets::errorLabel(QStringLiteral("followUpErrorLabel"), this);
    m_saveError = widgets::errorLabel(QStringLiteral("saveErrorLabel"), this);

    auto *when = new QHBoxLayout;
    when->addWidget(withError(m_visitedAt, m_visitedAtError, this), 1);
    auto *durationLabel = new QLabel(tr("Du&ration:"), this);
    durationLabel->setBuddy(m_duration);
    when->addWidget(durationLabel);
    when->addWidget(withError(m_duration, m_durationError, this));
    auto *productButtons = new QHBoxLayout;
    productButtons->addWidget(m_addProduct);
    productButtons->addWidget(m_removeProduct);
    productButtons->addWidget(m_moveUp);
    productButtons->addWidget(m_moveDown);
    productButtons->addStretch();
    productButtons->addWidget(m_present);
    auto *productsBox = new QVBoxLayout;
    productsBox->addWidget(m_products);
    productsBox->addLayout(productButtons);
    productsBox->addWidget(m_productsError);
    auto *followUp = new QHBoxLayout;
    followUp->addWidget(m_followUp, 1);
    auto *dueLabel = new QLabel(tr("due"), this);
    dueLabel->setBuddy(m_followUpDue);
    followUp->addWidget(dueLabel);
    followUp->addWidget(m_followUpDue);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Channel:"), m_channel);
    form->addRow(tr("&Time:"), when);
    form->addRow(tr("Pr&oducts:"), productsBox);
    form->addRow(tr("&Feedback:"), m_feedback);
    form->addRow(tr("&Support level:"), withError(m_supportLevel, m_supportLevelError, this));
    auto *followUpBox = new QVBoxLayout;
    followUpBox->addLayout(followUp);
    followUpBox->addWidget(m_followUpError);
    form->addRow(tr("Follow-u&p:"), followUpBox);
    form->addRow(tr("&Notes:"), m_notes);
    // Rows whose field is a layout or a field with its error line: the label names the input itself, so
    // its shortcut focuses it and a screen reader reads the label with it.
    for (int row = 0; row < form->rowCount(); ++row) {
        auto *label = qobject_cast<QLabel *>(form->itemAt(row, QFormLayout::LabelRole)
                ? form->itemAt(row, QFormLayout::LabelRole)->widget()
                : nullptr);
        QLayoutItem *field = form->itemAt(row, QFormLayout::FieldRole);
        if (!label || !field)
            continue;
        if (field->layout() == when)
            label->setBuddy(m_visitedAt);
        else if (field->layout() == productsBox)
            m_productsLabel = label; // its buddy is the first row's product (updateTabOrder)
        else if (field->layout() == followUpBox)
            label->setBuddy(m_followUp);
        else if (field->widget() && field->widget()->isAncestorOf(m_supportLevel))
            label->setBuddy(m_supportLevel);
    }

    auto *buttons = new QDialogButtonBox(this);
    m_saveDraft = buttons->addButton(tr("Save &draft"), QDialogButtonBox::ActionRole);
    m_saveDraft->setObjectName(QStringLiteral("saveDraftButton"));
    m_submit = buttons->addButton(tr("S&ubmit"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("closeButton"));
    connect(m_saveDraft, &QPushButton::clicked, this, &VisitDialog::saveDraft);
    connect(m_submit, &QPushButton::clicked, this, &VisitDialog::submit);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    QPushButton *history = buttons->addButton(tr("&History…"), QDialogButtonBox::HelpRole);
    history->setObjectName(QStringLiteral("visitHistoryButton"));
    connect(history, &QPushButton::clicked, this, [this] {
        if (!m_visitId.isEmpty())
            emit historyRequested(QStringLiteral("visit"), m_visitId, windowTitle());
    });
    // The button box lays its buttons out in the platform's order; Tab follows what the eye sees.
    for (int i = 0; i < buttons->layout()->count(); ++i) {
        if (auto *b = qobject_cast<QPushButton *>(buttons->layout()->itemAt(i)->widget()))
            m_buttons << b;
    }
    // Quick keys for a rep logging in a corridor: Ctrl+Enter submits, Ctrl+S keeps a draft.
    m_submit->setToolTip(tr("Submit (Ctrl+Enter)"));
    m_saveDraft->setToolTip(tr("Save draft (Ctrl+S)"));
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this), &QShortcut::activated, this,
        &VisitDialog::submit);
    connect(new QShortcut(QKeySequence::Save, this), &QShortcut::activated, this, &VisitDialog::saveDraft);

    auto *header = new QHBoxLayout;
    header->addWidget(m_hcpLabel, 1);
    header->addWidget(m_badge);
    // The form scrolls and the buttons stay below it, in reach on a small screen (1366×768, or 150 % of
    // 1920×1080).
    auto *content = new QWidget(this);
    content->setObjectName(QStringLiteral("visitForm"));
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(header);
    contentLayout->addLayout(form, 1);
    auto *layout = new QVBoxLayout(this);
    contentLayout->insertWidget(1, m_briefing);
    layout->addWidget(screenfit::scrollable(content, this), 1);
    layout->addWidget(m_saveError);
    layout->addWidget(buttons);

    // An error goes away as soon as its field is fixed (recheck does nothing before a save checked).
    connect(m_channel, &QComboBox::currentIndexChanged, this, &VisitDialog::recheck);
    connect(m_visitedAt, &QDateTimeEdit::dateTimeChanged, this, &VisitDialog::recheck);
    connect(m_duration, &QSpinBox::valueChanged, this, &VisitDialog::recheck);
    connect(m_supportLevel, &QComboBox::currentIndexChanged, this, &VisitDialog::recheck);
    connect(m_followUp, &QLineEdit::textChanged, this, &VisitDialog::recheck);
    connect(m_followUpDue, &QDateTimeEdit::dateTimeChanged, this, &VisitDialog::recheck);

    load();
    updateTabOrder();
    FocusRing::install(this);
    m_channel->setFocus(Qt::OtherFocusReason);
    icons::decorate(this);
    screenfit::resizeToScreen(this, QSize(820, 680));
}

void VisitDialog::load()
{
    std::optional<protocol::Record> visit;
    if (!m_visitId.isEmpty()) {
        visit = m_store->record(QStringLiteral("visit"), m_visitId);
        if (visit) {
            m_hcpId = visit->fields.value(QLatin1String("hcp_id")).toString();
            m_consentChecked
                = protocol::consent::channelOfVisit(visit->fields.value(QLatin1String("channel")).toString());
        }
    }
    HcpSummary hcp;
    QString error;
    if (!HcpQueries::summary(m_store, m_hcpId, &hcp, &error))
        showError(m_saveError, widgets::readError(error));
    QStringList where;
    for (const QString &s : {hcp.title, hcp.specialty})
        if (!s.isEmpty())
            where << s.toHtmlEscaped();
    QStringList place;
    for (const QString &s : {hcp.institution, hcp.department})
        if (!s.isEmpty())
            place << s.toHtmlEscaped();
    m_hcpLabel->setText(
        QStringLiteral("<span style='font-size:large; font-weight:600'>%1</span> &nbsp; %2<br>%3")
            .arg(hcp.name.toHtmlEscaped(), where.join(QStringLiteral(" · ")),
                place.join(QStringLiteral(" · "))));
    m_briefing->load(m_store, m_hcpId, m_visitId); // a failed read is said in the pane itself

    if (!visit) {
        addProduct();
        setReadOnly(false);
        return;
    }
    const QJsonObject f = visit->fields;
    m_channel->setCurrentIndex(qMax(0, m_channel->findData(f.value(QLatin1String("channel")).toString())));
    const QDateTime at = QDateTime::fromString(f.value(QLatin1String("visited_at")).toString(), Qt::ISODate);
    if (at.isValid())
        m_visitedAt->setDateTime(at.toLocalTime());
    m_duration->setValue(f.value(QLatin1String("duration_min")).toInt());
    m_feedback->setPlainText(f.value(QLatin1String("feedback")).toString());
    m_supportLevel->setCurrentIndex(
        qMax(0, m_supportLevel->findData(f.value(QLatin1String("support_level")).toInt())));
    m_followUp->setText(f.value(QLatin1String("follow_up")).toString());
    const QDate due = QDate::fromString(f.value(QLatin1String("follow_up_due")).toString(), Qt::ISODate);
    if (due.isValid())
        m_followUpDue->setDate(due);
    m_notes->setPlainText(f.value(QLatin1String("notes")).toString());
    QList<VisitDetailRow> details;
    if (!VisitQueries::details(m_store, m_visitId, &details, &error))
        showError(m_saveError, widgets::readError(error));
    for (const VisitDetailRow &d : std::as_const(details)) {
        m_detailIds << d.id;
        addProduct(d.productId, d.keyMessageId, d.reaction);
    }
    setReadOnly(f.value(QLatin1String("status")).toString() == QLatin1String("submitted"));
}

void VisitDialog::addProduct(const QString &productId, const QString &keyMessageId, const QString &reaction)
{
    // A submitted visit's details are read-only like the visit: no row is added, whoever asks.
    if (m_readOnly)
        return;
    const int row = m_products->rowCount();
    m_products->insertRow(row);
    auto *product = new QComboBox(m_products);
    product->setObjectName(QStringLiteral("productComboBox"));
    product->addItem(tr("Choose a product"), QString());
    QList<NamedItem> products;
    QString error;
    if (!ReferenceQueries::products(m_store, &products, &error))
        showError(m_saveError, widgets::readError(error));
    for (const NamedItem &p : std::as_const(products))
        product->addItem(p.name, p.id);
    if (!productId.isEmpty())
        product->setCurrentIndex(qMax(0, product->findData(productId)));
    auto *message = new QComboBox(m_products);
    message->setObjectName(QStringLiteral("keyMessageComboBox"));
    message->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    message->setMinimumContentsLength(16);
    auto *reactionBox = new QComboBox(m_products);
    reactionBox->setObjectName(QStringLiteral("reactionComboBox"));
    for (const EnumLabels::Choice &c :
        EnumLabels::values(QStringLiteral("visit_detail"), QStringLiteral("reaction")))
        reactionBox->addItem(c.second, c.first);
    reactionBox->setCurrentIndex(qMax(0, reactionBox->findData(reaction)));
    // Named like their column, for screen readers (a cell widget has no label of its own).
    product->setAccessibleName(tr("Product"));
    message->setAccessibleName(tr("Key message"));
    reactionBox->setAccessibleName(tr("Reaction"));
    m_products->setCellWidget(row, ProductCol, product);
    m_products->setCellWidget(row, MessageCol, message);
    m_products->setCellWidget(row, ReactionCol, reactionBox);
    connect(product, &QComboBox::currentIndexChanged, this, [this, product] {
        for (int r = 0; r < m_products->rowCount(); ++r) {
            if (comboAt(m_products, r, ProductCol) == product)
                fillKeyMessages(r);
        }
        recheck();
    });
    for (QComboBox *box : {product, message, reactionBox})
        box->installEventFilter(this); // focusing a cell makes its row current
    fillKeyMessages(row);
    if (!keyMessageId.isEmpty())
        message->setCurrentIndex(qMax(0, message->findData(keyMessageId)));
    keepingFocus([this, row] { m_products->setCurrentCell(row, ProductCol); });
    updateTabOrder();
    recheck();
}

void VisitDialog::clearProducts()
{
    if (m_readOnly)
        return;
    m_products->setRowCount(0);
    updateTabOrder();
    recheck();
}

int VisitDialog::productCount() const
{
    return m_products->rowCount();
}

void VisitDialog::fillKeyMessages(int row)
{
    QComboBox *product = comboAt(m_products, row, ProductCol);
    QComboBox *message = comboAt(m_products, row, MessageCol);
    if (!product || !message)
        return;
    message->clear();
    // No key message is chosen for the rep: a pre-selected one would be recorded as delivered when it
    // never was. "No key message" is a choice of its own.
    message->setPlaceholderText(tr("Choose the key message"));
    message->addItem(tr("No key message"), QString());
    QList<NamedItem> messages;
    QString error;
    if (!ReferenceQueries::keyMessages(m_store, product->currentData().toString(), &messages, &error))
        showError(m_saveError, widgets::readError(error));
    for (const NamedItem &m : std::as_const(messages)) {
        message->addItem(m.name, m.id);
        message->setItemData(message->count() - 1, m.name, Qt::ToolTipRole);
    }
    message->setCurrentIndex(-1);
}

void VisitDialog::moveProduct(int delta)
{
    if (m_readOnly)
        return;
    const int from = m_products->currentRow();
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= m_products->rowCount())
        return;
    const QList<ProductRow> rows = productRows();
    const ProductRow moved = rows.at(from);
    const ProductRow other = rows.at(to);
    auto put = [this](int row, const ProductRow &p) {
        QComboBox *product = comboAt(m_products, row, ProductCol);
        product->setCurrentIndex(qMax(0, product->findData(p.productId)));
        QComboBox *message = comboAt(m_products, row, MessageCol);
        message->setCurrentIndex(p.keyMessageChosen ? qMax(0, message->findData(p.keyMessageId)) : -1);
        QComboBox *reaction = comboAt(m_products, row, ReactionCol);
        reaction->setCurrentIndex(qMax(0, reaction->findData(p.reaction)));
        markProposed(row, p.proposed, p.note);
    };
    put(from, other);
    put(to, moved);
    keepingFocus([this, to] { m_products->setCurrentCell(to, ProductCol); });
}

QList<VisitDialog::ProductRow> VisitDialog::productRows() const
{
    QList<ProductRow> rows;
    for (int r = 0; r < m_products->rowCount(); ++r) {
        ProductRow p;
        p.productId = comboAt(m_products, r, ProductCol)->currentData().toString();
        p.keyMessageId = comboAt(m_products, r, MessageCol)->currentData().toString();
        p.keyMessageChosen = comboAt(m_products, r, MessageCol)->currentIndex() >= 0;
        p.reaction = comboAt(m_products, r, ReactionCol)->currentData().toString();
        p.proposed = isProposed(r);
        p.note = comboAt(m_products, r, ProductCol)->property("proposedNote").toString();
        rows << p;
    }
    return rows;
}

QHash<QLabel *, QStringList> VisitDialog::problems(bool forSubmit) const
{
    QHash<QLabel *, QStringList> out;
    const QDateTime at = m_visitedAt->dateTime();
    if (at > QDateTime::currentDateTime().addSecs(10 * 60))
        out[m_visitedAtError] << tr("A visit cannot be in the future. Plan it instead.");
    const QString channel = m_channel->currentData().toString();
    const bool inConversation = channel == QLatin1String("face_to_face") || channel == QLatin1String("remote")
        || channel == QLatin1String("phone");
    QStringList seen;
    int chosen = 0;
    bool repeated = false;
    for (const ProductRow &p : productRows()) {
        if (p.productId.isEmpty())
            continue;
        ++chosen;
        repeated = repeated || seen.contains(p.productId);
        seen << p.productId;
    }
    if (repeated)
        out[m_productsError] << tr("Each product once, please: remove the repeated one.");
    if (chosen < m_products->rowCount() && forSubmit)
        out[m_productsError] << tr("Choose a product in every row, or remove the empty row.");
    if (forSubmit) {
        if (inConversation && m_duration->value() <= 0)
            out[m_durationError] << tr("How long did it take?");
        if (chosen == 0)
            out[m_productsError] << tr("Add the product you detailed.");
        if (inConversation && m_supportLevel->currentData().toInt() == 0)
            out[m_supportLevelError] << tr("Assess the doctor's support before submitting.");
    }
    if (!m_followUp->text().trimmed().isEmpty() && m_followUpDue->date() < at.date())
        out[m_followUpError] << tr("The follow-up is due before the visit took place.");
    return out;
}

bool VisitDialog::validate(bool forSubmit)
{
    clearErrors();
    const QHash<QLabel *, QStringList> found = problems(forSubmit);
    for (auto it = found.cbegin(); it != found.cend(); ++it)
        showError(it.key(), it.value().join(QLatin1Char('\n')));
    m_checked = !found.isEmpty();
    m_checkedForSubmit = forSubmit;
    return found.isEmpty();
}

void VisitDialog::recheck()
{
    if (!m_checked || m_readOnly)
        return;
    const QHash<QLabel *, QStringList> found = problems(m_checkedForSubmit);
    for (QLabel *label :
        {m_visitedAtError, m_durationError, m_productsError, m_supportLevelError, m_followUpError}) {
        if (label->isHidden())
            continue;
        if (found.contains(label)) {
            label->setText(found.value(label).join(QLatin1Char('\n')));
        } else {
            label->clear();
            label->hide();
        }
    }
}

void VisitDialog::updateTabOrder()
{
    QList<QWidget *> chain {m_channel, m_visitedAt, m_duration};
    for (int r = 0; r < m_products->rowCount(); ++r) {
        for (int c = ProductCol; c <= ReactionCol; ++c)
            chain << m_products->cellWidget(r, c);
    }
    chain << m_addProduct << m_removeProduct << m_moveUp << m_moveDown << m_present << m_feedback
          << m_supportLevel << m_followUp << m_followUpDue << m_notes;
    for (QPushButton *b : std::as_const(m_buttons))
        chain << b;
    for (qsizetype i = 1; i < chain.size(); ++i)
        QWidget::setTabOrder(chain.at(i - 1), chain.at(i));
    if (m_productsLabel) {
        QWidget *first = comboAt(m_products, 0, ProductCol);
        m_productsLabel->setBuddy(first ? first : m_addProduct);
    }
}

bool VisitDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn) {
        for (int r = 0; r < m_products->rowCount(); ++r) {
            for (int c = ProductCol; c <= ReactionCol; ++c) {
                if (m_products->cellWidget(r, c) == watched && m_products->currentRow() != r)
                    m_products->setCurrentCell(r, c);
            }
        }
    }
    return QDialog::eventFilter(watched, event);
}

bool VisitDialog::saveDraft()
{
    return save(false);
}

bool VisitDialog::submit()
{
    return save(true);
}

bool VisitDialog::save(bool submit)
{
    if (m_readOnly || !validate(submit))
        return false;
    // Consent for the channel (docs/privacy.md): warned once per channel, before anything is saved.
    const QString consentChannel = protocol::consent::channelOfVisit(m_channel->currentData().toString());
    if (consentChannel != m_consentChecked) {
        if (!consentwarning::confirmContact(
                this, m_store, m_hcpId, consentChannel, m_visitedAt->dateTime().toUTC()))
            return false;
        m_consentChecked = consentChannel;
    }
    QJsonObject fields;
    fields.insert(QStringLiteral("channel"), m_channel->currentData().toString());
    fields.insert(QStringLiteral("visited_at"), m_visitedAt->dateTime().toUTC().toString(Qt::ISODate));
    fields.insert(QStringLiteral("duration_min"), m_duration->value());
    fields.insert(QStringLiteral("feedback"), textOrNull(m_feedback->toPlainText()));
    fields.insert(QStringLiteral("notes"), textOrNull(m_notes->toPlainText()));
    const int support = m_supportLevel->currentData().toInt();
    fields.insert(
        QStringLiteral("support_level"), support > 0 ? QJsonValue(support) : QJsonValue(QJsonValue::Null));
    const QString followUp = m_followUp->text().trimmed();
    fields.insert(QStringLiteral("follow_up"), textOrNull(followUp));
    fields.insert(QStringLiteral("follow_up_due"),
        followUp.isEmpty() ? QJsonValue(QJsonValue::Null)
                           : QJsonValue(m_followUpDue->date().toString(Qt::ISODate)));
    fields.insert(QStringLiteral("status"), submit ? QStringLiteral("submitted") : QStringLiteral("draft"));

    auto fail = [this](const WriteResult &w) {
        showError(m_saveError, tr("Not saved: %1").arg(w.error));
        return false;
    };
    const QList<ProductRow> products = productRows();
    auto writeDetails = [&]() -> std::optional<WriteResult> {
        int position = 0;
        QStringList kept;
        for (const ProductRow &p : products) {
            if (p.productId.isEmpty())
                continue;
            QJsonObject d {{QStringLiteral("visit_id"), m_visitId},
                {QStringLiteral("product_id"), p.productId},
                {QStringLiteral("key_message_id"), textOrNull(p.keyMessageId)},
                {QStringLiteral("position"), ++position}, {QStringLiteral("reaction"), p.reaction}};
            const QString existing = m_detailIds.value(kept.size());
            const WriteResult w = existing.isEmpty()
                ? m_store->create(QStringLiteral("visit_detail"), d)
                : m_store->update(QStringLiteral("visit_detail"), existing, d);
            if (!w.ok)
                return w;
            kept << (existing.isEmpty() ? w.id : existing);
        }
        for (qsizetype i = kept.size(); i < m_detailIds.size(); ++i) {
            const WriteResult w = m_store->remove(QStringLiteral("visit_detail"), m_detailIds.at(i));
            if (!w.ok)
                return w;
        }
        m_detailIds = kept;
        return std::nullopt;
    };

    if (m_visitId.isEmpty()) {
        // A visit whose institution or territory could not be read would be filed wrongly: not saved.
        HcpSummary hcp;
        QString territory;
        QString error;
        if (!HcpQueries::summary(m_store, m_hcpId, &hcp, &error)
            || !HcpQueries::territoryFor(
                m_store, m_hcpId, m_account.territoryIds, QDate::currentDate(), &territory, &error)) {
            showError(m_saveError, widgets::readError(error));
            return false;
        }
        fields.insert(QStringLiteral("hcp_id"), m_hcpId);
        fields.insert(QStringLiteral("institution_id"), textOrNull(hcp.institutionId));
        fields.insert(QStringLiteral("rep_id"), m_account.userId);
        fields.insert(QStringLiteral("territory_id"),
            territory.isEmpty() ? m_account.territoryIds.value(0) : territory);
        // The visit first, so its details never reach the server before it.
        const WriteResult w = m_store->create(QStringLiteral("visit"), fields);
        if (!w.ok)
            return fail(w);
        m_visitId = w.id;
        if (auto err = writeDetails())
            return fail(*err);
    } else {
        // Details first: once the visit says "submitted", the server refuses changes to them.
        if (auto err = writeDetails())
            return fail(*err);
        const WriteResult w = m_store->update(QStringLiteral("visit"), m_visitId, fields);
        if (!w.ok)
            return fail(w);
    }
    setWindowTitle(tr("Visit"));
    m_checked = false;
    setReadOnly(submit);
    emit visitSaved(m_visitId, submit);
    return true;
}

void VisitDialog::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (QWidget *w :
        std::initializer_list<QWidget *> {m_channel, m_visitedAt, m_duration, m_supportLevel, m_followUp,
            m_addProduct, m_removeProduct, m_moveUp, m_moveDown, m_present, m_saveDraft, m_submit})
        w->setEnabled(!readOnly);
    m_followUpDue->setEnabled(!readOnly && !m_followUp->text().trimmed().isEmpty());
    m_feedback->setReadOnly(readOnly);
    m_notes->setReadOnly(readOnly);
    for (int r = 0; r < m_products->rowCount(); ++r) {
        for (int c = ProductCol; c <= ReactionCol; ++c)
            m_products->cellWidget(r, c)->setEnabled(!readOnly);
    }
    QPalette p = m_badge->palette();
    if (readOnly) {
        m_badge->setText(tr("Submitted · read-only"));
        p.setColor(QPalette::Window, QColor(0x2e, 0x7d, 0x32));
        p.setColor(QPalette::WindowText, Qt::white);
    } else {
        m_badge->setText(m_visitId.isEmpty() ? tr("New") : tr("Draft"));
        p.setColor(QPalette::Window, QColor(0xf9, 0xa8, 0x25));
        p.setColor(QPalette::WindowText, Qt::black);
    }
    m_badge->setPalette(p);
}

void VisitDialog::clearErrors()
{
    for (QLabel *l : {m_visitedAtError, m_durationError, m_productsError, m_supportLevelError,
             m_followUpError, m_saveError}) {
        l->clear();
        l->hide();
    }
}

void VisitDialog::showError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->show();
}

} // namespace rounds
