#include "ui/settings/aboutdialog.h"

#include "sync/diagnostics.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rounds {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Rounds"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(72, 72));
    icon->setAlignment(Qt::AlignTop);
    auto *title
        = new QLabel(QStringLiteral("<h2>Rounds %1</h2>").arg(QApplication::applicationVersion()), this);
    auto *blurb = new QLabel(tr("Visits, visit plans and meetings for the field force. Rounds keeps your "
                                "territory on this computer, works without a network, and syncs with your "
                                "company's server whenever it can — without losing a record."),
        this);
    blurb->setWordWrap(true);

    const QJsonObject v = diagnostics::versions();
    auto *versions = new QFormLayout;
    const auto row = [this, versions](const QString &label, const QString &value) {
        auto *text = new QLabel(value, this);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        versions->addRow(label, text);
    };
    row(tr("Rounds:"), v.value(u"rounds").toString());
    row(tr("Qt:"),
        tr("%1 (built with %2)").arg(v.value(u"qt_runtime").toString(), v.value(u"qt_build").toString()));
    row(tr("SQLite:"), v.value(u"sqlite").toString());
    row(tr("Sync protocol:"), QString::number(v.value(u"protocol").toInt()));
    row(tr("System:"), v.value(u"os").toString());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = buttons->addButton(tr("&Copy versions"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyVersionsButton"));
    connect(copy, &QPushButton::clicked, this, [] { QApplication::clipboard()->setText(versionText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(blurb);
    text->addLayout(versions);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

QString AboutDialog::versionText()
{
    const QJsonObject v = diagnostics::versions();
    return QStringLiteral("Rounds %1\nQt %2 (built with %3)\nSQLite %4\nProtocol %5\n%6\n")
        .arg(v.value(u"rounds").toString(), v.value(u"qt_runtime").toString(),
            v.value(u"qt_build").toString(), v.value(u"sqlite").toString(),
            QString::number(v.value(u"protocol").toInt()), v.value(u"os").toString());
}

} // namespace rounds
