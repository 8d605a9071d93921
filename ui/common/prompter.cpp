#include "ui/common/prompter.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>

namespace rounds {

namespace {

class BoxPrompter final : public Prompter
{
public:
    bool confirm(QWidget *parent, const QString &title, const QString &text) override
    {
        return QMessageBox::question(parent, title, text) == QMessageBox::Yes;
    }
    std::optional<QString> askText(
        QWidget *parent, const QString &title, const QString &label, const QString &initial) override
    {
        bool ok = false;
        const QString text = QInputDialog::getText(parent, title, label, QLineEdit::Normal, initial, &ok);
        if (!ok)
            return std::nullopt;
        return text;
    }
    bool confirmApply(QWidget *parent, const QString &title, const QString &text) override
    {
        QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Apply | QMessageBox::Cancel, parent);
        box.setObjectName(QStringLiteral("confirmApplyMessageBox"));
        box.setDefaultButton(QMessageBox::Cancel);
        return box.exec() == QMessageBox::Apply;
    }
    void inform(QWidget *parent, const QString &title, const QString &text) override
    {
        QMessageBox::information(parent, title, text);
    }
};

Prompter *g_override = nullptr;

} // namespace

bool Prompter::confirmApply(QWidget *parent, const QString &title, const QString &text)
{
    return confirm(parent, title, text);
}

std::optional<QString> Prompter::askSaveFile(
    QWidget *parent, const QString &title, const QString &suggested, const QString &filter)
{
    const QString path = QFileDialog::getSaveFileName(parent, title, suggested, filter);
    if (path.isEmpty())
        return std::nullopt;
    return path;
}

Prompter &Prompter::instance()
{
    static BoxPrompter boxes;
    return g_override ? *g_override : boxes;
}

void Prompter::setInstance(Prompter *prompter)
{
    g_override = prompter;
}

} // namespace rounds
