#include "ui/history/historydialog.h"

#include "ui/common/screenfit.h"

#include "ui/history/historyview.h"

#include <QDialogButtonBox>
#include <QVBoxLayout>

namespace rounds {

HistoryDialog::HistoryDialog(
    Session *session, const QString &entity, const QString &id, const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_view(new HistoryView(session, this))
{
    setObjectName(QStringLiteral("historyDialog"));
    setWindowTitle(tr("History of %1").arg(title));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    screenfit::resizeToScreen(this, QSize(860, 520));
    m_view->load(entity, id);
}

HistoryDialog *HistoryDialog::open(
    Session *session, const QString &entity, const QString &id, const QString &title, QWidget *parent)
{
    auto *dialog = new HistoryDialog(session, entity, id, title, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace rounds
