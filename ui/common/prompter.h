#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace rounds {

// Every question the client asks the user in a modal box goes through here, so tests script the
// answers instead of clicking a box they cannot see.
class Prompter
{
public:
    virtual ~Prompter() = default;

    virtual bool confirm(QWidget *parent, const QString &title, const QString &text) = 0;
    // A change summarised before it is applied: Apply or Cancel (Cancel is the default). Not pure, so
    // existing test prompters keep compiling: by default it asks confirm(), which they script.
    virtual bool confirmApply(QWidget *parent, const QString &title, const QString &text);
    // A line of text (the user's own value for a conflict); nullopt when cancelled.
    virtual std::optional<QString> askText(
        QWidget *parent, const QString &title, const QString &label, const QString &initial)
        = 0;
    virtual void inform(QWidget *parent, const QString &title, const QString &text) = 0;
    // Where to save a file (a file dialog starting at `suggested`); nullopt when cancelled. Not pure, so
    // existing test prompters keep compiling; tests that export override it with a temporary path.
    virtual std::optional<QString> askSaveFile(
        QWidget *parent, const QString &title, const QString &suggested, const QString &filter);

    // The one in use: message boxes unless a test installed its own (not owned; null restores).
    static Prompter &instance();
    static void setInstance(Prompter *prompter);
};

} // namespace rounds
