#include "ui/hcp/erasedialog.h"

#include "common/protocol/messages.h"
#include "common/protocol/privacy.h"
#include "sync/dsrclient.h"
#include "ui/common/widgets.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rounds {

namespace {

using protocol::Messages;

QString labels(const QString &entity, const QStringList &fields)
{
    QStringList out;
    for (const QString &f : fields)
        out << Messages::fieldLabel(entity, f);
    return out.join(EraseDialog::tr(", ", "between the fields of one record"));
}

QString line(const QString &entity, const QString &what)
{
    return EraseDialog::tr("%1: %2", "a kind of record: what of it is erased")
        .arg(Messages::entityLabel(entity), what);
}

// What the server erases, in the user's words: one line per kind of record.
QString removedList()
{
    namespace erasure = protocol::privacy::erasure;
    QStringList lines;
    const QString hcp = QStringLiteral("hcp");
    lines << line(hcp, labels(hcp, erasure::hcpNameFields() + erasure::hcpClearedFields()));
    for (const erasure::Rule &r : erasure::rules())
        lines << line(r.entity, r.removed ? EraseDialog::tr("all deleted") : labels(r.entity, r.cleared));
    const QString request = QStringLiteral("change_request");
    lines << line(request, labels(request, erasure::changeRequestText()));
    QString html = QStringLiteral("<ul style=\"margin-left: -20px\">");
    for (const QString &l : lines)
        html += QStringLiteral("<li>%1</li>").arg(l.toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

} // namespace

EraseDialog::EraseDialog(const QString &hcpName, const QString &reason, QWidget *parent)
    : QDialog(parent)
    , m_name(hcpName)
{
    setObjectName(QStringLiteral("eraseDialog"));
    setWindowTitle(tr("Erase personal data"));

    auto *intro = new QLabel(
        tr("<b>%1</b>'s personal data will be erased on the server and, at their next sync, on every "
           "laptop. This cannot be undone.")
            .arg(hcpName.toHtmlEscaped()),
        this);
    intro->setObjectName(QStringLiteral("eraseIntroLabel"));
    intro->setWordWrap(true);
    auto *removed = new QLabel(tr("Removed:") + removedList(), this);
    removed->setObjectName(QStringLiteral("eraseRemovedLabel"));
    removed->setWordWrap(true);
    auto *kept = new QLabel(tr("Kept, anonymised: the visits (date, channel, products, support level) and "
                               "meetings still count in the KPIs; the HCP stays as \"%1\" with specialty, "
                               "tier and institution. The request is recorded in the audit trail with your "
                               "name and the reason.")
                                .arg(protocol::privacy::erasure::placeholderExample()),
        this);
    kept->setObjectName(QStringLiteral("eraseKeptLabel"));
    kept->setWordWrap(true);

    m_reason = widgets::named<QPlainTextEdit>(QStringLiteral("eraseReasonTextEdit"), this);
    m_reason->setPlaceholderText(tr("Who asked, and the request's reference (e.g. letter of 1 December)"));
    m_reason->setPlainText(reason);
    m_reason->setTabChangesFocus(true);
    m_reason->setMaximumHeight(m_reason->fontMetrics().lineSpacing() * 4 + 12);
    m_reasonCount = widgets::named<QLabel>(QStringLiteral("eraseReasonCountLabel"), this);
    m_confirm = widgets::named<QLineEdit>(QStringLiteral("eraseConfirmLineEdit"), this);
    m_confirm->setPlaceholderText(hcpName);
    auto *form = new QFormLayout;
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(QString(), m_reasonCount);
    form->addRow(tr("Type the HCP's name to confirm:"), m_confirm);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_erase = buttons->addButton(tr("&Erase personal data"), QDialogButtonBox::AcceptRole);
    m_erase->setObjectName(QStringLiteral("eraseButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canErase())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &EraseDialog::update);
    connect(m_confirm, &QLineEdit::textChanged, this, &EraseDialog::update);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(removed);
    layout->addWidget(kept);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    update();
}

QString EraseDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

bool EraseDialog::canErase() const
{
    const qsizetype length = reason().size();
    return length > 0 && length <= DsrClient::kMaxReasonLength
        && m_confirm->text().trimmed() == m_name.trimmed();
}

void EraseDialog::update()
{
    const qsizetype length = reason().size();
    m_reasonCount->setText(length > DsrClient::kMaxReasonLength
            ? tr("%1 characters: at most %2, please shorten it").arg(length).arg(DsrClient::kMaxReasonLength)
            : tr("%1 of %2 characters").arg(length).arg(DsrClient::kMaxReasonLength));
    m_reasonCount->setStyleSheet(
        length > DsrClient::kMaxReasonLength ? QStringLiteral("color: #b00020;") : QString());
    m_erase->setEnabled(canErase());
}

} // namespace rounds
