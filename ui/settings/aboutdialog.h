#pragma once

#include <QDialog>

namespace rounds {

// Help → About: what Rounds is, and the versions support asks for (Rounds, Qt, SQLite, the sync
// protocol, the operating system), with a button that copies them.
class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    // The versions as plain text, one per line (what the copy button puts on the clipboard).
    static QString versionText();
};

} // namespace rounds
