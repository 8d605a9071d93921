#pragma once

#include <QGroupBox>
#include <QJsonValue>
#include <QList>
#include <QMap>

class QCheckBox;
class QFormLayout;
class QLineEdit;

namespace rounds {

class Store;

// Company settings, "Privacy and consent" (docs/privacy.md): whether a contact needs consent, how long a
// consent lasts and when it warns, how long a laptop may stay offline, which HCP contact fields reach reps'
// and managers' laptops, and how long the server keeps audit entries, tombstones and push answers. Each
// number is checked against the bounds the readers apply before anything is saved; only a value that
// differs from the one in force (or its default) becomes a new `setting` record.
class PrivacySettingsForm final : public QGroupBox
{
    Q_OBJECT
public:
    explicit PrivacySettingsForm(Store *store, QWidget *parent = nullptr);

    void reload();
    // False, with the problem reported by message(), when a field is out of bounds or the store refuses.
    bool save();

signals:
    void message(const QString &text, bool error);
    void saved();

private:
    struct DaysField
    {
        QLineEdit *edit = nullptr;
        QString label;
        QString key; // the setting's key
        QString member; // within retention.days; empty for a plain number
        int min = 0;
        int max = 0;
        int fallback = 0; // in force when the setting says nothing
    };

    void addDays(QFormLayout *form, const QString &name, const QString &label, const QString &key,
        const QString &member, int min, int max, int fallback);
    QJsonValue current(const QString &key);
    bool write(const QString &key, const QJsonValue &value);

    Store *m_store;
    QCheckBox *m_required = nullptr;
    QList<DaysField> m_days;
    QMap<QString, QMap<QString, QCheckBox *>> m_contact; // role → field → box
};

} // namespace rounds
